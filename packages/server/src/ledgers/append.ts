/**
 * Idempotent, hash-chained appends. One transaction per request or batch: lock the venue, look the
 * idempotency keys up, continue the chain from the last record, insert records and their alerts.
 * SQLite runs it as one synchronous prepared transaction (`sqlite-append.ts`); PostgreSQL as one
 * Kysely transaction with one key lookup and one `unnest` insert per batch.
 */
import { canonicalJson } from '@brightkitchen/sdk';
import { sql } from 'kysely';
import type { AlertAnnouncer } from '../alerts/alert-book.js';
import { nodeSha256Hex } from '../crypto/index.js';
import { type Database, type LedgerRecordsTable, lockVenue } from '../db/index.js';
import { AppError } from '../errors/index.js';
import { type AppendItem, type AppendOutcome, type AppendPlan, type AppendState, planAppend } from './plan.js';
import { sqliteAppender } from './sqlite-append.js';

export type { AppendItem, AppendOutcome };

/** The request body's fingerprint: a retry sends the same record, whatever its key order. */
export function requestHash(input: unknown): string {
  return nodeSha256Hex(canonicalJson(input));
}

// Keeps multi-row alert inserts under PostgreSQL's bound-parameter limit.
const INSERT_CHUNK = 200;

const column = <K extends keyof LedgerRecordsTable>(rows: readonly LedgerRecordsTable[], key: K) =>
  rows.map((r) => r[key]);

async function appendPostgres(
  database: Database,
  venueId: string,
  keys: readonly string[],
  plan: (existing: AppendState['existing'], last: AppendState['last']) => AppendPlan,
): Promise<AppendPlan> {
  return database.db.transaction().execute(async (trx) => {
    if (!(await lockVenue(trx, database.dialect, venueId))) throw new AppError('NOT_FOUND');
    const existing = new Map<string, LedgerRecordsTable>();
    const found = await trx
      .selectFrom('ledger_records')
      .selectAll()
      .where('venue_id', '=', venueId)
      .where(sql<boolean>`idempotency_key = any(${[...keys]}::text[])`)
      .execute();
    for (const row of found) existing.set(row.idempotency_key, row);
    const last = await trx
      .selectFrom('ledger_records')
      .select(['seq', 'hash'])
      .where('venue_id', '=', venueId)
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    const result = plan(existing, last ? { seq: Number(last.seq), hash: last.hash } : undefined);
    const r = result.rows;
    if (r.length > 0) {
      await sql`insert into ledger_records (id, venue_id, seq, kind, local_day, body, issues, hash, prev_hash,
          idempotency_key, request_hash, created_by, created_at, retain_until, hash_version)
        select * from unnest(${column(r, 'id')}::text[], ${column(r, 'venue_id')}::text[],
          ${column(r, 'seq')}::int[], ${column(r, 'kind')}::text[], ${column(r, 'local_day')}::text[],
          ${column(r, 'body')}::text[], ${column(r, 'issues')}::text[], ${column(r, 'hash')}::text[],
          ${column(r, 'prev_hash')}::text[], ${column(r, 'idempotency_key')}::text[],
          ${column(r, 'request_hash')}::text[], ${column(r, 'created_by')}::text[],
          ${column(r, 'created_at')}::text[], ${column(r, 'retain_until')}::text[],
          ${column(r, 'hash_version')}::int[])`.execute(trx);
    }
    for (let i = 0; i < result.alerts.length; i += INSERT_CHUNK) {
      await trx
        .insertInto('alerts')
        .values(result.alerts.slice(i, i + INSERT_CHUNK))
        .execute();
    }
    return result;
  });
}

export async function appendLedgerRecords(
  database: Database,
  venueId: string,
  createdBy: string,
  items: readonly AppendItem[],
  now: Date = new Date(),
  /** Told of the warning alerts once they are stored (realtime push, first notification). */
  alerts?: AlertAnnouncer,
): Promise<AppendOutcome[]> {
  const createdAt = now.toISOString();
  const keys = [...new Set(items.map((i) => i.idempotencyKey))];
  const plan = (existing: AppendState['existing'], last: AppendState['last']) =>
    planAppend({ venueId, createdBy, createdAt, existing, last, sha256: nodeSha256Hex }, items);
  const { sqlite } = database;
  if (database.dialect === 'sqlite' && sqlite) {
    const append = sqliteAppender(sqlite);
    // Holding Kysely's connection keeps this transaction from interleaving with an async Kysely one.
    const result = await database.db.connection().execute(async () => append(venueId, keys, plan));
    if (!result) throw new AppError('NOT_FOUND');
    if (result.alerts.length > 0) alerts?.announce(result.alerts);
    return result.outcomes;
  }
  const result = await appendPostgres(database, venueId, keys, plan);
  if (result.alerts.length > 0) alerts?.announce(result.alerts);
  return result.outcomes;
}
