/**
 * A venue's heads as published roots anchored them, for its chain verification. The latest root holding the venue
 * is checked whole (signature, leaves recomputing to it): a head rewritten together with the stored leaves would
 * otherwise pass. A rewrite of every root is what the public copies held by others catch.
 */
import type { ChainHead, ChainProblem } from '@brightkitchen/sdk';
import type { PlatformSigner } from '../crypto/index.js';
import type { Database } from '../db/index.js';
import { rootFault } from './root-check.js';
import { rootLeaves, rootRow, venueLeaves } from './store.js';

export interface PublishedHeads {
  readonly heads: readonly ChainHead[];
  /** A stored root that no longer holds, reported at the venue's head in it. */
  readonly problems: readonly ChainProblem[];
}

export async function publishedHeadsOf(
  database: Database,
  signer: PlatformSigner,
  venueId: string,
): Promise<PublishedHeads> {
  const leaves = await venueLeaves(database, venueId);
  const latest = leaves[leaves.length - 1];
  if (!latest) return { heads: [], problems: [] };
  const problems: ChainProblem[] = [];
  const row = await rootRow(database, latest.rootSeq);
  const fault = row
    ? rootFault(signer, row, await rootLeaves(database, latest.rootSeq))
    : `root ${latest.rootSeq} is gone, its heads are not`;
  if (fault) problems.push({ seq: latest.seq, reason: 'head_mismatch', detail: fault });
  const seen = new Set<string>();
  const heads: ChainHead[] = [];
  for (const { seq, hash } of leaves) {
    const key = `${seq}:${hash}`;
    if (seen.has(key)) continue;
    seen.add(key);
    heads.push({ venueId, seq, hash });
  }
  return { heads, problems };
}
