import { type Kysely, sql } from 'kysely';
import type { DialectKind } from '../database.js';
import type { AppMigration } from './migration.js';

/**
 * One running disinfection run per device, whichever instance saw the lamp switch on: a unique partial
 * index, and `insert … on conflict do nothing` at the start of a run. Older duplicates (two instances that
 * each started one) end when the newest began, counted short.
 */
async function up(db: Kysely<unknown>, _dialect: DialectKind): Promise<void> {
  await sql`update disinfection_runs set status = 'short', ended_at = (
      select max(r.started_at) from disinfection_runs r
      where r.device_id = disinfection_runs.device_id and r.status = 'running')
    where status = 'running' and started_at < (
      select max(r.started_at) from disinfection_runs r
      where r.device_id = disinfection_runs.device_id and r.status = 'running')`.execute(db);
  await db.schema
    .createIndex('disinfection_runs_one_running')
    .on('disinfection_runs')
    .column('device_id')
    .unique()
    .where(sql.ref('status'), '=', 'running')
    .execute();
}

export const oneRunningDisinfection: AppMigration = { name: '059-one-running-disinfection', up };
