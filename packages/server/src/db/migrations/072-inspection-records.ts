import type { Kysely } from 'kysely';
import type { DialectKind } from '../database.js';
import type { AppMigration } from './migration.js';

/**
 * Inspections recorded on the phone keep what the paper record holds — the answers as given (with remarks,
 * photos and not-applicable items), the inspector's user and signature, the manager's countersignature or
 * refusal, a remark — and `venue_grades` keeps each venue's grades (dynamic and annual) as last computed, for the
 * lists, the console and open data to read in bulk.
 */
async function up(db: Kysely<unknown>, _dialect: DialectKind): Promise<void> {
  for (const column of ['answers', 'inspector_id', 'inspector_signature', 'countersign', 'remark']) {
    await db.schema.alterTable('inspections').addColumn(column, 'text').execute();
  }
  await db.schema
    .createTable('venue_grades')
    .addColumn('venue_id', 'text', (c) => c.primaryKey().references('venues.id'))
    .addColumn('dynamic_face', 'text')
    .addColumn('dynamic_score', 'double precision')
    .addColumn('inspected_on', 'text')
    .addColumn('no_grade_reasons', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('annual_grade', 'text')
    .addColumn('annual_average', 'double precision')
    .addColumn('annual_year', 'integer')
    .addColumn('computed_at', 'text', (c) => c.notNull())
    .execute();
}

export const inspectionRecords: AppMigration = { name: '072-inspection-records', up };
