/** The second version of a ledger record's hash: every stored column that carries meaning is inside it. */
import { canonicalJson } from './canonical-json.js';
import type { ChainEntry, Sha256Hex } from './hash-entry.js';
import { sha256Hex } from './sha256.js';

/** The hash version new records are written with; records without one (or with 1) use {@link hashLedgerEntry}. */
export const LEDGER_HASH_VERSION = 2;

/**
 * What a version 2 hash covers: the fields of version 1, plus the record's id, its venue-local day, the rules'
 * issues kept with it, the day it may be purged after and who wrote it.
 */
export interface ChainEntryV2 extends ChainEntry {
  readonly id: string;
  readonly localDay: string;
  /** The issues as stored (`[]` when none). */
  readonly issues: unknown;
  readonly retainUntil: string;
  readonly createdBy: string;
}

/**
 * sha256(canonicalJson({ v: 2, id, venueId, seq, prevHash, kind, body, createdAt, localDay, issues, retainUntil,
 * createdBy })).
 * @example hashLedgerEntryV2({ ...entry, id: 'led_1', localDay: '2024-06-13', issues: [], retainUntil: '2026-06-13', createdBy: 'usr_1' })
 */
export function hashLedgerEntryV2(entry: ChainEntryV2, sha256: Sha256Hex = sha256Hex): string {
  const { id, venueId, seq, prevHash, kind, body, createdAt, localDay, issues, retainUntil, createdBy } = entry;
  return sha256(
    canonicalJson({
      v: LEDGER_HASH_VERSION,
      id,
      venueId,
      seq,
      prevHash,
      kind,
      body,
      createdAt,
      localDay,
      issues,
      retainUntil,
      createdBy,
    }),
  );
}
