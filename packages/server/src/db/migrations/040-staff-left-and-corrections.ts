import { type Kysely, sql } from 'kysely';
import type { DialectKind } from '../database.js';
import type { AppMigration } from './migration.js';

/**
 * Staff who left (`left_on`, the last day worked; the archive keeps them), and ledger corrections: a record is
 * corrected at most once, which a unique index on the corrected record's id (`body.corrects.recordId`) holds even
 * for two corrections sent at once. Record ids are unique across venues, so the id alone is the key.
 */
async function up(db: Kysely<unknown>, dialect: DialectKind): Promise<void> {
  await db.schema.alterTable('staff').addColumn('left_on', 'text').execute();
  const corrected =
    dialect === 'sqlite'
      ? sql`json_extract(body, '$.corrects.recordId')`
      : sql`((body)::jsonb #>> '{corrects,recordId}')`;
  await db.schema
    .createIndex('ledger_records_corrects')
    .unique()
    .on('ledger_records')
    .expression(corrected)
    .where(sql<boolean>`${corrected} is not null`)
    .execute();
}

export const staffLeftAndCorrections: AppMigration = { name: '040-staff-left-and-corrections', up };
