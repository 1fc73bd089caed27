import type { Kysely } from 'kysely';
import type { DialectKind } from '../database.js';
import type { AppMigration } from './migration.js';

/** Sampling tasks (抽检): the SDK's `SamplingTask` in `data`, with the columns that scope and filter it. */
async function up(db: Kysely<unknown>, _dialect: DialectKind): Promise<void> {
  await db.schema
    .createTable('sampling_tasks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('venue_id', 'text', (c) => c.notNull().references('venues.id'))
    .addColumn('inspector_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sampling_tasks_venue').on('sampling_tasks').columns(['venue_id', 'state']).execute();
  await db.schema.createIndex('sampling_tasks_inspector').on('sampling_tasks').column('inspector_id').execute();
}

export const samplingTasks: AppMigration = { name: '074-sampling-tasks', up };
