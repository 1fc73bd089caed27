/**
 * The two hashes of the ledger roots' Merkle tree, kept apart by a prefix (as RFC 6962 does) so a leaf can never
 * pass for an inner node: a leaf is SHA-256 of "\x00" + its data, a node SHA-256 of "\x01" + left + right (both
 * lowercase hex), all as UTF-8 text.
 */
import type { Sha256Hex } from './hash-entry.js';
import { sha256Hex } from './sha256.js';

/**
 * The hash of a leaf's data.
 * @example merkleLeafHash('{"hash":"…","seq":40,"venueId":"ven_1"}')
 */
export function merkleLeafHash(data: string, sha256: Sha256Hex = sha256Hex): string {
  return sha256(`\u0000${data}`);
}

/**
 * The hash of an inner node from its children's hashes.
 * @example merkleNodeHash(leftHex, rightHex)
 */
export function merkleNodeHash(left: string, right: string, sha256: Sha256Hex = sha256Hex): string {
  return sha256(`\u0001${left}${right}`);
}
