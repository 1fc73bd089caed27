import type { Kysely } from 'kysely';
import type { DialectKind } from '../database.js';
import type { AppMigration } from './migration.js';

/**
 * Abuse limits kept in the database, so a restart or a second instance forgets nothing: wrong passwords
 * per account (and the lock they earn), and what each consumer sent per local day.
 */
async function up(db: Kysely<unknown>, _dialect: DialectKind): Promise<void> {
  await db.schema
    .createTable('login_locks')
    .addColumn('login', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('locked_until', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('consumer_quotas')
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('local_day', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('used', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('consumer_quotas_pk', ['user_id', 'local_day', 'kind'])
    .execute();
}

export const abuseLimits: AppMigration = { name: '036-abuse-limits', up };
