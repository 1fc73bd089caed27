/** A stored ledger record as the API shows it: the SDK's `LedgerEntry`, verifiable with its `verifyChain`. */
import type { LedgerEntry, LedgerIssue, LedgerKind, LedgerRecord } from '@brightkitchen/sdk';
import { type LedgerRecordsTable, parseJson } from '../db/index.js';

export type { LedgerEntry };

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
