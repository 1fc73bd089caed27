/** Published roots and the chain heads each was computed from. */
import type { ChainHead, LedgerRoot } from '@brightkitchen/sdk';
import type { Database, LedgerRootsTable } from '../db/index.js';

export function toLedgerRoot(row: LedgerRootsTable): LedgerRoot {
  return {
    seq: Number(row.seq),
    day: row.day,
    computedAt: row.computed_at,
    size: Number(row.size),
    root: row.root,
    prevRoot: row.prev_root,
    signature: row.signature,
  };
}

/** Newest first; `beforeSeq` continues a page. */
export async function listRoots({ db }: Database, limit: number, beforeSeq?: number): Promise<LedgerRootsTable[]> {
  let query = db.selectFrom('ledger_roots').selectAll();
  if (beforeSeq !== undefined) query = query.where('seq', '<', beforeSeq);
  return query.orderBy('seq', 'desc').limit(limit).execute();
}

/** A root by its seq, or the latest one. */
export async function rootRow({ db }: Database, seq: number | 'latest'): Promise<LedgerRootsTable | undefined> {
  const query = db.selectFrom('ledger_roots').selectAll();
  return (seq === 'latest' ? query.orderBy('seq', 'desc').limit(1) : query.where('seq', '=', seq)).executeTakeFirst();
}

/** The heads a root was computed from, in leaf order. */
export async function rootLeaves({ db }: Database, rootSeq: number): Promise<ChainHead[]> {
  const rows = await db
    .selectFrom('ledger_root_leaves')
    .select(['venue_id', 'seq', 'hash'])
    .where('root_seq', '=', rootSeq)
    .orderBy('position', 'asc')
    .execute();
  return rows.map((row) => ({ venueId: row.venue_id, seq: Number(row.seq), hash: row.hash }));
}

/** Every head of the venue that a root anchored, with the root's seq, oldest first. */
export async function venueLeaves(
  { db }: Database,
  venueId: string,
): Promise<(ChainHead & { readonly rootSeq: number })[]> {
  const rows = await db
    .selectFrom('ledger_root_leaves')
    .select(['root_seq', 'seq', 'hash'])
    .where('venue_id', '=', venueId)
    .orderBy('root_seq', 'asc')
    .execute();
  return rows.map((row) => ({ venueId, rootSeq: Number(row.root_seq), seq: Number(row.seq), hash: row.hash }));
}
