import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeviceStatusTable, ReadingsTable } from '../db/index.js';
import { DATABASES, startTestServer, type TestServer } from '../testing/test-server.js';
import { READINGS_PER_STATEMENT, writeIngestBatch } from './batch-writer.js';
import { createIngestWriter, type IngestWriter } from './ingest-writer.js';
import type { IngestBatch } from './sqlite-batch.js';

const reading = (device: string, i: number, channel: string | null = null): ReadingsTable => ({
  device_id: device,
  venue_id: 'ven_batch',
  metric: i % 2 === 0 ? 'temperature' : 'humidity',
  channel,
  value: i / 10,
  unit: i % 2 === 0 ? '°C' : '%',
  time: new Date(Date.UTC(2026, 0, 1, 8, 0, i)).toISOString(),
});

const status = (device: string, failures: number): DeviceStatusTable => ({
  device_id: device,
  online: 1,
  last_seen_at: '2026-01-01T08:00:00.000Z',
  readings: JSON.stringify({ temperature: { value: 4, unit: '°C', time: '2026-01-01T16:00:00+08:00' } }),
  failures: JSON.stringify({ PAYLOAD_INVALID: failures }),
  failure_count: failures,
  last_failure: null,
  updated_at: '2026-01-01T08:00:01.000Z',
});

// In-process on both databases, and through the server's own choice (the writer thread on SQLite).
const WRITERS = DATABASES.flatMap((kind) => [
  { kind, via: 'in-process' },
  { kind, via: 'the server’s ingest writer' },
]);

describe.each(WRITERS)('ingestion batch writer on $kind, $via', ({ kind, via }) => {
  let server: TestServer;
  let writer: IngestWriter | undefined;
  const write = (batch: IngestBatch) => (writer ? writer.write(batch) : writeIngestBatch(server.database, batch));
  beforeAll(async () => {
    server = await startTestServer(kind, { BK_DEVICES: 'off' });
    if (via !== 'in-process') writer = createIngestWriter(server.database);
  });
  afterAll(async () => {
    await writer?.close();
    await server?.close();
  });

  it('stores every reading of a batch larger than one statement, and upserts statuses and threshold states', async () => {
    const { database } = server;
    const count = READINGS_PER_STATEMENT * 2 + 3;
    const readings = Array.from({ length: count }, (_, i) => reading('dev_a', i, i === 5 ? 'probe-2' : null));
    await write({
      readings,
      statuses: [status('dev_a', 1), status('dev_b', 0)],
      thresholds: [{ device_id: 'dev_a', metric: 'temperature', state: '{"phase":"normal"}', updated_at: 'x' }],
    });
    // SQLite (one instance) stores each device's totals; PostgreSQL (instances sharing it) adds each flush's new
    // failures to the stored ones: 1 then 2 more.
    await write({
      readings: [],
      statuses: [status('dev_a', kind === 'postgres' ? 2 : 3)],
      thresholds: [{ device_id: 'dev_a', metric: 'temperature', state: '{"phase":"alarm"}', updated_at: 'y' }],
    });

    const stored = await database.db
      .selectFrom('readings')
      .selectAll()
      .where('device_id', '=', 'dev_a')
      .orderBy('time')
      .execute();
    expect(stored).toHaveLength(count);
    expect(stored[5]).toEqual({ ...readings[5], value: 0.5 });
    expect(stored[count - 1]?.value).toBeCloseTo((count - 1) / 10);
    expect(stored.filter((r) => r.channel !== null).map((r) => r.channel)).toEqual(['probe-2']);

    const statuses = await database.db.selectFrom('device_status').selectAll().orderBy('device_id').execute();
    expect(statuses.map((s) => [s.device_id, s.failure_count, s.online])).toEqual([
      ['dev_a', 3, 1],
      ['dev_b', 0, 1],
    ]);
    expect(JSON.parse(statuses[0]?.failures ?? '')).toEqual({ PAYLOAD_INVALID: 3 });
    const states = await database.db.selectFrom('threshold_states').selectAll().execute();
    expect(states.map((s) => [s.device_id, s.state, s.updated_at])).toEqual([['dev_a', '{"phase":"alarm"}', 'y']]);
  });

  it('stores all of a batch or none of it', async () => {
    const { database } = server;
    const bad = { ...reading('dev_c', 1), value: null } as unknown as ReadingsTable;
    const readings = [...Array.from({ length: READINGS_PER_STATEMENT + 1 }, (_, i) => reading('dev_c', i)), bad];
    await expect(write({ readings, statuses: [status('dev_c', 9)], thresholds: [] })).rejects.toThrow();
    const rows = await database.db
      .selectFrom('readings')
      .select('device_id')
      .where('device_id', '=', 'dev_c')
      .execute();
    expect(rows).toHaveLength(0);
    const statusRow = await database.db
      .selectFrom('device_status')
      .select('device_id')
      .where('device_id', '=', 'dev_c')
      .executeTakeFirst();
    expect(statusRow).toBeUndefined();
  });
});
