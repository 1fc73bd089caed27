/**
 * A venue's chain as stored, for verification and the purge: every row, damaged ones included. Unlike
 * `toLedgerEntry`, nothing is refused here — a body that is no longer JSON is kept as its text, fails its hash
 * and is reported with its seq, rather than stopping the verification.
 */
import type { ChainedEntry } from '@brightkitchen/sdk';
import * as v from 'valibot';
import type { Database, LedgerRecordsTable } from '../db/index.js';
import { readJson } from '../db/index.js';

const ANY = v.unknown();

function storedOrText(row: LedgerRecordsTable, column: 'body' | 'issues'): unknown {
  const read = readJson(ANY, row[column], { table: 'ledger_records', column, id: row.id });
  return read.ok ? read.value : row[column];
}

/** The row as `verifyChain` checks it: every column its hash (or its derivation) covers. */
export function chainedEntryOf(row: LedgerRecordsTable): ChainedEntry {
  return {
    id: row.id,
    venueId: row.venue_id,
    seq: Number(row.seq),
    prevHash: row.prev_hash,
    kind: row.kind,
    record: storedOrText(row, 'body'),
    createdAt: row.created_at,
    hash: row.hash,
    hashVersion: Number(row.hash_version),
    localDay: row.local_day,
    issues: storedOrText(row, 'issues'),
    retainUntil: row.retain_until,
    createdBy: row.created_by,
  };
}

/** The venue's rows in seq order (those before `beforeSeq` when given). */
export async function storedChain(
  { db }: Database,
  venueId: string,
  range: { readonly beforeSeq?: number } = {},
): Promise<ChainedEntry[]> {
  let query = db.selectFrom('ledger_records').selectAll().where('venue_id', '=', venueId);
  if (range.beforeSeq !== undefined) query = query.where('seq', '<', range.beforeSeq);
  const rows = await query.orderBy('seq', 'asc').execute();
  return rows.map(chainedEntryOf);
}
