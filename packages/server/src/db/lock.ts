import { type Kysely, sql } from 'kysely';
import type { DialectKind } from './database.js';
import type { DB } from './schema.js';

/**
 * Serializes writers of one venue inside a transaction. PostgreSQL locks the venue row;
 * SQLite has one writer at a time already (one connection, Kysely's mutex).
 */
export async function lockVenue(trx: Kysely<DB>, dialect: DialectKind, venueId: string): Promise<boolean> {
  if (dialect === 'postgres') {
    const r = await sql<{ id: string }>`select id from venues where id = ${venueId} for update`.execute(trx);
    return r.rows.length > 0;
  }
  const row = await trx.selectFrom('venues').select('id').where('id', '=', venueId).executeTakeFirst();
  return row !== undefined;
}
