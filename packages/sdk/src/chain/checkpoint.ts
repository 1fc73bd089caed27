/** What a retention purge leaves behind: a signed statement of the records it removed. */
import { canonicalJson } from './canonical-json.js';

/**
 * A retention purge's checkpoint: records `fromSeq`…`seq` of the venue's chain were removed after their retention
 * day, and `hash` was the hash of record `seq`. The chain's remaining records continue from it. Signed by the
 * platform (Ed25519 over {@link checkpointMessage}), so rows removed without one are told from a purge.
 */
export interface ChainCheckpoint {
  readonly venueId: string;
  /** The first record this purge removed. */
  readonly fromSeq: number;
  /** The last record it removed. */
  readonly seq: number;
  /** The hash of record `seq`: the `prevHash` of the record after it. */
  readonly hash: string;
  /** When the purge ran (ISO instant). */
  readonly purgedAt: string;
}

/**
 * The exact text the platform signs for a checkpoint (UTF-8): canonical JSON with a type tag, so a checkpoint's
 * signature can never pass for a root's.
 * @example checkpointMessage({ venueId: 'ven_1', fromSeq: 1, seq: 40, hash, purgedAt: '2026-06-14T02:00:00.000Z' })
 */
export function checkpointMessage(checkpoint: ChainCheckpoint): string {
  const { venueId, fromSeq, seq, hash, purgedAt } = checkpoint;
  return canonicalJson({ type: 'bk-ledger-checkpoint/1', venueId, fromSeq, seq, hash, purgedAt });
}
