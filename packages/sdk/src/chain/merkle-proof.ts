/** The inclusion proof of one leaf in a Merkle tree (RFC 6962's audit path). */
import type { Sha256Hex } from './hash-entry.js';
import { merkleSplit, subtreeRoot } from './merkle-root.js';
import { sha256Hex } from './sha256.js';

/** Where a leaf sits in a tree of `size` leaves, and the sibling hashes from the leaf up to the root. */
export interface MerkleProof {
  readonly index: number;
  readonly size: number;
  readonly path: readonly string[];
}

/**
 * The proof that leaf `index` is in the tree of `leafHashes`; check it with {@link verifyMerkleProof}.
 * @example merkleProof(leafHashes, 2) // { index: 2, size: 5, path: [...] }
 */
export function merkleProof(leafHashes: readonly string[], index: number, sha256: Sha256Hex = sha256Hex): MerkleProof {
  if (!Number.isInteger(index) || index < 0 || index >= leafHashes.length) {
    throw new RangeError(`no leaf ${index} in a tree of ${leafHashes.length}`);
  }
  const fromRoot: string[] = [];
  let start = 0;
  let end = leafHashes.length;
  while (end - start > 1) {
    const middle = start + merkleSplit(end - start);
    if (index < middle) {
      fromRoot.push(subtreeRoot(leafHashes, middle, end, sha256));
      end = middle;
    } else {
      fromRoot.push(subtreeRoot(leafHashes, start, middle, sha256));
      start = middle;
    }
  }
  return { index, size: leafHashes.length, path: fromRoot.reverse() };
}
