/** Time seam: lets tests drive backoff delays without waiting. */
export interface Clock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** Timers exist in every host (Node, browsers, mini-programs) but in no ES lib typing; declared here. */
interface HostTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** The host's clock (`Date.now`, `setTimeout`), looked up when used, never captured at import. */
export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => (globalThis as unknown as HostTimers).setTimeout(callback, ms),
  clearTimeout: (handle) => (globalThis as unknown as HostTimers).clearTimeout(handle),
};
