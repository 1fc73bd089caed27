/**
 * Live device status kept in memory (online, last seen, last value per metric, conversion failures
 * per reason) and written with each readings batch; read back by GET /v1/devices/{id}. Instances sharing a
 * database each add their own failures to the stored counts at every flush, and a read merges the stored status.
 */
import { type AdapterRejection, type DeviceStatus, DeviceStatusSchema, type LastReading } from '@brightkitchen/sdk';
import type { Kysely } from 'kysely';
import { type CorruptValueLog, type DeviceStatusTable, logCorrupt, nowIso, readJson, toJson } from '../db/index.js';
import type { DB } from '../db/schema.js';

export type { DeviceStatus, LastReading };

const {
  readings: ReadingsSchema,
  failures: FailuresSchema,
  lastFailure: LastFailureSchema,
} = DeviceStatusSchema.entries;

const EMPTY_STATUS = (): DeviceStatus => ({
  online: null,
  lastSeenAt: null,
  readings: {},
  failures: {},
  failureCount: 0,
  lastFailure: null,
});

/**
 * The stored status of a device (empty when none). It only caches live state, rewritten at the next
 * flush: a damaged one is logged and the device starts from an empty status.
 */
export function statusOf(row: DeviceStatusTable | undefined, log: CorruptValueLog): DeviceStatus {
  if (!row) return EMPTY_STATUS();
  const at = (column: string) => ({ table: 'device_status', column, id: row.device_id });
  const readings = readJson(ReadingsSchema, row.readings, at('readings'));
  const failures = readJson(FailuresSchema, row.failures, at('failures'));
  const lastFailure =
    row.last_failure === null ? null : readJson(LastFailureSchema, row.last_failure, at('last_failure'));
  for (const read of [readings, failures, lastFailure]) {
    if (read && !read.ok) {
      logCorrupt(log, read.error);
      return EMPTY_STATUS();
    }
  }
  return {
    online: row.online === null ? null : row.online === 1,
    lastSeenAt: row.last_seen_at,
    readings: readings.ok ? readings.value : {},
    failures: failures.ok ? failures.value : {},
    failureCount: row.failure_count,
    lastFailure: lastFailure?.ok ? lastFailure.value : null,
  };
}

/** Conversion failures counted here since the last flush (shared mode: the flush adds them to the stored counts). */
interface FailureDelta {
  readonly failures: Record<string, number>;
  count: number;
  last: DeviceStatus['lastFailure'];
}

export class DeviceStatusBook {
  private readonly live = new Map<string, DeviceStatus>();
  private readonly dirty = new Set<string>();
  private readonly pendingFailures = new Map<string, FailureDelta>();
  /** Shared: when this instance last saw a device connect or drop (a stored change after it is newer news). */
  private readonly availabilityAt = new Map<string, string>();

  constructor(
    private readonly db: Kysely<DB>,
    private readonly log: CorruptValueLog,
    /** Instances share the database: a read also takes what the others stored (newest wins per value). */
    private readonly shared = false,
  ) {}

  /** Loads every stored status (at start), so ingestion of a known device never waits for a read. */
  async load(): Promise<void> {
    const rows = await this.db.selectFrom('device_status').selectAll().execute();
    for (const row of rows) if (!this.live.has(row.device_id)) this.live.set(row.device_id, statusOf(row, this.log));
  }

  /** A device registered just now has nothing stored yet: its status is known (empty) without a read. */
  registered(deviceId: string): void {
    if (!this.live.has(deviceId)) this.live.set(deviceId, EMPTY_STATUS());
  }

  private async entry(deviceId: string): Promise<DeviceStatus> {
    let status = this.live.get(deviceId);
    if (!status) {
      const row = await this.db
        .selectFrom('device_status')
        .selectAll()
        .where('device_id', '=', deviceId)
        .executeTakeFirst();
      status = this.live.get(deviceId) ?? statusOf(row, this.log);
      this.live.set(deviceId, status);
    }
    return status;
  }

  /** Synchronous fast path for known devices; loads once otherwise. */
  private with(deviceId: string, change: (s: DeviceStatus) => void): void | Promise<void> {
    const status = this.live.get(deviceId);
    this.dirty.add(deviceId);
    if (status) {
      change(status);
      return;
    }
    return this.entry(deviceId).then(change);
  }

  seen(deviceId: string, at: string): void | Promise<void> {
    return this.with(deviceId, (s) => {
      if (!s.lastSeenAt || s.lastSeenAt < at) s.lastSeenAt = at;
    });
  }

  reading(deviceId: string, key: string, reading: LastReading): void | Promise<void> {
    return this.with(deviceId, (s) => {
      const previous = s.readings[key];
      if (!previous || previous.time <= reading.time) s.readings[key] = reading;
    });
  }

  availability(deviceId: string, online: boolean): void | Promise<void> {
    const changed = this.with(deviceId, (s) => {
      s.online = online;
    });
    if (!this.shared) return changed;
    // Shared: written through at once (it changes rarely and every instance answers it), not at the next flush.
    return Promise.resolve(changed).then(async () => {
      const at = nowIso();
      this.availabilityAt.set(deviceId, at);
      const flag = online ? 1 : 0;
      await this.db
        .insertInto('device_status')
        .values({
          device_id: deviceId,
          online: flag,
          last_seen_at: null,
          readings: '{}',
          failures: '{}',
          failure_count: 0,
          last_failure: null,
          updated_at: at,
        })
        .onConflict((oc) => oc.column('device_id').doUpdateSet({ online: flag, updated_at: at }))
        .execute();
    });
  }

  failure(deviceId: string, rejection: AdapterRejection, at: string): void | Promise<void> {
    return this.with(deviceId, (s) => {
      s.failures[rejection.code] = (s.failures[rejection.code] ?? 0) + 1;
      s.failureCount += 1;
      s.lastFailure = { at, code: rejection.code, ...(rejection.details ? { details: rejection.details } : {}) };
      if (!this.shared) return;
      const delta = this.pendingFailures.get(deviceId) ?? { failures: {}, count: 0, last: null };
      delta.failures[rejection.code] = (delta.failures[rejection.code] ?? 0) + 1;
      delta.count += 1;
      delta.last = s.lastFailure;
      this.pendingFailures.set(deviceId, delta);
    });
  }

  async read(deviceId: string): Promise<DeviceStatus> {
    const status = await this.entry(deviceId);
    if (!this.shared) return status;
    // Another instance may have received this device's latest messages: its flushed status counts too.
    const row = await this.db
      .selectFrom('device_status')
      .selectAll()
      .where('device_id', '=', deviceId)
      .executeTakeFirst();
    if (!row) return status;
    const stored = statusOf(row, this.log);
    if (stored.lastSeenAt && (!status.lastSeenAt || status.lastSeenAt < stored.lastSeenAt)) {
      status.lastSeenAt = stored.lastSeenAt;
    }
    // The device's connection may be held by another instance: its stored word counts unless ours is newer.
    const ours = this.availabilityAt.get(deviceId);
    if (stored.online !== null && (ours === undefined || ours < row.updated_at)) status.online = stored.online;
    for (const [key, reading] of Object.entries(stored.readings)) {
      const mine = status.readings[key];
      if (!mine || mine.time < reading.time) status.readings[key] = reading;
    }
    // Failures are counted by every instance and added up at each flush: the stored sum plus what is not flushed.
    const delta = this.pendingFailures.get(deviceId);
    const failures = { ...stored.failures };
    for (const [code, n] of Object.entries(delta?.failures ?? {})) failures[code] = (failures[code] ?? 0) + n;
    return {
      ...status,
      failures,
      failureCount: stored.failureCount + (delta?.count ?? 0),
      lastFailure: delta?.last ?? stored.lastFailure,
    };
  }

  /** Rows to upsert for what changed since the last call. */
  takeDirty(): DeviceStatusTable[] {
    const now = nowIso();
    const rows: DeviceStatusTable[] = [];
    for (const id of this.dirty) {
      const s = this.live.get(id);
      if (!s) continue;
      // Shared: only this instance's new failures, which the upsert adds to the stored ones (never overwrites).
      const failed = this.shared
        ? (this.pendingFailures.get(id) ?? { failures: {}, count: 0, last: null })
        : { failures: s.failures, count: s.failureCount, last: s.lastFailure };
      rows.push({
        device_id: id,
        // Shared: written through when it changes (availability); null keeps the stored word.
        online: this.shared || s.online === null ? null : s.online ? 1 : 0,
        last_seen_at: s.lastSeenAt,
        readings: toJson(s.readings),
        failures: toJson(failed.failures),
        failure_count: failed.count,
        last_failure: failed.last ? toJson(failed.last) : null,
        updated_at: now,
      });
    }
    this.dirty.clear();
    this.pendingFailures.clear();
    return rows;
  }
}
