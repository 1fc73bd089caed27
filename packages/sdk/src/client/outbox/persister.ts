import type { KeyValueStorage } from '../storage.js';

/**
 * Writes a snapshot to one storage key, one write at a time, coalescing bursts: callers that ask while
 * a write is in flight share the next write, which carries the latest state.
 */
export function createPersister(storage: KeyValueStorage, key: string, snapshot: () => string | null) {
  let inFlight: Promise<void> | null = null;
  let next: Promise<void> | null = null;

  async function write(): Promise<void> {
    const value = snapshot();
    if (value === null) await storage.remove(key);
    else await storage.set(key, value);
  }

  return function save(): Promise<void> {
    if (!inFlight) {
      inFlight = write().finally(() => {
        inFlight = null;
      });
      return inFlight;
    }
    if (!next) {
      next = inFlight
        .catch(() => undefined)
        .then(() => {
          next = null;
          return save();
        });
    }
    return next;
  };
}
