/**
 * A store for @fastify/rate-limit kept in the database, so the instances of a cluster count one address
 * together (behind a balancer, N instances with in-memory counters would allow N times the limit). Used on
 * PostgreSQL; alone on SQLite the plugin's in-memory store is exact and cheaper.
 */
import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import { sql } from 'kysely';
import type { Database } from '../db/index.js';

type Callback = (error: Error | null, result?: { current: number; ttl: number }) => void;

/** Rows of windows that ended this long ago are removed now and then. */
const SWEEP_AFTER_MS = 24 * 3600_000;
const SWEEP_EVERY_MS = 10 * 60_000;

export function databaseRateStore(database: Database): FastifyRateLimitStoreCtor {
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

  let unnamed = 0;
  return class DatabaseRateStore {
    /** Each limiter (login, sms, public…) counts apart, as the plugin's in-memory store keeps one map each. */
    private readonly space: string;

    constructor(options?: unknown) {
      this.space = typeof options === 'string' ? options : '';
    }

    incr(address: string, callback: Callback, timeWindow: number): void {
      const now = Date.now();
      const key = `${this.space}:${address}`;
      sweep(now);
      // One statement: a new address, a window that ended (count starts again), or one more in this window.
      sql<{ count: number; window_start: number }>`
        insert into rate_counters (key, count, window_start) values (${key}, 1, ${now})
        on conflict (key) do update set
          count = case when rate_counters.window_start + ${timeWindow} <= ${now} then 1 else rate_counters.count + 1 end,
          window_start = case when rate_counters.window_start + ${timeWindow} <= ${now} then ${now}
            else rate_counters.window_start end
        returning count, window_start`
        .execute(database.db)
        .then(
          (result) => {
            const row = result.rows[0];
            if (!row) return callback(new Error('rate counter not stored'));
            callback(null, { current: Number(row.count), ttl: Number(row.window_start) + timeWindow - now });
          },
          (error: Error) => callback(error),
        );
    }

    child(params: object): FastifyRateLimitStore {
      unnamed += 1;
      const groupId = (params as { groupId?: unknown }).groupId;
      return new DatabaseRateStore(typeof groupId === 'string' ? groupId : `limiter-${unnamed}`);
    }
  };
}
