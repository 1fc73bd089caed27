/** A stored ledger record as the API shows it (docs/api.md `LedgerEntry`), verifiable with the SDK's `verifyChain`. */
import type { LedgerIssue, LedgerKind, LedgerRecord } from '@brightkitchen/sdk';
import { type LedgerRecordsTable, parseJson } from '../db/index.js';

export interface LedgerEntry {
  readonly id: string;
  readonly venueId: string;
  readonly seq: number;
  readonly kind: LedgerKind;
  readonly localDay: string;
  readonly record: LedgerRecord;
  readonly issues: readonly LedgerIssue[];
  readonly hash: string;
  readonly prevHash: string;
  readonly createdAt: string;
  readonly retainUntil: string;
}

export function toLedgerEntry(row: LedgerRecordsTable): LedgerEntry {
  return {
    id: row.id,
    venueId: row.venue_id,
    seq: Number(row.seq),
    kind: row.kind as LedgerKind,
    localDay: row.local_day,
    record: parseJson<LedgerRecord>(row.body, {} as LedgerRecord),
    issues: parseJson<LedgerIssue[]>(row.issues, []),
    hash: row.hash,
    prevHash: row.prev_hash,
    createdAt: row.created_at,
    retainUntil: row.retain_until,
  };
}
