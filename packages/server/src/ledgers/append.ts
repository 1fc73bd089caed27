/**
 * Idempotent, hash-chained appends. One transaction per request or batch: lock the venue, look the
 * idempotency keys up, continue the chain from the last record, insert records and their alerts.
 */
import { createHash } from 'node:crypto';
import { canonicalJson, GENESIS_HASH, hashLedgerEntry, type LedgerIssue } from '@brightkitchen/sdk';
import { type AlertsTable, type Database, type LedgerRecordsTable, lockVenue, newId, toJson } from '../db/index.js';
import { AppError } from '../errors/index.js';
import { alertRowsFor } from './alerts.js';
import { type LedgerEntry, toLedgerEntry } from './entry.js';
import type { PreparedRecord } from './prepare.js';

const nodeSha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** The request body's fingerprint: a retry sends the same record, whatever its key order. */
export function requestHash(input: unknown): string {
  return nodeSha256(canonicalJson(input));
}

export interface AppendItem {
  readonly idempotencyKey: string;
  readonly requestHash: string;
  readonly prepared: PreparedRecord;
}

export type AppendOutcome =
  | { readonly status: 'created' | 'replayed'; readonly entry: LedgerEntry; readonly issues: readonly LedgerIssue[] }
  | { readonly status: 'refused'; readonly error: AppError };

// Keeps multi-row inserts under SQLite's and PostgreSQL's bound-parameter limits.
const INSERT_CHUNK = 200;

function replayed(row: LedgerRecordsTable): AppendOutcome {
  const entry = toLedgerEntry(row);
  return { status: 'replayed', entry, issues: entry.issues };
}

export async function appendLedgerRecords(
  database: Database,
  venueId: string,
  createdBy: string,
  items: readonly AppendItem[],
  now: Date = new Date(),
): Promise<AppendOutcome[]> {
  return database.db.transaction().execute(async (trx) => {
    if (!(await lockVenue(trx, database.dialect, venueId))) throw new AppError('NOT_FOUND');
    const keys = [...new Set(items.map((i) => i.idempotencyKey))];
    const existing = new Map<string, LedgerRecordsTable>();
    for (let i = 0; i < keys.length; i += INSERT_CHUNK) {
      const rows = await trx
        .selectFrom('ledger_records')
        .selectAll()
        .where('venue_id', '=', venueId)
        .where('idempotency_key', 'in', keys.slice(i, i + INSERT_CHUNK))
        .execute();
      for (const row of rows) existing.set(row.idempotency_key, row);
    }
    const last = await trx
      .selectFrom('ledger_records')
      .select(['seq', 'hash'])
      .where('venue_id', '=', venueId)
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    let seq = last ? Number(last.seq) : 0;
    let prevHash = last?.hash ?? GENESIS_HASH;
    const createdAt = now.toISOString();
    const rows: LedgerRecordsTable[] = [];
    const outcomes: AppendOutcome[] = [];
    const alerts: AlertsTable[] = [];

    for (const item of items) {
      const first = existing.get(item.idempotencyKey);
      if (first) {
        outcomes.push(
          first.request_hash === item.requestHash
            ? replayed(first)
            : { status: 'refused', error: new AppError('IDEMPOTENCY_KEY_REUSED') },
        );
        continue;
      }
      const { prepared } = item;
      if (!prepared.ok) {
        outcomes.push({ status: 'refused', error: new AppError('LEDGER_RULE_VIOLATION', { issues: prepared.issues }) });
        continue;
      }
      seq += 1;
      const hash = hashLedgerEntry(
        { venueId, seq, prevHash, kind: prepared.record.kind, body: prepared.record, createdAt },
        nodeSha256,
      );
      const row: LedgerRecordsTable = {
        id: newId('led'),
        venue_id: venueId,
        seq,
        kind: prepared.record.kind,
        local_day: prepared.localDay,
        body: toJson(prepared.record),
        issues: toJson(prepared.issues),
        hash,
        prev_hash: prevHash,
        idempotency_key: item.idempotencyKey,
        request_hash: item.requestHash,
        created_by: createdBy,
        created_at: createdAt,
        retain_until: prepared.retainUntil,
      };
      prevHash = hash;
      rows.push(row);
      alerts.push(...alertRowsFor(row, prepared.alerts, createdAt));
      existing.set(item.idempotencyKey, row);
      outcomes.push({
        status: 'created',
        entry: {
          id: row.id,
          venueId,
          seq,
          kind: prepared.record.kind,
          localDay: row.local_day,
          record: prepared.record,
          issues: [...prepared.issues],
          hash,
          prevHash: row.prev_hash,
          createdAt,
          retainUntil: row.retain_until,
        },
        issues: prepared.issues,
      });
    }

    for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
      await trx
        .insertInto('ledger_records')
        .values(rows.slice(i, i + INSERT_CHUNK))
        .execute();
    }
    for (let i = 0; i < alerts.length; i += INSERT_CHUNK) {
      await trx
        .insertInto('alerts')
        .values(alerts.slice(i, i + INSERT_CHUNK))
        .execute();
    }
    return outcomes;
  });
}
