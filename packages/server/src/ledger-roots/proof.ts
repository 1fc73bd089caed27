/** A venue's head in a published root and the proof that it is one of the root's leaves. */
import { chainHeadLeafHash, type LedgerRootProof, merkleProof } from '@brightkitchen/sdk';
import { nodeSha256Hex, type PlatformSigner } from '../crypto/index.js';
import type { Database } from '../db/index.js';
import { platformKey } from './platform-key.js';
import { rootLeaves, rootRow, toLedgerRoot } from './store.js';

/** `undefined`: no such root, or the venue had no record when it was computed. */
export async function rootProof(
  database: Database,
  signer: PlatformSigner,
  rootSeq: number | 'latest',
  venueId: string,
): Promise<LedgerRootProof | undefined> {
  const row = await rootRow(database, rootSeq);
  if (!row) return undefined;
  const leaves = await rootLeaves(database, Number(row.seq));
  const index = leaves.findIndex((head) => head.venueId === venueId);
  const leaf = leaves[index];
  if (!leaf) return undefined;
  const leafHashes = leaves.map((head) => chainHeadLeafHash(head, nodeSha256Hex));
  const { size, path } = merkleProof(leafHashes, index, nodeSha256Hex);
  return {
    key: platformKey(signer),
    root: toLedgerRoot(row),
    leaf,
    leafHash: leafHashes[index]!,
    proof: { index, size, path: [...path] },
  };
}
