import type { Kysely } from 'kysely';
import type { DialectKind } from '../database.js';
import type { AppMigration } from './migration.js';

/**
 * Partner signatures seen inside their timestamp window: in the database, so a replay is refused after a
 * restart and by every instance sharing it.
 */
async function up(db: Kysely<unknown>, _dialect: DialectKind): Promise<void> {
  await db.schema
    .createTable('replay_guards')
    .addColumn('signature', 'text', (c) => c.primaryKey())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('replay_guards_expires').on('replay_guards').column('expires_at').execute();
}

export const replayGuards: AppMigration = { name: '034-replay-guards', up };
