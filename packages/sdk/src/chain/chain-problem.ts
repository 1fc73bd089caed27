/** What {@link verifyChain} reports of a record that does not hold. */

/**
 * Why a record does not hold: rows missing without a checkpoint (`seq_gap`), a wrong link (`prev_hash_mismatch`),
 * a hash that does not recompute (`hash_mismatch`), another venue's record (`venue_mismatch`), rows after a
 * checkpoint that do not continue from it (`checkpoint_mismatch`), a stored column that disagrees with what the
 * record determines (`column_mismatch`), or a head published in a signed root that the chain no longer holds
 * (`head_mismatch`).
 */
export const CHAIN_BREAKS = [
  'seq_gap',
  'prev_hash_mismatch',
  'hash_mismatch',
  'venue_mismatch',
  'checkpoint_mismatch',
  'column_mismatch',
  'head_mismatch',
] as const;

/** One of {@link CHAIN_BREAKS}. */
export type ChainBreak = (typeof CHAIN_BREAKS)[number];

/** A record that does not hold, and why. */
export interface ChainProblem {
  /** The record's seq (for rows missing: the first record after them). */
  readonly seq: number;
  readonly reason: ChainBreak;
  /** For `column_mismatch`: the entry's field (`localDay`, `retainUntil`, `issues`, `kind`). */
  readonly column?: string;
  /** What was found against what was expected, in English. */
  readonly detail?: string;
}

/** A stored column that disagrees with what the record determines. */
export interface ColumnProblem {
  readonly column: string;
  readonly detail: string;
}
