import type { Kysely } from 'kysely';
import type { DialectKind } from '../database.js';
import type { AppMigration } from './migration.js';

/**
 * The per-IP rate limiters' counters, shared by the instances of a cluster (PostgreSQL): one row per limiter
 * and address, its count in the window that started at `window_start` (ms since the epoch).
 */
async function up(db: Kysely<unknown>, _dialect: DialectKind): Promise<void> {
  await db.schema
    .createTable('rate_counters')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('window_start', 'bigint', (c) => c.notNull())
    .execute();
}

export const rateCounters: AppMigration = { name: '056-rate-counters', up };
