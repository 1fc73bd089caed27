/** Checking an inclusion proof against a root, with nothing but the leaf, the proof and the root. */
import type { Sha256Hex } from './hash-entry.js';
import { merkleNodeHash } from './merkle-hash.js';
import type { MerkleProof } from './merkle-proof.js';
import { sha256Hex } from './sha256.js';

/**
 * True when `leafHash` at `proof.index` of a tree of `proof.size` leaves has the root `root` (RFC 9162 §2.1.3.2).
 * The size is not bound by the root alone: check `proof.size` against the signed root's `size` as well.
 * @example verifyMerkleProof(chainHeadLeafHash(answer.leaf), answer.proof, publishedRoot.root) // true
 */
export function verifyMerkleProof(
  leafHash: string,
  proof: MerkleProof,
  root: string,
  sha256: Sha256Hex = sha256Hex,
): boolean {
  const { index, size, path } = proof;
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(size) || index < 0 || index >= size) return false;
  let fn = index;
  let sn = size - 1;
  let hash = leafHash;
  for (const sibling of path) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      hash = merkleNodeHash(sibling, hash, sha256);
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else {
      hash = merkleNodeHash(hash, sibling, sha256);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && hash === root;
}
