/**
 * The SQLite side of an ingestion batch, on a plain better-sqlite3 connection (no Kysely): statements
 * prepared once per connection, readings in multi-row INSERTs of `READINGS_PER_STATEMENT` rows, the
 * whole batch in one transaction. Used in-process and by the writer thread (writer-thread.ts).
 */
import type SQLite from 'better-sqlite3';
import type { DeviceStatusTable, ReadingsTable, ThresholdStatesTable } from '../db/schema.js';

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
export function sqliteWriter(sqlite: SQLite.Database): (batch: IngestBatch) => void {
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
