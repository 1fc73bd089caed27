/**
 * Retention checkpoints: what a purge signs for the records it removed (the SDK's `ChainCheckpoint`), read back
 * with their signatures checked against the platform key.
 */
import { type ChainCheckpoint, checkpointMessage, type SignedChainCheckpoint } from '@brightkitchen/sdk';
import type { PlatformSigner } from '../crypto/index.js';
import type { Database, LedgerCheckpointsTable } from '../db/index.js';

function checkpointOf(row: LedgerCheckpointsTable): SignedChainCheckpoint {
  return {
    venueId: row.venue_id,
    fromSeq: Number(row.from_seq),
    seq: Number(row.seq),
    hash: row.hash,
    purgedAt: row.purged_at,
    signature: row.signature,
  };
}

/** The row of a new checkpoint, signed. */
export function signedCheckpointRow(signer: PlatformSigner, checkpoint: ChainCheckpoint): LedgerCheckpointsTable {
  return {
    venue_id: checkpoint.venueId,
    from_seq: checkpoint.fromSeq,
    seq: checkpoint.seq,
    hash: checkpoint.hash,
    purged_at: checkpoint.purgedAt,
    signature: signer.sign(checkpointMessage(checkpoint)),
  };
}

export interface VenueCheckpoints {
  /** Checkpoints whose signature checks, in seq order. */
  readonly valid: SignedChainCheckpoint[];
  /** Checkpoints whose signature does not: written (or changed) by someone without the platform key. */
  readonly forged: SignedChainCheckpoint[];
}

export async function venueCheckpoints(
  { db }: Database,
  signer: PlatformSigner,
  venueId: string,
): Promise<VenueCheckpoints> {
  const rows = await db
    .selectFrom('ledger_checkpoints')
    .selectAll()
    .where('venue_id', '=', venueId)
    .orderBy('seq', 'asc')
    .execute();
  const valid: SignedChainCheckpoint[] = [];
  const forged: SignedChainCheckpoint[] = [];
  for (const row of rows) {
    const checkpoint = checkpointOf(row);
    (checkpoint.venueId === venueId && signer.verify(checkpointMessage(checkpoint), checkpoint.signature)
      ? valid
      : forged
    ).push(checkpoint);
  }
  return { valid, forged };
}
