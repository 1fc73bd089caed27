/**
 * The SDK's threshold machine per device and metric: state in memory, stepped by each reading and
 * by clock ticks (delay reached, silence), written back with the readings batch so a restart
 * resumes where it was (an open alarm stays an alarm and is cleared, not raised again).
 */
import {
  initialThresholdState,
  nextThresholdCheckAt,
  stepThreshold,
  type ThresholdState,
  ThresholdStateSchema,
  type ThresholdTransition,
} from '@brightkitchen/sdk';
import type { CorruptValueLog, Database, ThresholdStatesTable } from '../../db/index.js';
import { logCorrupt, readJson } from '../../db/index.js';
import type { DeviceEntry } from '../../devices/device.js';
import { SharedThresholds } from './shared-thresholds.js';
import type { VenueProfiles } from './venue-profiles.js';

export interface WatchedTransition {
  readonly entry: DeviceEntry;
  readonly transition: ThresholdTransition;
}

interface Watched {
  readonly entry: DeviceEntry;
  state: ThresholdState;
}

const key = (deviceId: string, metric: string) => `${deviceId}\u0000${metric}`;

export class ThresholdWatch {
  private readonly watched = new Map<string, Watched>();
  private readonly dirty = new Set<string>();
  private shared: SharedThresholds | undefined;

  constructor(
    private readonly profiles: VenueProfiles,
    private readonly nowIso: () => string,
  ) {}

  /**
   * Cluster mode (PostgreSQL): states are stepped in the database under the row's lock, so every instance
   * judges a device on all its readings, whichever instance received them (docs/deploy.md).
   */
  share(
    database: Database,
    entryOf: (deviceId: string) => DeviceEntry | undefined,
    log: (m: string, e?: unknown) => void,
  ): void {
    this.shared = new SharedThresholds(
      database,
      (entry) => this.profiles.of(entry.venueId).thresholds,
      entryOf,
      (entry, state) => {
        this.watched.set(key(entry.device.id, state.metric), { entry, state });
      },
      log,
    );
  }

  /** Shared mode: resolves once the readings received so far are stepped in the database. */
  settled(): Promise<void> {
    return this.shared?.settled() ?? Promise.resolve();
  }

  /** Shared mode: rows stored without a check time get one (after `load`). */
  async loaded(): Promise<void> {
    await this.shared?.backfillDue();
  }

  /** Restores persisted states of known devices; a damaged one is logged and the sensor starts afresh. */
  async load(
    database: Database,
    entryOf: (deviceId: string) => DeviceEntry | undefined,
    log: CorruptValueLog,
  ): Promise<void> {
    const rows = await database.db.selectFrom('threshold_states').selectAll().execute();
    for (const row of rows) {
      const entry = entryOf(row.device_id);
      if (!entry) continue;
      const id = `${row.device_id}/${row.metric}`;
      const state = readJson(ThresholdStateSchema, row.state, { table: 'threshold_states', column: 'state', id });
      if (state.ok) this.watched.set(key(row.device_id, row.metric), { entry, state: state.value });
      else logCorrupt(log, state.error);
    }
  }

  /** Starts watching a sensor from `startedAt` (so one that never reports is noticed as silent). */
  watch(entry: DeviceEntry, startedAt: number): void {
    const limit = this.profiles.of(entry.venueId).thresholds[entry.locationKind];
    if (!limit) return;
    const k = key(entry.device.id, limit.metric);
    if (this.watched.has(k)) return;
    const state = initialThresholdState(entry.locationKind, limit.metric, startedAt);
    this.watched.set(k, { entry, state });
    if (this.shared) this.shared.watch(entry, state);
    else this.dirty.add(k);
  }

  /** Stops watching a removed device here (its stored states are deleted with the removal). */
  forget(deviceId: string): void {
    for (const [k, watched] of this.watched) {
      if (watched.entry.device.id !== deviceId) continue;
      this.watched.delete(k);
      this.dirty.delete(k);
    }
  }

  /** The reading's transitions: at once alone; in cluster mode once stepped in the database. */
  reading(
    entry: DeviceEntry,
    metric: string,
    value: number,
    time: string,
  ): readonly ThresholdTransition[] | Promise<readonly ThresholdTransition[]> {
    const thresholds = this.profiles.of(entry.venueId).thresholds;
    const limit = thresholds[entry.locationKind];
    if (!limit || limit.metric !== metric) return [];
    if (this.shared) return this.shared.step({ entry, metric, input: { time, value, metric } });
    const k = key(entry.device.id, metric);
    let watched = this.watched.get(k);
    if (!watched) {
      watched = { entry, state: initialThresholdState(entry.locationKind, metric) };
      this.watched.set(k, watched);
    }
    const before = watched.state;
    const step = stepThreshold(before, { time, value, metric }, thresholds);
    watched.state = step.state;
    if (step.state !== before) this.dirty.add(k);
    return [...step.transitions];
  }

  /** Steps every state whose next check time has come. */
  tick(now: number): WatchedTransition[] | Promise<WatchedTransition[]> {
    if (this.shared) {
      return this.shared
        .tick(now)
        .then((results) => results.flatMap((r) => r.transitions.map((transition) => ({ entry: r.entry, transition }))));
    }
    const out: WatchedTransition[] = [];
    for (const [k, watched] of this.watched) {
      const thresholds = this.profiles.of(watched.entry.venueId).thresholds;
      const due = nextThresholdCheckAt(watched.state, thresholds);
      if (due === undefined || due > now) continue;
      const step = stepThreshold(watched.state, { time: now }, thresholds);
      if (step.state !== watched.state) this.dirty.add(k);
      watched.state = step.state;
      for (const transition of step.transitions) out.push({ entry: watched.entry, transition });
    }
    return out;
  }

  state(deviceId: string, metric: string): ThresholdState | undefined {
    return this.watched.get(key(deviceId, metric))?.state;
  }

  takeDirty(): ThresholdStatesTable[] {
    const rows: ThresholdStatesTable[] = [];
    const at = this.nowIso();
    for (const k of this.dirty) {
      const watched = this.watched.get(k);
      if (!watched) continue;
      rows.push({
        device_id: watched.entry.device.id,
        metric: watched.state.metric,
        state: JSON.stringify(watched.state),
        updated_at: at,
      });
    }
    this.dirty.clear();
    return rows;
  }
}
