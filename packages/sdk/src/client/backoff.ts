import type { Random } from './ids.js';

/**
 * How long to wait before retrying what failed: the outbox's writes, the mini-program's MQTT reconnects,
 * the server's notification deliveries.
 */
export interface BackoffPolicy {
  /** Delay before the first retry, before jitter. */
  readonly baseMs: number;
  /** Upper bound of any delay. */
  readonly maxMs: number;
  /** What each further attempt multiplies the delay by (default 2). */
  readonly factor?: number;
}

/** Retry after about 1 s, doubling up to 60 s. */
export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 1_000, maxMs: 60_000 };

/**
 * Exponential backoff: the ceiling grows by `factor` per attempt (up to `maxMs`). With `random`, "equal
 * jitter": the delay falls uniformly in the ceiling's upper half, so devices that lost the network together
 * do not return together; without it, the ceiling itself. `attempt` counts failures so far, from 1.
 * @example backoffDelay(3, { baseMs: 1000, maxMs: 60_000 }) // 4000
 */
export function backoffDelay(attempt: number, policy: BackoffPolicy, random?: Random): number {
  const ceiling = Math.min(policy.maxMs, policy.baseMs * (policy.factor ?? 2) ** Math.max(0, attempt - 1));
  return random ? Math.floor(ceiling / 2 + (random() * ceiling) / 2) : ceiling;
}
