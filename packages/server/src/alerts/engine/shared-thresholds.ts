/**
 * Threshold states kept in PostgreSQL for a cluster: every instance steps a device's state under the row's
 * lock, so a device whose readings are shared round-robin between instances is judged on all of them, in
 * order, whichever instance received each. Readings are stepped in batches (one transaction for what
 * arrived while the previous one ran), clock ticks take the due rows `for update skip locked`.
 */
import {
  initialThresholdState,
  nextThresholdCheckAt,
  type SensorThresholdProfile,
  stepThreshold,
  type ThresholdInput,
  type ThresholdState,
  ThresholdStateSchema,
  type ThresholdTransition,
} from '@brightkitchen/sdk';
import { sql } from 'kysely';
import type { Database, ThresholdStatesTable } from '../../db/index.js';
import { readJson } from '../../db/index.js';
import type { DeviceEntry } from '../../devices/device.js';

export interface SharedStep {
  readonly entry: DeviceEntry;
  readonly metric: string;
  readonly input: ThresholdInput;
}

export interface SharedStepResult {
  readonly entry: DeviceEntry;
  readonly state: ThresholdState;
  readonly transitions: readonly ThresholdTransition[];
}

interface Pending extends SharedStep {
  resolve(transitions: readonly ThresholdTransition[]): void;
  reject(error: unknown): void;
}

/** How long readings gather before a step transaction. */
const STEP_WINDOW_MS = 20;

const keyOf = (deviceId: string, metric: string) => `${deviceId}\u0000${metric}`;

export class SharedThresholds {
  private queue: Pending[] = [];
  private running = false;
  private readonly watching: ThresholdStatesTable[] = [];
  private idle: (() => void)[] = [];
  /** Rows known to exist (rows are removed with their device only): their insert is skipped. */
  private readonly stored = new Set<string>();

  constructor(
    private readonly database: Database,
    private readonly thresholdsOf: (entry: DeviceEntry) => SensorThresholdProfile,
    private readonly entryOf: (deviceId: string) => DeviceEntry | undefined,
    private readonly onState: (entry: DeviceEntry, state: ThresholdState) => void,
    private readonly log: (message: string, error?: unknown) => void,
  ) {}

  /** Steps a reading under the row's lock; resolves with its transitions once committed. */
  step(step: SharedStep): Promise<readonly ThresholdTransition[]> {
    return new Promise((resolve, reject) => {
      this.queue.push({ ...step, resolve, reject });
      if (this.running) return;
      this.running = true;
      // A short window gathers a burst of readings into one transaction (a few per second instead of one
      // per reading: the lock round trips are what it costs); an alert waits that much longer at most.
      setTimeout(() => void this.drain(), STEP_WINDOW_MS);
    });
  }

  /** Resolves once every reading received so far is stepped (ticks and tests wait for it). */
  settled(): Promise<void> {
    if (!this.running && this.queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }

  /** Stores a sensor's first state (watching it for silence) unless an instance already did. */
  watch(entry: DeviceEntry, state: ThresholdState): void {
    const due = nextThresholdCheckAt(state, this.thresholdsOf(entry));
    this.watching.push({
      device_id: entry.device.id,
      metric: state.metric,
      state: JSON.stringify(state),
      updated_at: new Date().toISOString(),
      due_at: due ?? null,
    });
    // Gathered: a start watches every sensor of the city, in a few inserts rather than one each.
    if (this.watching.length === 1) setTimeout(() => void this.storeWatched(), 0);
  }

  private async storeWatched(): Promise<void> {
    while (this.watching.length > 0) {
      const rows = this.watching.splice(0, 500);
      await this.database.db
        .insertInto('threshold_states')
        .values(rows)
        .onConflict((c) => c.columns(['device_id', 'metric']).doNothing())
        .execute()
        .catch((error) => this.log('thresholds: watch', error));
    }
  }

  /** Rows stored before 058 (or by a single instance) get their next check time. */
  async backfillDue(): Promise<void> {
    const rows = await this.database.db
      .selectFrom('threshold_states')
      .select(['device_id', 'metric', 'state'])
      .where('due_at', 'is', null)
      .execute();
    for (const row of rows) {
      const entry = this.entryOf(row.device_id);
      const state = readJson(ThresholdStateSchema, row.state, { table: 'threshold_states', column: 'state', id: '' });
      if (!entry || !state.ok) continue;
      const due = nextThresholdCheckAt(state.value, this.thresholdsOf(entry));
      if (due === undefined) continue;
      await this.database.db
        .updateTable('threshold_states')
        .set({ due_at: due })
        .where('device_id', '=', row.device_id)
        .where('metric', '=', row.metric)
        .execute();
    }
  }

  /** Steps every state whose check time has come (rows another instance is stepping are left to it). */
  async tick(now: number): Promise<SharedStepResult[]> {
    await this.settled();
    return this.database.db.transaction().execute(async (trx) => {
      const rows = await trx
        .selectFrom('threshold_states')
        .select(['device_id', 'metric', 'state'])
        .where('due_at', '<=', now)
        .orderBy('device_id')
        .orderBy('metric')
        .limit(1000)
        .forUpdate()
        .skipLocked()
        .execute();
      const out: SharedStepResult[] = [];
      const changed: { device_id: string; metric: string; state: ThresholdState; due: number | null }[] = [];
      for (const row of rows) {
        const entry = this.entryOf(row.device_id);
        const parsed = readJson(ThresholdStateSchema, row.state, {
          table: 'threshold_states',
          column: 'state',
          id: '',
        });
        if (!entry || !parsed.ok) {
          changed.push({
            device_id: row.device_id,
            metric: row.metric,
            state: parsed.ok ? parsed.value : initialThresholdState(entry?.locationKind ?? 'fridge', row.metric),
            due: null,
          });
          continue;
        }
        const thresholds = this.thresholdsOf(entry);
        const next = stepThreshold(parsed.value, { time: now }, thresholds);
        const due = nextThresholdCheckAt(next.state, thresholds) ?? null;
        changed.push({ device_id: row.device_id, metric: row.metric, state: next.state, due });
        out.push({ entry, state: next.state, transitions: next.transitions });
      }
      await this.write(trx, changed);
      for (const r of out) this.onState(r.entry, r.state);
      return out;
    });
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue;
      this.queue = [];
      try {
        const results = await this.run(batch);
        for (const [i, p] of batch.entries()) p.resolve(results[i] ?? []);
      } catch (error) {
        this.log('thresholds: shared step failed', error);
        for (const p of batch) p.reject(error);
      }
      if (this.queue.length > 0) await new Promise((resolve) => setTimeout(resolve, STEP_WINDOW_MS));
    }
    this.running = false;
    const idle = this.idle;
    this.idle = [];
    for (const resolve of idle) resolve();
  }

  private async run(batch: readonly Pending[]): Promise<(readonly ThresholdTransition[])[]> {
    const firsts = new Map<string, Pending>();
    for (const p of batch) {
      const k = keyOf(p.entry.device.id, p.metric);
      if (!firsts.has(k)) firsts.set(k, p);
    }
    const at = new Date().toISOString();
    const missing = [...firsts.entries()].filter(([k]) => !this.stored.has(k)).map(([, p]) => p);
    return this.database.db.transaction().execute(async (trx) => {
      if (missing.length > 0)
        await trx
          .insertInto('threshold_states')
          .values(
            missing.map((p) => ({
              device_id: p.entry.device.id,
              metric: p.metric,
              state: JSON.stringify(initialThresholdState(p.entry.locationKind, p.metric)),
              updated_at: at,
              due_at: null,
            })),
          )
          .onConflict((c) => c.columns(['device_id', 'metric']).doNothing())
          .execute();
      const ids = [...new Set(batch.map((p) => p.entry.device.id))];
      const rows = await trx
        .selectFrom('threshold_states')
        .select(['device_id', 'metric', 'state'])
        .where('device_id', 'in', ids)
        .orderBy('device_id')
        .orderBy('metric')
        .forUpdate()
        .execute();
      const states = new Map<string, ThresholdState>();
      for (const row of rows) {
        const parsed = readJson(ThresholdStateSchema, row.state, {
          table: 'threshold_states',
          column: 'state',
          id: '',
        });
        const k = keyOf(row.device_id, row.metric);
        this.stored.add(k);
        if (parsed.ok) states.set(k, parsed.value);
      }
      const results: (readonly ThresholdTransition[])[] = [];
      const touched = new Map<string, Pending>();
      for (const p of batch) {
        const k = keyOf(p.entry.device.id, p.metric);
        const before = states.get(k) ?? initialThresholdState(p.entry.locationKind, p.metric);
        const next = stepThreshold(before, p.input, this.thresholdsOf(p.entry));
        states.set(k, next.state);
        if (next.state !== before) touched.set(k, p);
        results.push(next.transitions);
      }
      await this.write(
        trx,
        [...touched.entries()].map(([k, p]) => {
          const state = states.get(k) as ThresholdState;
          return {
            device_id: p.entry.device.id,
            metric: p.metric,
            state,
            due: nextThresholdCheckAt(state, this.thresholdsOf(p.entry)) ?? null,
          };
        }),
      );
      for (const [k, p] of touched) this.onState(p.entry, states.get(k) as ThresholdState);
      return results;
    });
  }

  private async write(
    trx: Parameters<Parameters<ReturnType<Database['db']['transaction']>['execute']>[0]>[0],
    rows: readonly { device_id: string; metric: string; state: ThresholdState; due: number | null }[],
  ): Promise<void> {
    if (rows.length === 0) return;
    const at = new Date().toISOString();
    const values = sql.join(
      rows.map(
        (r) => sql`(${r.device_id}, ${r.metric}, ${JSON.stringify(r.state)}, ${r.due}::double precision, ${at})`,
      ),
    );
    await sql`update threshold_states as t set state = v.state, due_at = v.due_at, updated_at = v.updated_at
      from (values ${values}) as v(device_id, metric, state, due_at, updated_at)
      where t.device_id = v.device_id and t.metric = v.metric`.execute(trx);
  }
}
