/**
 * A store for @fastify/rate-limit kept in the database, so the instances of a cluster count one address
 * together (behind a balancer, N instances with in-memory counters would allow N times the limit). Used on
 * PostgreSQL; alone on SQLite the plugin's in-memory store is exact and cheaper.
 *
 * Two ways of counting, by limiter:
 * - exact (logins, SMS codes: low rates, where one more try matters): every request adds one to the shared row
 *   and is answered with the shared count;
 * - batched (public routes: the QR profile at a city's lunchtime): each instance counts in memory and adds what it
 *   counted to the shared row every `BATCH_FLUSH_MS`, answering with the shared count it last read plus its own
 *   since. One upsert a second per address instead of one per request (`pnpm bench:api` measured the per-request
 *   upsert at 0.15 of SQLite's rate); the price is that a limit holds across instances within one flush's
 *   requests — generous limits (600 a minute) meant for floods, not for single tries.
 */
import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import { sql } from 'kysely';
import type { Database } from '../db/index.js';

type Callback = (error: Error | null, result?: { current: number; ttl: number }) => void;

/** Rows of windows that ended this long ago are removed now and then. */
const SWEEP_AFTER_MS = 24 * 3600_000;
const SWEEP_EVERY_MS = 10 * 60_000;
/** How often a batched limiter adds its local counts to the shared rows. */
export const BATCH_FLUSH_MS = 1000;

/** Adds `n` to an address's shared count (a window that ended starts again); answers the shared count. */
async function addShared(database: Database, key: string, n: number, timeWindow: number, now: number) {
  const result = await sql<{ count: number; window_start: number }>`
    insert into rate_counters (key, count, window_start) values (${key}, ${n}, ${now})
    on conflict (key) do update set
      count = case when rate_counters.window_start + ${timeWindow} <= ${now} then ${n} else rate_counters.count + ${n} end,
      window_start = case when rate_counters.window_start + ${timeWindow} <= ${now} then ${now}
        else rate_counters.window_start end
    returning count, window_start`.execute(database.db);
  const row = result.rows[0];
  if (!row) throw new Error('rate counter not stored');
  return { count: Number(row.count), windowStart: Number(row.window_start) };
}

/** One address in a batched limiter: the shared count last read, and what this instance counted since. */
interface LocalCount {
  windowStart: number;
  timeWindow: number;
  shared: number;
  pending: number;
}

export interface DatabaseRateStoreOptions {
  /** Limiters (by `groupId`) counted in batches; the others count every request in the database. */
  readonly batched?: ReadonlySet<string>;
}

export function databaseRateStore(
  database: Database,
  options: DatabaseRateStoreOptions = {},
): FastifyRateLimitStoreCtor & { flush(): Promise<void>; close(): void } {
  let lastSweep = 0;
  const sweep = (now: number) => {
    if (now - lastSweep < SWEEP_EVERY_MS) return;
    lastSweep = now;
    void database.db
      .deleteFrom('rate_counters')
      .where('window_start', '<', now - SWEEP_AFTER_MS)
      .execute()
      .catch(() => undefined);
  };

  const local = new Map<string, LocalCount>();
  let flushing: Promise<void> = Promise.resolve();
  const flushOnce = async () => {
    const now = Date.now();
    for (const [key, entry] of local) {
      if (entry.windowStart + entry.timeWindow <= now && entry.pending === 0) {
        local.delete(key);
        continue;
      }
      if (entry.pending === 0) continue;
      const n = entry.pending;
      try {
        const stored = await addShared(database, key, n, entry.timeWindow, now);
        entry.pending -= n;
        entry.shared = stored.count;
        entry.windowStart = stored.windowStart;
      } catch {
        // Kept as pending: added at the next flush.
      }
    }
  };
  const flush = () => {
    flushing = flushing.then(flushOnce);
    return flushing;
  };
  let timer: NodeJS.Timeout | undefined;

  let unnamed = 0;
  class DatabaseRateStore {
    /** Each limiter (login, sms, public…) counts apart, as the plugin's in-memory store keeps one map each. */
    private readonly space: string;

    constructor(space?: unknown) {
      this.space = typeof space === 'string' ? space : '';
    }

    incr(address: string, callback: Callback, timeWindow: number): void {
      const now = Date.now();
      const key = `${this.space}:${address}`;
      sweep(now);
      if (options.batched?.has(this.space)) {
        let entry = local.get(key);
        if (!entry || entry.windowStart + timeWindow <= now) {
          entry = { windowStart: now, timeWindow, shared: 0, pending: 0 };
          local.set(key, entry);
        }
        entry.pending += 1;
        if (!timer) {
          timer = setInterval(() => void flush(), BATCH_FLUSH_MS);
          timer.unref();
        }
        callback(null, { current: entry.shared + entry.pending, ttl: entry.windowStart + timeWindow - now });
        return;
      }
      addShared(database, key, 1, timeWindow, now).then(
        (stored) => callback(null, { current: stored.count, ttl: stored.windowStart + timeWindow - now }),
        (error: Error) => callback(error),
      );
    }

    child(params: object): FastifyRateLimitStore {
      unnamed += 1;
      const groupId = (params as { groupId?: unknown }).groupId;
      return new DatabaseRateStore(typeof groupId === 'string' ? groupId : `limiter-${unnamed}`);
    }

    /** Adds every local count to the shared rows now (tests; closing). */
    static flush(): Promise<void> {
      return flush();
    }

    static close(): void {
      if (timer) clearInterval(timer);
      timer = undefined;
    }
  }
  return DatabaseRateStore;
}
