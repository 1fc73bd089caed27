/**
 * One Kysely query layer over SQLite (better-sqlite3, WAL) or PostgreSQL (pg Pool), chosen by config.
 * Route code only sees `Database`: the Kysely instance plus the dialect for the rare portable switch.
 */
import type SQLite from 'better-sqlite3';
import { Kysely, type LogEvent, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { DatabaseConfig } from '../config.js';
import type { DB } from './schema.js';
import { openSqlite } from './sqlite-connection.js';

export type DialectKind = DatabaseConfig['kind'];

export interface Database {
  readonly db: Kysely<DB>;
  readonly dialect: DialectKind;
  /**
   * The SQLite connection under Kysely, for hot paths that run prepared statements synchronously
   * (ingestion batches). Use it only inside `db.connection().execute(…)`, which holds Kysely's lock.
   */
  readonly sqlite?: SQLite.Database;
  /** Statements run through Kysely since opening, their total time and failures (`/metrics`). */
  readonly queries?: QueryStats;
  /** PostgreSQL: the pool's connections, idle ones and callers waiting for one (`/metrics`). */
  readonly pool?: { readonly totalCount: number; readonly idleCount: number; readonly waitingCount: number };
  close(): Promise<void>;
}

export interface QueryStats {
  count: number;
  errors: number;
  seconds: number;
}

/** Kysely's log hook, counting: two additions a statement, no histogram on the hot path. */
function countQueries(): { stats: QueryStats; log: (event: LogEvent) => void } {
  const stats: QueryStats = { count: 0, errors: 0, seconds: 0 };
  return {
    stats,
    log(event) {
      stats.count += 1;
      stats.seconds += event.queryDurationMillis / 1000;
      if (event.level === 'error') stats.errors += 1;
    },
  };
}

// pg answers bigint (counts) and numeric (averages) as strings; our values fit in a double.
const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === 20 || oid === 1700) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format as 'text');
  },
};

export function openDatabase(config: DatabaseConfig): Database {
  if (config.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: config.url, max: 10, types: pgTypes as pg.CustomTypesConfig });
    // An idle client dropped by the server (restart, failover) must not crash the process: the pool replaces it.
    pool.on('error', (err) => console.error(`[db] idle PostgreSQL client failed: ${err.message}`));
    const { stats, log } = countQueries();
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), log });
    return { db, dialect: 'postgres', queries: stats, pool, close: () => db.destroy() };
  }
  const sqlite = openSqlite(config.url);
  const { stats, log } = countQueries();
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }), log });
  return { db, dialect: 'sqlite', sqlite, queries: stats, close: () => db.destroy() };
}
