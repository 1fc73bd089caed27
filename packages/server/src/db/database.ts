/**
 * One Kysely query layer over SQLite (better-sqlite3, WAL) or PostgreSQL (pg Pool), chosen by config.
 * Route code only sees `Database`: the Kysely instance plus the dialect for the rare portable switch.
 */
import type SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
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
  close(): Promise<void>;
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
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect: 'postgres', close: () => db.destroy() };
  }
  const sqlite = openSqlite(config.url);
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, dialect: 'sqlite', sqlite, close: () => db.destroy() };
}
