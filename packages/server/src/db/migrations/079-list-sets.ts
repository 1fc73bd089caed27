import { type Kysely, sql } from 'kysely';
import type { DialectKind } from '../database.js';
import type { AppMigration } from './migration.js';

/**
 * Red and black lists: each computed pair (`list_sets`, a draft until published) keeps its entries with their
 * factors as JSON; a published set's listed venues are rows of `list_members`, which the public profile's
 * `listStatus` reads. At most one published set per region, period and scope (a partial unique index: two
 * regulators publishing at once cannot both succeed).
 */
async function up(db: Kysely<unknown>, _dialect: DialectKind): Promise<void> {
  await db.schema
    .createTable('list_sets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('region_id', 'text', (c) => c.notNull().references('regions.id'))
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('scope_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('computed_by', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .addColumn('published_by', 'text')
    .execute();
  await sql`create unique index list_sets_one_published on list_sets (region_id, period, scope_name)
    where state = 'published'`.execute(db);
  await db.schema
    .createIndex('list_sets_region_published')
    .on('list_sets')
    .columns(['region_id', 'state', 'published_at'])
    .execute();
  await db.schema
    .createTable('list_members')
    .addColumn('list_id', 'text', (c) => c.notNull().references('list_sets.id'))
    .addColumn('venue_id', 'text', (c) => c.notNull().references('venues.id'))
    .addColumn('list', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('list_members_pk', ['list_id', 'venue_id'])
    .execute();
  await db.schema.createIndex('list_members_venue').on('list_members').columns(['venue_id']).execute();
}

export const listSets: AppMigration = { name: '079-list-sets', up };
