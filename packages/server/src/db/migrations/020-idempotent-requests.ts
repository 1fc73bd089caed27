import type { Kysely } from 'kysely';
import type { DialectKind } from '../database.js';
import type { AppMigration } from './migration.js';

/**
 * The first answer of writes sent with an `Idempotency-Key` (ratings, notices, complaints), per principal,
 * route and key. `status` 0 marks a request still running. Ledgers keep their keys on the record itself.
 */
async function up(db: Kysely<unknown>, _dialect: DialectKind): Promise<void> {
  await db.schema
    .createTable('idempotent_requests')
    .addColumn('principal_id', 'text', (c) => c.notNull())
    .addColumn('route', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('status', 'integer', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('idempotent_requests_pk', ['principal_id', 'route', 'key'])
    .execute();
  await db.schema.createIndex('idempotent_requests_created').on('idempotent_requests').column('created_at').execute();
}

export const idempotentRequests: AppMigration = { name: '020-idempotent-requests', up };
