import type { Kysely } from 'kysely';
import type { DialectKind } from '../database.js';
import type { AppMigration } from './migration.js';

/**
 * Threshold states shared by the instances of a cluster: each row carries when the clock must next step it
 * (a delay reached, a silence), so any instance's tick finds the due rows with one indexed query.
 */
async function up(db: Kysely<unknown>, _dialect: DialectKind): Promise<void> {
  await db.schema.alterTable('threshold_states').addColumn('due_at', 'double precision').execute();
  await db.schema.createIndex('threshold_states_due').on('threshold_states').column('due_at').execute();
}

export const thresholdDue: AppMigration = { name: '058-threshold-due', up };
