/**
 * Readings are written in batches of at most `MAX_BATCH_ROWS`: buffered, then sent as soon as
 * `flushRows` are waiting, and every `flushMs` together with the changed device statuses and threshold
 * states. Up to `writer.maxInFlight` batches are on their way at once (the SQLite writer thread takes
 * them in order, one transaction each; PostgreSQL gets one at a time); what is sent is never
 * reordered. `flush()` resolves once everything buffered before the call is stored.
 */
import type { DeviceStatusTable, ReadingsTable, ThresholdStatesTable } from '../db/index.js';
import type { IngestWriter } from './ingest-writer.js';

/**
 * Readings per transaction. SQLite has one writer at a time: short transactions of the ingest writer
 * thread keep the server's own writes (alerts, ledgers) from waiting more than a few milliseconds.
 */
export const MAX_BATCH_ROWS = 1000;

export interface BatchSources {
  readonly statuses: () => DeviceStatusTable[];
  readonly thresholds: () => ThresholdStatesTable[];
}

/** Tells, in order, how many of the readings pushed so far are written (or given up): see `ReadingBuffer.gate`. */
export interface StoredGate {
  /** Readings pushed so far: a message whose readings were pushed is settled once `settled()` reaches this. */
  mark(): number;
  settled(): number;
  onSettled(listener: () => void): void;
}

export class ReadingBuffer {
  private rows: ReadingsTable[] = [];
  private pushedRows = 0;
  private settledRows = 0;
  private readonly settledListeners: (() => void)[] = [];
  /** For acknowledging a broker's message only once its readings are written (external-bus.ts). */
  readonly gate: StoredGate = {
    mark: () => this.pushedRows,
    settled: () => this.settledRows,
    onSettled: (listener) => {
      this.settledListeners.push(listener);
    },
  };
  private timer: NodeJS.Timeout | undefined;
  private inFlight = 0;
  /** The last batch sent: the writer stores batches in order, so its end is the end of all before it. */
  private last: Promise<void> = Promise.resolve();

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
    this.timer ??= setInterval(() => {
      this.send(true);
      this.pump();
    }, this.options.flushMs);
    this.timer.unref();
  }

  push(row: ReadingsTable): void {
    this.rows.push(row);
    this.pushedRows += 1;
    if (this.rows.length >= this.options.flushRows) this.pump();
  }

  get pending(): number {
    return this.rows.length;
  }

  /** Sends everything buffered, with the changed statuses and threshold states, and waits until it is stored. */
  flush(): Promise<void> {
    this.send(true);
    while (this.rows.length > 0) this.send(false);
    return this.last;
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.flush();
  }

  /** Full batches, as many as the writer takes at once. */
  private pump(): void {
    while (this.inFlight < this.writer.maxInFlight && this.rows.length >= this.options.flushRows) this.send(false);
  }

  private send(withState: boolean): void {
    const readings = this.rows.splice(0, MAX_BATCH_ROWS);
    const statuses = withState ? this.sources.statuses() : [];
    const thresholds = withState ? this.sources.thresholds() : [];
    if (readings.length === 0 && statuses.length === 0 && thresholds.length === 0) return;
    this.inFlight += 1;
    this.last = this.writer
      .write({ readings, statuses, thresholds })
      .then(
        () => this.options.onStored?.(readings.length),
        (error) => this.options.log?.('readings batch failed', error),
      )
      .finally(() => {
        this.inFlight -= 1;
        // Batches settle in the order they were sent: the first `settledRows` pushed are done with.
        this.settledRows += readings.length;
        for (const listener of this.settledListeners) listener();
        this.pump();
      });
  }
}
