/** Offline verification of a venue's exported ledger chain. */
import type { ChainHead } from './chain-head.js';
import type { ChainBreak, ChainProblem, ColumnProblem } from './chain-problem.js';
import type { ChainCheckpoint } from './checkpoint.js';
import { coverGap } from './checkpoint-cover.js';
import { type ChainEntry, GENESIS_HASH, hashLedgerEntry, type Sha256Hex } from './hash-entry.js';
import { type ChainEntryV2, hashLedgerEntryV2, LEDGER_HASH_VERSION } from './hash-entry-v2.js';

export type { ChainBreak, ChainProblem } from './chain-problem.js';

/**
 * A record as the export lists it: the hashed fields (the body under its wire name `record`) and its hash. A
 * version 2 hash ({@link hashLedgerEntryV2}) also covers the optional fields below.
 */
export interface ChainedEntry extends Omit<ChainEntry, 'body'> {
  readonly record: unknown;
  readonly hash: string;
  /** 2: {@link hashLedgerEntryV2}; absent or 1: {@link hashLedgerEntry}. */
  readonly hashVersion?: number;
  readonly id?: string;
  readonly localDay?: string;
  readonly issues?: unknown;
  readonly retainUntil?: string;
  readonly createdBy?: string;
}

/** {@link verifyChain}'s answer: ok, or where the chain first breaks and why, with every problem found. */
export interface ChainReport {
  readonly ok: boolean;
  /** Records checked. */
  readonly length: number;
  /** The first record that does not hold (absent when ok). */
  readonly brokenAt?: number;
  readonly reason?: ChainBreak;
  /** Every record that does not hold, in seq order (empty when ok). */
  readonly problems: readonly ChainProblem[];
}

/** Options of {@link verifyChain}. */
export interface VerifyChainOptions {
  readonly sha256?: Sha256Hex;
  /**
   * Where the entries start when older records were purged after their retention time:
   * the first entry's `seq` and `prevHash`. Default: seq 1 after GENESIS_HASH.
   */
  readonly anchor?: { readonly seq: number; readonly prevHash: string };
  /**
   * The venue's retention-purge checkpoints, their signatures already checked: records they cover may be missing,
   * and the record after one must continue from its hash. Any other missing record is a `seq_gap`.
   */
  readonly checkpoints?: readonly ChainCheckpoint[];
  /** The venue's heads from published roots (their Merkle proofs already checked): the chain must still hold each. */
  readonly publishedHeads?: readonly ChainHead[];
  /** Checks the stored columns against what the record determines, e.g. {@link derivedLedgerColumns}. */
  readonly columns?: (entry: ChainedEntry) => readonly ColumnProblem[];
}

/** The hash the entry should have under its version; `undefined` for a version this SDK does not know. */
function expectedHash(entry: ChainedEntry, sha256: Sha256Hex | undefined): string | undefined {
  const version = entry.hashVersion ?? 1;
  if (version === 1) return hashLedgerEntry({ ...entry, body: entry.record }, sha256);
  if (version === LEDGER_HASH_VERSION)
    return hashLedgerEntryV2({ ...entry, body: entry.record } as ChainEntryV2, sha256);
  return undefined;
}

/** Why the chain no longer holds a head a root published, or `undefined` when it does (or purged it). */
function headFault(
  head: ChainHead,
  bySeq: ReadonlyMap<number, ChainedEntry>,
  checkpoints: readonly ChainCheckpoint[],
  lastSeq: number,
): string | undefined {
  const entry = bySeq.get(head.seq);
  if (entry) return entry.hash === head.hash ? undefined : 'differs from the hash a root published for it';
  const gap = coverGap(checkpoints, head.seq, head.seq);
  if (gap.covered) {
    return gap.last.seq === head.seq && gap.last.hash !== head.hash
      ? 'its checkpoint differs from the hash a root published for it'
      : undefined;
  }
  return head.seq > lastSeq
    ? `the chain ends at ${lastSeq}, before record ${head.seq} that a root published`
    : `record ${head.seq}, published in a root, is missing`;
}

const span = (from: number, to: number) => (from === to ? `record ${from}` : `records ${from}–${to}`);

/**
 * Checks the records in `seq` order from 1 (or `anchor.seq`): consecutive seq unless retention checkpoints cover the
 * missing ones, each `prevHash` equals the previous hash (the first: GENESIS_HASH, or the checkpoint's), each hash
 * recomputes under its version, one venue throughout, the stored columns agree with the record (`columns`) and
 * every published head is still in the chain. Reports every record that does not hold, not only the first.
 * @example verifyChain(exported.records, { checkpoints: exported.checkpoints, columns: derivedLedgerColumns({ timeZone: exported.timeZone }) })
 */
export function verifyChain(entries: readonly ChainedEntry[], options: VerifyChainOptions = {}): ChainReport {
  const { sha256, checkpoints = [], publishedHeads = [], columns } = options;
  const problems: ChainProblem[] = [];
  const report = (seq: number, reason: ChainBreak, detail?: string, column?: string) =>
    problems.push({ seq, reason, ...(column ? { column } : {}), ...(detail ? { detail } : {}) });
  let expectedSeq = options.anchor?.seq ?? 1;
  let prevHash = options.anchor?.prevHash ?? GENESIS_HASH;
  const venueId = entries[0]?.venueId;
  const bySeq = new Map<number, ChainedEntry>();
  for (const entry of entries) {
    if (entry.venueId !== venueId) {
      report(entry.seq, 'venue_mismatch', `a record of venue ${entry.venueId}`);
      continue;
    }
    bySeq.set(entry.seq, entry);
    let link: string | undefined = prevHash;
    if (entry.seq > expectedSeq) {
      link = undefined;
      const cover = coverGap(checkpoints, expectedSeq, entry.seq - 1);
      if (!cover.covered) {
        const missing = span(cover.firstUncovered, entry.seq - 1);
        report(entry.seq, 'seq_gap', `${missing} missing, and no checkpoint covers them`);
      } else if (cover.last.seq !== entry.seq - 1) {
        report(
          entry.seq,
          'checkpoint_mismatch',
          `a checkpoint says record ${cover.last.seq} was purged, yet it is here`,
        );
      } else if (cover.last.hash !== entry.prevHash) {
        report(
          entry.seq,
          'checkpoint_mismatch',
          `prevHash differs from the hash of the checkpoint at ${entry.seq - 1}`,
        );
      }
    } else if (entry.seq < expectedSeq) {
      link = undefined;
      report(entry.seq, 'seq_gap', `out of order: record ${expectedSeq} expected`);
    }
    if (link !== undefined && entry.prevHash !== link) {
      report(entry.seq, 'prev_hash_mismatch', `prevHash differs from the hash of record ${entry.seq - 1}`);
    }
    const hash = expectedHash(entry, sha256);
    if (hash === undefined) report(entry.seq, 'hash_mismatch', `unknown hash version ${entry.hashVersion}`);
    else if (hash !== entry.hash) report(entry.seq, 'hash_mismatch', 'the stored hash does not recompute');
    for (const problem of columns?.(entry) ?? []) report(entry.seq, 'column_mismatch', problem.detail, problem.column);
    prevHash = entry.hash;
    expectedSeq = entry.seq + 1;
  }
  for (const head of publishedHeads) {
    const fault = headFault(head, bySeq, checkpoints, expectedSeq - 1);
    if (fault) report(head.seq, 'head_mismatch', fault);
  }
  problems.sort((a, b) => a.seq - b.seq);
  const first = problems[0];
  return first
    ? { ok: false, length: entries.length, brokenAt: first.seq, reason: first.reason, problems }
    : { ok: true, length: entries.length, problems };
}
