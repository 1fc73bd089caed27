/**
 * Writes one ingestion batch (readings, changed device statuses, changed threshold states) in one
 * transaction, without building a query per row:
 * - SQLite: prepared statements kept per connection — readings in multi-row INSERTs of
 *   `READINGS_PER_STATEMENT` rows, run synchronously under Kysely's connection lock;
 * - PostgreSQL: one statement per table whatever the batch size (`unnest` of column arrays). Instances share the
 *   database, so a device's status row merges what each saw: failure counts are this instance's new ones, added to
 *   the stored ones; the last reading per metric is the newer of the two; last seen the later; the online word
 *   is kept unless this instance sends one (in a cluster it is written when it changes, see DeviceStatusBook).
 */
import { sql } from 'kysely';
import type { Database } from '../db/index.js';
import { type IngestBatch, sqliteWriter } from './sqlite-batch.js';

export { type IngestBatch, READINGS_PER_STATEMENT } from './sqlite-batch.js';

const column = <T, K extends keyof T>(rows: readonly T[], key: K): T[K][] => rows.map((r) => r[key]);

async function writePostgres(database: Database, batch: IngestBatch): Promise<void> {
  const { readings: r, statuses: s, thresholds: t } = batch;
  await database.db.transaction().execute(async (trx) => {
    if (r.length > 0) {
      await sql`insert into readings (device_id, venue_id, metric, channel, value, unit, time)
        select * from unnest(${column(r, 'device_id')}::text[], ${column(r, 'venue_id')}::text[],
          ${column(r, 'metric')}::text[], ${column(r, 'channel')}::text[], ${column(r, 'value')}::float8[],
          ${column(r, 'unit')}::text[], ${column(r, 'time')}::text[])`.execute(trx);
    }
    if (s.length > 0) {
      await sql`insert into device_status
          (device_id, online, last_seen_at, readings, failures, failure_count, last_failure, updated_at)
        select * from unnest(${column(s, 'device_id')}::text[], ${column(s, 'online')}::int[],
          ${column(s, 'last_seen_at')}::text[], ${column(s, 'readings')}::text[], ${column(s, 'failures')}::text[],
          ${column(s, 'failure_count')}::int[], ${column(s, 'last_failure')}::text[], ${column(s, 'updated_at')}::text[])
        on conflict (device_id) do update set online = coalesce(excluded.online, device_status.online),
          last_seen_at = greatest(excluded.last_seen_at, device_status.last_seen_at),
          readings = (select coalesce(jsonb_object_agg(key, value), '{}'::jsonb)::text from (
            select distinct on (key) key, value from (
              select * from jsonb_each(device_status.readings::jsonb)
              union all select * from jsonb_each(excluded.readings::jsonb)) as both_views
            order by key, value->>'time' desc) as newest),
          failures = (select coalesce(jsonb_object_agg(code, total), '{}'::jsonb)::text from (
            select key as code, sum(value::int) as total from (
              select * from jsonb_each_text(device_status.failures::jsonb)
              union all select * from jsonb_each_text(excluded.failures::jsonb)) as counted
            group by key) as summed),
          failure_count = device_status.failure_count + excluded.failure_count,
          last_failure = coalesce(excluded.last_failure, device_status.last_failure),
          updated_at = excluded.updated_at`.execute(trx);
    }
    if (t.length > 0) {
      await sql`insert into threshold_states (device_id, metric, state, updated_at)
        select * from unnest(${column(t, 'device_id')}::text[], ${column(t, 'metric')}::text[],
          ${column(t, 'state')}::text[], ${column(t, 'updated_at')}::text[])
        on conflict (device_id, metric) do update set state = excluded.state, updated_at = excluded.updated_at`.execute(
        trx,
      );
    }
  });
}

/** Stores the batch atomically (all of it or, on an error, none of it). */
export async function writeIngestBatch(database: Database, batch: IngestBatch): Promise<void> {
  const { sqlite } = database;
  if (database.dialect === 'sqlite' && sqlite) {
    const write = sqliteWriter(sqlite);
    // Holding Kysely's connection keeps this transaction from interleaving with an async Kysely one.
    await database.db.connection().execute(async () => write(batch));
    return;
  }
  await writePostgres(database, batch);
}
