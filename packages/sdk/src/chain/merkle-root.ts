/** The root of a Merkle tree over leaf hashes, shaped as RFC 6962's (no duplicated last leaf). */
import type { Sha256Hex } from './hash-entry.js';
import { merkleNodeHash } from './merkle-hash.js';
import { sha256Hex } from './sha256.js';

/** Where a tree of `size` > 1 leaves splits: the largest power of two below `size`. */
export function merkleSplit(size: number): number {
  let k = 1;
  while (k * 2 < size) k *= 2;
  return k;
}

/** The root of leaves `start`…`end - 1` (at least one). */
export function subtreeRoot(leaves: readonly string[], start: number, end: number, sha256: Sha256Hex): string {
  if (end - start === 1) return leaves[start]!;
  const k = merkleSplit(end - start);
  return merkleNodeHash(
    subtreeRoot(leaves, start, start + k, sha256),
    subtreeRoot(leaves, start + k, end, sha256),
    sha256,
  );
}

/**
 * The Merkle root of leaf hashes (each from {@link merkleLeafHash}), in their order; SHA-256 of nothing for none.
 * @example merkleRoot(heads.map((head) => chainHeadLeafHash(head)))
 */
export function merkleRoot(leafHashes: readonly string[], sha256: Sha256Hex = sha256Hex): string {
  if (leafHashes.length === 0) return sha256('');
  return subtreeRoot(leafHashes, 0, leafHashes.length, sha256);
}
