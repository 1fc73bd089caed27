import type { Kysely } from 'kysely';
import type { DialectKind } from '../database.js';
import type { AppMigration } from './migration.js';

/**
 * Indexes for the devices runtime's clock loop: the disinfection-ledger cross-check reads
 * `ledger_records` of one kind after a cursor (created_at, id) every tick, which without this index
 * scanned the whole ledger table (~70 ms per second in the demo city, stalling ingestion).
 */
async function up(db: Kysely<unknown>, _dialect: DialectKind): Promise<void> {
  await db.schema
    .createIndex('ledger_records_kind_created')
    .on('ledger_records')
    .columns(['kind', 'created_at', 'id'])
    .execute();
}

export const engineIndexes: AppMigration = { name: '030-engine-indexes', up };
