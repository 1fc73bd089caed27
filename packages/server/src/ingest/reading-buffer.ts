/**
 * Readings are written in batches: buffered, then flushed every `flushMs` or as soon as `flushRows`
 * are waiting, in one transaction together with the changed device statuses and threshold states.
 * Flushes never overlap; `flush()` resolves once everything buffered before the call is stored.
 */
import type { Database, DeviceStatusTable, ReadingsTable, ThresholdStatesTable } from '../db/index.js';

export interface BatchSources {
  readonly statuses: () => DeviceStatusTable[];
  readonly thresholds: () => ThresholdStatesTable[];
}

const CHUNK = 500;

export class ReadingBuffer {
  private rows: ReadingsTable[] = [];
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();
  private scheduled = false;

  constructor(
    private readonly database: Database,
    private readonly sources: BatchSources,
    private readonly options: {
      flushRows: number;
      flushMs: number;
      onStored?: (n: number) => void;
      log?: (m: string, e?: unknown) => void;
    },
  ) {}

  start(): void {
    this.timer ??= setInterval(() => void this.flush(), this.options.flushMs);
    this.timer.unref();
  }

  push(row: ReadingsTable): void {
    this.rows.push(row);
    if (this.rows.length >= this.options.flushRows && !this.scheduled) {
      this.scheduled = true;
      setImmediate(() => {
        this.scheduled = false;
        void this.flush();
      });
    }
  }

  get pending(): number {
    return this.rows.length;
  }

  flush(): Promise<void> {
    this.running = this.running
      .then(() => this.write())
      .catch((error) => this.options.log?.('readings flush failed', error));
    return this.running;
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.flush();
  }

  private async write(): Promise<void> {
    const rows = this.rows;
    this.rows = [];
    const statuses = this.sources.statuses();
    const thresholds = this.sources.thresholds();
    if (rows.length === 0 && statuses.length === 0 && thresholds.length === 0) return;
    await this.database.db.transaction().execute(async (trx) => {
      for (let i = 0; i < rows.length; i += CHUNK) {
        await trx
          .insertInto('readings')
          .values(rows.slice(i, i + CHUNK))
          .execute();
      }
      for (const s of statuses) {
        await trx
          .insertInto('device_status')
          .values(s)
          .onConflict((oc) =>
            oc.column('device_id').doUpdateSet({
              online: s.online,
              last_seen_at: s.last_seen_at,
              readings: s.readings,
              failures: s.failures,
              failure_count: s.failure_count,
              last_failure: s.last_failure,
              updated_at: s.updated_at,
            }),
          )
          .execute();
      }
      for (const t of thresholds) {
        await trx
          .insertInto('threshold_states')
          .values(t)
          .onConflict((oc) =>
            oc.columns(['device_id', 'metric']).doUpdateSet({ state: t.state, updated_at: t.updated_at }),
          )
          .execute();
      }
    });
    this.options.onStored?.(rows.length);
  }
}
