/**
 * The SQLite side of `appendLedgerRecords`: one synchronous better-sqlite3 transaction with statements
 * prepared once per connection — one key lookup per batch (`json_each` of the keys), one insert
 * statement run per row — instead of a Kysely query built per chunk.
 */
import type SQLite from 'better-sqlite3';
import type { AlertsTable, LedgerRecordsTable } from '../db/index.js';
import type { AppendPlan, AppendState } from './plan.js';

export type SqliteAppend = (
  venueId: string,
  keys: readonly string[],
  plan: (existing: AppendState['existing'], last: AppendState['last']) => AppendPlan,
) => AppendPlan | undefined;

const LEDGER_COLUMNS = [
  'id',
  'venue_id',
  'seq',
  'kind',
  'local_day',
  'body',
  'issues',
  'hash',
  'prev_hash',
  'idempotency_key',
  'request_hash',
  'created_by',
  'created_at',
  'retain_until',
  'hash_version',
] as const satisfies readonly (keyof LedgerRecordsTable)[];

const ALERT_COLUMNS = [
  'id',
  'venue_id',
  'source',
  'type',
  'severity',
  'state',
  'subject',
  'message',
  'details',
  'opened_at',
  'acknowledged_at',
  'acknowledged_by',
  'resolved_at',
  'resolved_by',
  'corrective_action',
] as const satisfies readonly (keyof AlertsTable)[];

const insertSql = (table: string, columns: readonly string[]) =>
  `insert into ${table} (${columns.join(', ')}) values (${columns.map(() => '?').join(', ')})`;

const appenders = new WeakMap<SQLite.Database, SqliteAppend>();

/** The append transaction of one connection; `undefined` from it: the venue does not exist. */
export function sqliteAppender(sqlite: SQLite.Database): SqliteAppend {
  const known = appenders.get(sqlite);
  if (known) return known;
  const venue = sqlite.prepare('select id from venues where id = ?').pluck();
  const byKeys = sqlite.prepare(
    'select * from ledger_records where venue_id = ? and idempotency_key in (select value from json_each(?))',
  );
  const last = sqlite.prepare('select seq, hash from ledger_records where venue_id = ? order by seq desc limit 1');
  const insertRecord = sqlite.prepare(insertSql('ledger_records', LEDGER_COLUMNS));
  const insertAlert = sqlite.prepare(insertSql('alerts', ALERT_COLUMNS));

  const append = sqlite.transaction<SqliteAppend>((venueId, keys, plan) => {
    if (venue.get(venueId) === undefined) return undefined;
    const existing = new Map<string, LedgerRecordsTable>();
    for (const row of byKeys.all(venueId, JSON.stringify(keys)) as LedgerRecordsTable[]) {
      existing.set(row.idempotency_key, row);
    }
    const tail = last.get(venueId) as { seq: number; hash: string } | undefined;
    const result = plan(existing, tail);
    for (const row of result.rows) insertRecord.run(LEDGER_COLUMNS.map((c) => row[c]));
    for (const alert of result.alerts) insertAlert.run(ALERT_COLUMNS.map((c) => alert[c]));
    return result;
  });
  appenders.set(sqlite, append);
  return append;
}
