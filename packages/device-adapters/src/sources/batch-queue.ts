/**
 * The async-iterator face of a source: pass `queue.onBatch` as the handler, then
 * `for await (const batch of queue)`. Batches wait in memory until read; `close()` ends the loop.
 */
import type { SourceBatch } from './source.js';

export interface BatchQueue extends AsyncIterable<SourceBatch> {
  readonly onBatch: (batch: SourceBatch) => void;
  close(): void;
}

export function createBatchQueue(): BatchQueue {
  const waiting: SourceBatch[] = [];
  let wake: (() => void) | undefined;
  let closed = false;
  return {
    onBatch(batch) {
      if (closed) return;
      waiting.push(batch);
      wake?.();
    },
    close() {
      closed = true;
      wake?.();
    },
    async *[Symbol.asyncIterator]() {
      for (;;) {
        const next = waiting.shift();
        if (next) {
          yield next;
          continue;
        }
        if (closed) return;
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
        wake = undefined;
      }
    },
  };
}
