import type { Kysely } from 'kysely';
import type { DialectKind } from '../database.js';
import type { AppMigration } from './migration.js';

/**
 * The warehouse's satisfaction panels read a range of days across a city's ratings: an index by local day that
 * also holds the venue and the three faces answers them from the index alone (a city's year is ~450,000 ratings).
 */
async function up(db: Kysely<unknown>, _dialect: DialectKind): Promise<void> {
  await db.schema
    .createIndex('ratings_day_faces')
    .on('ratings')
    .columns(['local_day', 'venue_id', 'dishes', 'hygiene', 'service'])
    .ifNotExists()
    .execute();
}

export const ratingsByDay: AppMigration = { name: '071-ratings-by-day', up };
