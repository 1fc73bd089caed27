/** How every SQLite connection of the platform is opened (the server's and the ingest writer thread's). */
import SQLite from 'better-sqlite3';

export function openSqlite(file: string): SQLite.Database {
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  // Two connections write (the server's and the ingest writer thread's): the second waits its turn.
  sqlite.pragma('busy_timeout = 5000');
  return sqlite;
}
