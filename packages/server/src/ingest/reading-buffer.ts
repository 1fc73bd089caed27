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

export class ReadingBuffer {
  private rows: ReadingsTable[] = [];
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
        this.pump();
      });
  }
}
