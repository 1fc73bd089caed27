import type { Kysely } from 'kysely';
import type { DialectKind } from '../database.js';
import type { AppMigration } from './migration.js';

/** Security-relevant actions, kept for admins and the region's regulators (SDK `AuditEntry`). */
async function up(db: Kysely<unknown>, _dialect: DialectKind): Promise<void> {
  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_role', 'text')
    .addColumn('venue_id', 'text')
    .addColumn('region_id', 'text')
    .addColumn('subject', 'text')
    .addColumn('ip', 'text')
    .addColumn('details', 'text')
    .execute();
  await db.schema.createIndex('audit_log_at').on('audit_log').columns(['at', 'id']).execute();
  await db.schema.createIndex('audit_log_region_at').on('audit_log').columns(['region_id', 'at']).execute();
}

export const auditLog: AppMigration = { name: '038-audit-log', up };
