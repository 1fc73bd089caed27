/**
 * Readings are written in batches: buffered, then flushed every `flushMs` or as soon as `flushRows`
 * are waiting, in one transaction together with the changed device statuses and threshold states
 * (those at most every `flushMs`; ingest-writer.ts: on SQLite in a writer thread, with prepared
 * multi-row statements, not a query per row).
 * Flushes never overlap; `flush()` resolves once everything buffered before the call is stored.
 */
import type { DeviceStatusTable, ReadingsTable, ThresholdStatesTable } from '../db/index.js';
import type { IngestWriter } from './ingest-writer.js';

export interface BatchSources {
  readonly statuses: () => DeviceStatusTable[];
  readonly thresholds: () => ThresholdStatesTable[];
}

export class ReadingBuffer {
  private rows: ReadingsTable[] = [];
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();
  private scheduled = false;

  constructor(
    private readonly writer: IngestWriter,
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
        void this.flush(false);
      });
    }
  }

  get pending(): number {
    return this.rows.length;
  }

  /**
   * Stores what is buffered. `withState` false (a flush because `flushRows` were waiting) writes only
   * the readings: statuses and threshold states follow with the next timed or explicit flush.
   */
  flush(withState = true): Promise<void> {
    this.running = this.running
      .then(() => this.write(withState))
      .catch((error) => this.options.log?.('readings flush failed', error));
    return this.running;
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.flush();
  }

  private async write(withState: boolean): Promise<void> {
    const readings = this.rows;
    this.rows = [];
    const statuses = withState ? this.sources.statuses() : [];
    const thresholds = withState ? this.sources.thresholds() : [];
    if (readings.length === 0 && statuses.length === 0 && thresholds.length === 0) return;
    await this.writer.write({ readings, statuses, thresholds });
    this.options.onStored?.(readings.length);
  }
}
