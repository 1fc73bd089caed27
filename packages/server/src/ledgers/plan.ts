/**
 * What one append does, decided without the database: given the records already stored under the
 * batch's idempotency keys and the venue's last chain link, each item is replayed, refused or
 * chained (seq, prevHash, hash) into a new row, with the alert its warnings open.
 */
import {
  GENESIS_HASH,
  hashLedgerEntryV2,
  LEDGER_HASH_VERSION,
  type LedgerIssue,
  type Sha256Hex,
} from '@brightkitchen/sdk';
import type { AlertsTable, LedgerRecordsTable } from '../db/index.js';
import { newId, toJson } from '../db/index.js';
import { AppError } from '../errors/index.js';
import { alertRowsFor } from './alerts.js';
import { type LedgerEntry, toLedgerEntry } from './entry.js';
import type { PreparedRecord } from './prepare.js';

export interface AppendItem {
  readonly idempotencyKey: string;
  readonly requestHash: string;
  readonly prepared: PreparedRecord;
}

export type AppendOutcome =
  | { readonly status: 'created' | 'replayed'; readonly entry: LedgerEntry; readonly issues: readonly LedgerIssue[] }
  | { readonly status: 'refused'; readonly error: AppError };

export interface AppendPlan {
  readonly rows: LedgerRecordsTable[];
  readonly alerts: AlertsTable[];
  readonly outcomes: AppendOutcome[];
}

export interface AppendState {
  readonly venueId: string;
  readonly createdBy: string;
  readonly createdAt: string;
  /** Rows already stored under the batch's keys, by key. */
  readonly existing: ReadonlyMap<string, LedgerRecordsTable>;
  /** The venue's last record (absent: the chain starts at GENESIS_HASH). */
  readonly last: { readonly seq: number; readonly hash: string } | undefined;
  readonly sha256: Sha256Hex;
}

function replayed(row: LedgerRecordsTable): AppendOutcome {
  const entry = toLedgerEntry(row);
  return { status: 'replayed', entry, issues: entry.issues };
}

export function planAppend(state: AppendState, items: readonly AppendItem[]): AppendPlan {
  const { venueId, createdBy, createdAt, sha256 } = state;
  const seen = new Map(state.existing);
  let seq = state.last ? Number(state.last.seq) : 0;
  let prevHash = state.last?.hash ?? GENESIS_HASH;
  const rows: LedgerRecordsTable[] = [];
  const alerts: AlertsTable[] = [];
  const outcomes: AppendOutcome[] = [];

  for (const item of items) {
    const first = seen.get(item.idempotencyKey);
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
    const { record } = prepared;
    const id = newId('led');
    const hash = hashLedgerEntryV2(
      {
        id,
        venueId,
        seq,
        prevHash,
        kind: record.kind,
        body: record,
        createdAt,
        localDay: prepared.localDay,
        issues: prepared.issues,
        retainUntil: prepared.retainUntil,
        createdBy,
      },
      sha256,
    );
    const row: LedgerRecordsTable = {
      id,
      venue_id: venueId,
      seq,
      kind: record.kind,
      local_day: prepared.localDay,
      body: toJson(record),
      issues: prepared.issues.length === 0 ? '[]' : toJson(prepared.issues),
      hash,
      prev_hash: prevHash,
      idempotency_key: item.idempotencyKey,
      request_hash: item.requestHash,
      created_by: createdBy,
      created_at: createdAt,
      retain_until: prepared.retainUntil,
      hash_version: LEDGER_HASH_VERSION,
    };
    rows.push(row);
    if (prepared.alerts.length > 0) alerts.push(...alertRowsFor(row, prepared.alerts, createdAt));
    seen.set(item.idempotencyKey, row);
    outcomes.push({
      status: 'created',
      entry: {
        id: row.id,
        venueId,
        seq,
        kind: record.kind,
        localDay: row.local_day,
        record,
        issues: [...prepared.issues],
        hash,
        prevHash,
        createdAt,
        retainUntil: row.retain_until,
        createdBy,
        hashVersion: LEDGER_HASH_VERSION,
      },
      issues: prepared.issues,
    });
    prevHash = hash;
  }
  return { rows, alerts, outcomes };
}
