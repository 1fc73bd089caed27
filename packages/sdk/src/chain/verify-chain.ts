/** Offline verification of a venue's exported ledger chain. */
import { type ChainEntry, GENESIS_HASH, hashLedgerEntry, type Sha256Hex } from './hash-entry.js';

/** A record as the export lists it: the hashed fields (the body under its wire name `record`) and its hash. */
export interface ChainedEntry extends Omit<ChainEntry, 'body'> {
  readonly record: unknown;
  readonly hash: string;
}

export type ChainBreak = 'seq_gap' | 'prev_hash_mismatch' | 'hash_mismatch' | 'venue_mismatch';

export interface ChainReport {
  readonly ok: boolean;
  /** Records checked. */
  readonly length: number;
  /** The first record that does not hold (absent when ok). */
  readonly brokenAt?: number;
  readonly reason?: ChainBreak;
}

export interface VerifyChainOptions {
  readonly sha256?: Sha256Hex;
  /**
   * Where the entries start when older records were purged after their retention time:
   * the first entry's `seq` and `prevHash`. Default: seq 1 after GENESIS_HASH.
   */
  readonly anchor?: { readonly seq: number; readonly prevHash: string };
}

/**
 * Checks the records in `seq` order from 1 (or `anchor.seq`): consecutive seq, each `prevHash` equals the previous hash
 * (the first: GENESIS_HASH), each hash recomputes, one venue throughout.
 * @example verifyChain(exported.records).ok // records as `GET /v1/venues/{id}/ledgers/export` lists them
 */
export function verifyChain(entries: readonly ChainedEntry[], options: VerifyChainOptions = {}): ChainReport {
  let prevHash = options.anchor?.prevHash ?? GENESIS_HASH;
  const firstSeq = options.anchor?.seq ?? 1;
  const venueId = entries[0]?.venueId;
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i]!;
    const broken = (reason: ChainBreak): ChainReport => ({
      ok: false,
      length: entries.length,
      brokenAt: entry.seq,
      reason,
    });
    if (entry.venueId !== venueId) return broken('venue_mismatch');
    if (entry.seq !== firstSeq + i) return broken('seq_gap');
    if (entry.prevHash !== prevHash) return broken('prev_hash_mismatch');
    if (hashLedgerEntry({ ...entry, body: entry.record }, options.sha256) !== entry.hash)
      return broken('hash_mismatch');
    prevHash = entry.hash;
  }
  return { ok: true, length: entries.length };
}
