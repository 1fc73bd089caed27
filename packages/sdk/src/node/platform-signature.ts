/** Checking the platform's Ed25519 signatures (ledger roots, retention checkpoints) with Node's crypto. */
import { createPublicKey, verify } from 'node:crypto';
import { type ChainCheckpoint, checkpointMessage } from '../chain/checkpoint.js';
import { type LedgerRootStatement, ledgerRootMessage } from '../chain/ledger-root.js';

/**
 * True when `signature` (base64) is the platform's Ed25519 signature of `message` (UTF-8) under `publicKey`
 * (SPKI PEM, as `GET /v1/open/ledger-roots` gives it as `key.publicKey`).
 * @example verifyPlatformSignature(ledgerRootMessage(root), root.signature, page.key.publicKey)
 */
export function verifyPlatformSignature(message: string, signature: string, publicKey: string): boolean {
  try {
    return verify(null, Buffer.from(message, 'utf8'), createPublicKey(publicKey), Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

/**
 * True when a published root carries the platform's signature.
 * @example verifyLedgerRoot(page.items[0], page.key.publicKey)
 */
export function verifyLedgerRoot(
  root: LedgerRootStatement & { readonly signature: string },
  publicKey: string,
): boolean {
  return verifyPlatformSignature(ledgerRootMessage(root), root.signature, publicKey);
}

/**
 * True when a retention checkpoint carries the platform's signature.
 * @example exported.checkpoints.every((c) => verifyCheckpoint(c, page.key.publicKey))
 */
export function verifyCheckpoint(
  checkpoint: ChainCheckpoint & { readonly signature: string },
  publicKey: string,
): boolean {
  return verifyPlatformSignature(checkpointMessage(checkpoint), checkpoint.signature, publicKey);
}
