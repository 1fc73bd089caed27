/** A venue's chain head: what the platform's daily root anchors of each venue. */
import { canonicalJson } from './canonical-json.js';
import type { Sha256Hex } from './hash-entry.js';
import { merkleLeafHash } from './merkle-hash.js';
import { sha256Hex } from './sha256.js';

/** The last record of a venue's chain when a root was computed: its seq and hash. */
export interface ChainHead {
  readonly venueId: string;
  readonly seq: number;
  readonly hash: string;
}

/**
 * The head's leaf in a root's Merkle tree: merkleLeafHash(canonicalJson({ venueId, seq, hash })).
 * @example chainHeadLeafHash({ venueId: 'ven_1', seq: 40, hash })
 */
export function chainHeadLeafHash(head: ChainHead, sha256: Sha256Hex = sha256Hex): string {
  const { venueId, seq, hash } = head;
  return merkleLeafHash(canonicalJson({ venueId, seq, hash }), sha256);
}
