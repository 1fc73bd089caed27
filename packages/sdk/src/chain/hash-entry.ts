/** The hash of one ledger record in its venue's chain. */
import { canonicalJson } from './canonical-json.js';
import { sha256Hex } from './sha256.js';

/** A function from text to its SHA-256 as lowercase hex (inject Node's crypto for speed). */
export type Sha256Hex = (text: string) => string;

/** The `prevHash` of a venue's first record. */
export const GENESIS_HASH = '0'.repeat(64);

/** What the hash covers. `seq` starts at 1 per venue; `createdAt` is the server's ISO instant. */
export interface ChainEntry {
  readonly venueId: string;
  readonly seq: number;
  readonly prevHash: string;
  readonly kind: string;
  readonly body: unknown;
  readonly createdAt: string;
}

/**
 * sha256(canonicalJson({ venueId, seq, prevHash, kind, body, createdAt })).
 * @example hashLedgerEntry({ venueId: 'v1', seq: 1, prevHash: GENESIS_HASH, kind: 'morning_check', body, createdAt })
 */
export function hashLedgerEntry(entry: ChainEntry, sha256: Sha256Hex = sha256Hex): string {
  const { venueId, seq, prevHash, kind, body, createdAt } = entry;
  return sha256(canonicalJson({ venueId, seq, prevHash, kind, body, createdAt }));
}
