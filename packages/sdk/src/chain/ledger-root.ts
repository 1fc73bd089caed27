/** The platform's signed statement of a Merkle root over every venue's chain head. */
import { canonicalJson } from './canonical-json.js';

/**
 * A published root: `root` is the Merkle root of the `size` chain heads (leaves in venue-id order) at `computedAt`.
 * Roots are numbered from 1 and each names the one before (`prevRoot`), so holding one root pins every earlier one.
 */
export interface LedgerRootStatement {
  readonly seq: number;
  /** The UTC day it was computed for. */
  readonly day: string;
  readonly computedAt: string;
  readonly size: number;
  readonly root: string;
  /** The root of the one before (`null` for the first). */
  readonly prevRoot: string | null;
}

/**
 * The exact text the platform signs for a root (UTF-8, Ed25519): canonical JSON with a type tag.
 * @example verify(null, Buffer.from(ledgerRootMessage(root)), publicKey, Buffer.from(root.signature, 'base64'))
 */
export function ledgerRootMessage(statement: LedgerRootStatement): string {
  const { seq, day, computedAt, size, root, prevRoot } = statement;
  return canonicalJson({ type: 'bk-ledger-root/1', seq, day, computedAt, size, root, prevRoot });
}
