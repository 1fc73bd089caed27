import type { Kysely } from 'kysely';
import type { DialectKind } from '../database.js';
import type { AppMigration } from './migration.js';

/**
 * Rectification notices (责令整改通知书): the SDK's `Rectification` kept whole in `data`, with the columns that
 * scope, filter and escalate it. `escalated_at` (with the alert's id) is the once-only mark of the overdue alert: the job sets it in
 * the transaction that stores the alert, guarded by `escalated_at is null`, so two instances never raise two.
 */
async function up(db: Kysely<unknown>, _dialect: DialectKind): Promise<void> {
  await db.schema
    .createTable('rectifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('venue_id', 'text', (c) => c.notNull().references('venues.id'))
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('deadline', 'text', (c) => c.notNull())
    .addColumn('source_kind', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text')
    .addColumn('reinspect_on', 'text')
    .addColumn('issued_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('escalated_at', 'text')
    .addColumn('escalation_alert_id', 'text')
    .execute();
  await db.schema.createIndex('rectifications_venue').on('rectifications').columns(['venue_id', 'state']).execute();
  await db.schema.createIndex('rectifications_due').on('rectifications').columns(['state', 'deadline']).execute();
}

export const rectifications: AppMigration = { name: '073-rectifications', up };
