import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  chainHeadLeafHash,
  merkleLeafHash,
  merkleNodeHash,
  merkleProof,
  merkleRoot,
  sha256Hex,
  verifyMerkleProof,
} from './index.js';

const nodeSha = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const leaves = (n: number) => Array.from({ length: n }, (_, i) => merkleLeafHash(`leaf ${i}`));

/** RFC 6962's MTH written out plainly, with array slices: the tree the SDK must build. */
function referenceRoot(hashes: readonly string[]): string {
  if (hashes.length === 0) return sha256Hex('');
  if (hashes.length === 1) return hashes[0]!;
  let k = 1;
  while (k * 2 < hashes.length) k *= 2;
  return merkleNodeHash(referenceRoot(hashes.slice(0, k)), referenceRoot(hashes.slice(k)));
}

describe('merkleRoot', () => {
  it('is the leaf for one, and splits at the largest power of two below the size', () => {
    const [a, b, c, d, e] = leaves(5) as [string, string, string, string, string];
    expect(merkleRoot([a])).toBe(a);
    expect(merkleRoot([a, b])).toBe(merkleNodeHash(a, b));
    expect(merkleRoot([a, b, c])).toBe(merkleNodeHash(merkleNodeHash(a, b), c));
    expect(merkleRoot([a, b, c, d, e])).toBe(
      merkleNodeHash(merkleNodeHash(merkleNodeHash(a, b), merkleNodeHash(c, d)), e),
    );
    expect(merkleRoot([])).toBe(sha256Hex(''));
  });

  it('matches the reference for any size, with the pure or an injected hash', () => {
    for (let n = 0; n <= 40; n++) {
      expect(merkleRoot(leaves(n))).toBe(referenceRoot(leaves(n)));
      expect(merkleRoot(leaves(n), nodeSha)).toBe(merkleRoot(leaves(n)));
    }
  });

  it('keeps leaves and nodes apart: a node’s hash is no leaf’s hash of the same text', () => {
    const [a, b] = leaves(2) as [string, string];
    expect(merkleLeafHash(`${a}${b}`)).not.toBe(merkleNodeHash(a, b));
  });
});

describe('merkleProof and verifyMerkleProof', () => {
  it('prove every leaf of trees of 1 to 40 leaves against their root', () => {
    for (let n = 1; n <= 40; n++) {
      const tree = leaves(n);
      const root = merkleRoot(tree);
      for (let i = 0; i < n; i++) {
        const proof = merkleProof(tree, i);
        expect(proof).toMatchObject({ index: i, size: n });
        expect(verifyMerkleProof(tree[i]!, proof, root)).toBe(true);
        expect(verifyMerkleProof(tree[i]!, proof, root, nodeSha)).toBe(true);
      }
    }
  });

  it('refuse another leaf, another place, a changed path and another root (the size is the signed root’s)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 64 }), fc.nat(), fc.nat(), (n, i0, j0) => {
        const tree = leaves(n);
        const root = merkleRoot(tree);
        const i = i0 % n;
        const j = j0 % n;
        const proof = merkleProof(tree, i);
        if (j !== i) {
          expect(verifyMerkleProof(tree[j]!, proof, root)).toBe(false);
          expect(verifyMerkleProof(tree[i]!, { ...proof, index: j }, root)).toBe(false);
        }
        expect(verifyMerkleProof(tree[i]!, { ...proof, index: n }, root)).toBe(false);
        const changed = [...proof.path];
        changed[0] = merkleLeafHash('forged');
        expect(verifyMerkleProof(tree[i]!, { ...proof, path: changed }, root)).toBe(false);
        expect(verifyMerkleProof(tree[i]!, { ...proof, path: proof.path.slice(1) }, root)).toBe(false);
        expect(verifyMerkleProof(tree[i]!, proof, merkleRoot(leaves(n + 1)))).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  it('refuses a leaf index outside the tree', () => {
    expect(() => merkleProof(leaves(3), 3)).toThrow(RangeError);
    expect(() => merkleProof([], 0)).toThrow(RangeError);
  });
});

describe('chainHeadLeafHash', () => {
  it('changes with the venue, the seq and the hash of the head', () => {
    const head = { venueId: 'ven_1', seq: 40, hash: 'a'.repeat(64) };
    const leaf = chainHeadLeafHash(head);
    expect(chainHeadLeafHash({ ...head })).toBe(leaf);
    expect(chainHeadLeafHash({ ...head, venueId: 'ven_2' })).not.toBe(leaf);
    expect(chainHeadLeafHash({ ...head, seq: 39 })).not.toBe(leaf);
    expect(chainHeadLeafHash({ ...head, hash: 'b'.repeat(64) })).not.toBe(leaf);
    expect(leaf).toBe(merkleLeafHash(`{"hash":"${'a'.repeat(64)}","seq":40,"venueId":"ven_1"}`));
  });
});
