/** Whether a stored root still is what the platform published: its signature, and its leaves recompute to it. */
import { type ChainHead, chainHeadLeafHash, ledgerRootMessage, merkleRoot } from '@brightkitchen/sdk';
import { nodeSha256Hex, type PlatformSigner } from '../crypto/index.js';
import type { LedgerRootsTable } from '../db/index.js';
import { toLedgerRoot } from './store.js';

/** Why a stored root no longer holds, or `undefined` when it does. */
export function rootFault(
  signer: PlatformSigner,
  row: LedgerRootsTable,
  leaves: readonly ChainHead[],
): string | undefined {
  if (row.key_id !== signer.keyId) return `root ${row.seq} was signed with another key than the platform's`;
  const root = toLedgerRoot(row);
  if (!signer.verify(ledgerRootMessage(root), root.signature)) return `root ${row.seq}'s signature does not check`;
  const leafHashes = leaves.map((head) => chainHeadLeafHash(head, nodeSha256Hex));
  if (leaves.length !== root.size || merkleRoot(leafHashes, nodeSha256Hex) !== root.root) {
    return `root ${row.seq}'s stored heads no longer recompute to it`;
  }
  return undefined;
}
