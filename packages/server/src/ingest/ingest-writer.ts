/**
 * Where ingestion batches go. On a SQLite file they are written by a worker thread with its own
 * connection (writer-thread.ts): the main thread only posts the rows (about 1 µs a reading, against
 * 6–8 µs for the INSERT), so the broker and the alert engine keep their thread. The thread starts with
 * the first batch and restarts after a crash; a batch it refuses rejects like an in-process write.
 * PostgreSQL (asynchronous already) and in-memory SQLite write in-process.
 */
import { Worker } from 'node:worker_threads';
import type { Database } from '../db/index.js';
import { writeIngestBatch } from './batch-writer.js';
import type { IngestBatch } from './sqlite-batch.js';

export interface IngestWriter {
  /** Batches it takes at once, stored in the order sent. */
  readonly maxInFlight: number;
  /** Resolves once the batch is committed (all of it), rejects if none of it was. */
  write(batch: IngestBatch): Promise<void>;
  close(): Promise<void>;
}

export type WriterRequest =
  | { readonly type: 'write'; readonly id: number; readonly batch: IngestBatch }
  | { readonly type: 'close' };
export type WriterReply = { readonly id: number; readonly error?: string };

export function createIngestWriter(database: Database): IngestWriter {
  const { sqlite } = database;
  if (database.dialect === 'sqlite' && sqlite && !sqlite.memory) return new SqliteWriterThread(sqlite.name);
  // One at a time: PostgreSQL transactions running side by side could commit out of order.
  return { maxInFlight: 1, write: (batch) => writeIngestBatch(database, batch), close: async () => {} };
}

/**
 * The thread's entry: the build has writer-thread.js beside its chunks; from source (tests, tsx) the
 * TypeScript entry is loaded through tsx's loader, registered inside the thread.
 */
function threadEntry(): { entry: URL | string; eval: boolean } {
  if (!import.meta.url.endsWith('.ts')) return { entry: new URL('./writer-thread.js', import.meta.url), eval: false };
  const source = new URL('./writer-thread.ts', import.meta.url).href;
  return {
    entry: `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(source)}); });`,
    eval: true,
  };
}

class SqliteWriterThread implements IngestWriter {
  /** Enough to keep the thread busy between two turns of the event loop, few enough that a write of the
   * server's own waits for at most a handful of short transactions. */
  readonly maxInFlight = 4;
  private worker: Worker | undefined;
  private nextId = 0;
  private readonly waiting = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();

  constructor(private readonly file: string) {}

  write(batch: IngestBatch): Promise<void> {
    const worker = this.start();
    const id = this.nextId++;
    return new Promise<void>((resolve, reject) => {
      // Referenced while a batch is on its way, so a pending write keeps the process alive.
      if (this.waiting.size === 0) worker.ref();
      this.waiting.set(id, { resolve, reject });
      worker.postMessage({ type: 'write', id, batch } satisfies WriterRequest);
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    this.worker = undefined;
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    worker.postMessage({ type: 'close' } satisfies WriterRequest);
    const timer = setTimeout(() => void worker.terminate(), 5_000);
    await exited;
    clearTimeout(timer);
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const { entry, eval: isCode } = threadEntry();
    const worker = new Worker(entry, { workerData: { file: this.file }, eval: isCode });
    worker.unref();
    worker.on('message', (reply: WriterReply) => this.settle(reply.id, reply.error));
    const fail = (reason: string) => {
      if (this.worker === worker) this.worker = undefined;
      for (const id of [...this.waiting.keys()]) this.settle(id, reason);
    };
    // What a thread throws arrives cloned, sometimes without its message (a SqliteError has only its code).
    worker.on('error', (error: Partial<Error> & { code?: string }) =>
      fail(`ingest writer thread failed: ${error.message || error.code || 'unknown error'}`),
    );
    worker.on('exit', (code) => fail(`ingest writer thread exited (code ${code})`));
    this.worker = worker;
    return worker;
  }

  private settle(id: number, error: string | undefined): void {
    const waiter = this.waiting.get(id);
    if (!waiter) return;
    this.waiting.delete(id);
    if (this.waiting.size === 0) this.worker?.unref();
    if (error === undefined) waiter.resolve();
    else waiter.reject(new Error(error));
  }
}
