import { type Kysely, sql } from 'kysely';
import type { DialectKind } from '../database.js';
import type { AppMigration } from './migration.js';

/**
 * The venue's food business licence number as a column (`licence_no`, backfilled from the venue's JSON `data`)
 * with a unique index: the key the bureau's registers are imported by (importing again updates, never duplicates).
 * Venues whose stored number repeats another's keep the first (oldest) one's number only; the rest stay null.
 */
async function up(db: Kysely<unknown>, dialect: DialectKind): Promise<void> {
  await db.schema.alterTable('venues').addColumn('licence_no', 'text').execute();
  const number =
    dialect === 'sqlite'
      ? sql`json_extract(v.data, '$.licence.number')`
      : sql`((v.data)::jsonb -> 'licence' ->> 'number')`;
  await sql`update venues set licence_no = (select ${number} from venues v where v.id = venues.id)`.execute(db);
  await sql`update venues set licence_no = null where licence_no is not null and exists (
      select 1 from venues o where o.licence_no = venues.licence_no
        and (o.created_at < venues.created_at or (o.created_at = venues.created_at and o.id < venues.id)))`.execute(db);
  await db.schema.createIndex('venues_licence_no').on('venues').column('licence_no').unique().execute();
}

export const venueLicenceNumbers: AppMigration = { name: '044-venue-licence-numbers', up };
