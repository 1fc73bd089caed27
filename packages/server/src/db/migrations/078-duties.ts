import type { Kysely } from 'kysely';
import type { DialectKind } from '../database.js';
import type { AppMigration } from './migration.js';

/**
 * Legal duties and operating procedures pushed to a region's venues of some kinds (`kinds`: JSON array of venue
 * kinds), and one read receipt per duty and venue (the first reader is kept: the primary key makes a second read a
 * no-op, on both databases and across instances).
 */
async function up(db: Kysely<unknown>, _dialect: DialectKind): Promise<void> {
  await db.schema
    .createTable('duties')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('region_id', 'text', (c) => c.notNull().references('regions.id'))
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('kinds', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('basis', 'text')
    .addColumn('link', 'text')
    .addColumn('published_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('duties_region').on('duties').columns(['region_id', 'created_at']).execute();
  await db.schema
    .createTable('duty_receipts')
    .addColumn('duty_id', 'text', (c) => c.notNull().references('duties.id'))
    .addColumn('venue_id', 'text', (c) => c.notNull().references('venues.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('read_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('duty_receipts_pk', ['duty_id', 'venue_id'])
    .execute();
}

export const duties: AppMigration = { name: '078-duties', up };
