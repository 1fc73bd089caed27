import type { Kysely } from 'kysely';
import type { DialectKind } from '../database.js';
import type { AppMigration } from './migration.js';

/**
 * Risk models, one row per fit (kept, so a ranking `asOf` a past day uses the model in force then). `scope` is the
 * region the model learned from, or `all`. `pins` are the coefficients a regulator fixed as policy. Plus indexes the
 * warehouse reads by: ledger records by day, alerts by opening time, complaints and notices by creation time, ratings by day.
 */
async function up(db: Kysely<unknown>, _dialect: DialectKind): Promise<void> {
  await db.schema
    .createTable('risk_models')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('fitted_at', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('intercept', 'real', (c) => c.notNull())
    .addColumn('coefficients', 'text', (c) => c.notNull())
    .addColumn('auc', 'real')
    .addColumn('inspections', 'integer', (c) => c.notNull())
    .addColumn('key_failed', 'integer', (c) => c.notNull())
    .addColumn('held_out', 'integer', (c) => c.notNull())
    .addColumn('pins', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();
  await db.schema.createIndex('risk_models_scope').on('risk_models').columns(['scope', 'fitted_at']).execute();
  // Panels read a range of days of the required kinds across all venues (the existing index leads with the venue).
  await db.schema
    .createIndex('ledger_records_kind_day')
    .on('ledger_records')
    .columns(['kind', 'local_day', 'venue_id'])
    .ifNotExists()
    .execute();
  await db.schema.createIndex('alerts_opened').on('alerts').columns(['opened_at']).ifNotExists().execute();
  await db.schema.createIndex('complaints_created').on('complaints').columns(['created_at']).ifNotExists().execute();
  await db.schema.createIndex('notices_created').on('notices').columns(['created_at']).ifNotExists().execute();
  await db.schema.createIndex('ratings_day').on('ratings').columns(['local_day']).ifNotExists().execute();
  await db.schema.createIndex('inspections_date').on('inspections').columns(['date']).ifNotExists().execute();
}

export const riskModels: AppMigration = { name: '045-risk-models', up };
