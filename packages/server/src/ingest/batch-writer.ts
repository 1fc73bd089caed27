/**
 * Writes one ingestion batch (readings, changed device statuses, changed threshold states) in one
 * transaction, without building a query per row:
 * - SQLite: prepared statements kept per connection — readings in multi-row INSERTs of
 *   `READINGS_PER_STATEMENT` rows, run synchronously under Kysely's connection lock;
 * - PostgreSQL: one statement per table whatever the batch size (`unnest` of column arrays).
 */
import type SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import type { Database, DeviceStatusTable, ReadingsTable, ThresholdStatesTable } from '../db/index.js';

export interface IngestBatch {
  readonly readings: readonly ReadingsTable[];
  readonly statuses: readonly DeviceStatusTable[];
  readonly thresholds: readonly ThresholdStatesTable[];
}

/** Rows per multi-row INSERT on SQLite (7 parameters each, far below SQLite's limit). */
export const READINGS_PER_STATEMENT = 64;

const READING_COLUMNS = '(device_id, venue_id, metric, channel, value, unit, time)';

const STATUS_UPSERT = `insert into device_status
  (device_id, online, last_seen_at, readings, failures, failure_count, last_failure, updated_at)
  values (?, ?, ?, ?, ?, ?, ?, ?)
  on conflict (device_id) do update set online = excluded.online, last_seen_at = excluded.last_seen_at,
    readings = excluded.readings, failures = excluded.failures, failure_count = excluded.failure_count,
    last_failure = excluded.last_failure, updated_at = excluded.updated_at`;

const THRESHOLD_UPSERT = `insert into threshold_states (device_id, metric, state, updated_at) values (?, ?, ?, ?)
  on conflict (device_id, metric) do update set state = excluded.state, updated_at = excluded.updated_at`;

const writers = new WeakMap<SQLite.Database, (batch: IngestBatch) => void>();

function readingValues(rows: number): string {
  return Array.from({ length: rows }, () => '(?, ?, ?, ?, ?, ?, ?)').join(', ');
}

/** The batch transaction of one connection, its statements prepared once. */
function sqliteWriter(sqlite: SQLite.Database): (batch: IngestBatch) => void {
  const existing = writers.get(sqlite);
  if (existing) return existing;
  const many = sqlite.prepare(
    `insert into readings ${READING_COLUMNS} values ${readingValues(READINGS_PER_STATEMENT)}`,
  );
  const one = sqlite.prepare(`insert into readings ${READING_COLUMNS} values ${readingValues(1)}`);
  const status = sqlite.prepare(STATUS_UPSERT);
  const threshold = sqlite.prepare(THRESHOLD_UPSERT);
  const params: (string | number | null)[] = new Array(READINGS_PER_STATEMENT * 7);
  const write = sqlite.transaction((batch: IngestBatch) => {
    const { readings } = batch;
    let i = 0;
    for (; i + READINGS_PER_STATEMENT <= readings.length; i += READINGS_PER_STATEMENT) {
      for (let j = 0; j < READINGS_PER_STATEMENT; j++) {
        const r = readings[i + j] as ReadingsTable;
        const p = j * 7;
        params[p] = r.device_id;
        params[p + 1] = r.venue_id;
        params[p + 2] = r.metric;
        params[p + 3] = r.channel;
        params[p + 4] = r.value;
        params[p + 5] = r.unit;
        params[p + 6] = r.time;
      }
      many.run(params);
    }
    for (; i < readings.length; i++) {
      const r = readings[i] as ReadingsTable;
      one.run(r.device_id, r.venue_id, r.metric, r.channel, r.value, r.unit, r.time);
    }
    for (const s of batch.statuses) {
      status.run(
        s.device_id,
        s.online,
        s.last_seen_at,
        s.readings,
        s.failures,
        s.failure_count,
        s.last_failure,
        s.updated_at,
      );
    }
    for (const t of batch.thresholds) threshold.run(t.device_id, t.metric, t.state, t.updated_at);
  });
  writers.set(sqlite, write);
  return write;
}

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
        on conflict (device_id) do update set online = excluded.online, last_seen_at = excluded.last_seen_at,
          readings = excluded.readings, failures = excluded.failures, failure_count = excluded.failure_count,
          last_failure = excluded.last_failure, updated_at = excluded.updated_at`.execute(trx);
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
