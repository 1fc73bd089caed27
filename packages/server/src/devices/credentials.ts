/**
 * Device secrets: 32 random bytes shown once at registration; only their sha256 is stored.
 * (A high-entropy secret needs no slow KDF, and MQTT connects must stay cheap.)
 */
import { randomBytes } from 'node:crypto';
import { nodeSha256Hex, sameSecret } from '../crypto/index.js';

export function newDeviceSecret(): string {
  return randomBytes(24).toString('base64url');
}

export function hashDeviceSecret(secret: string): string {
  return nodeSha256Hex(secret);
}

export function deviceSecretMatches(secret: string, storedHash: string): boolean {
  return sameSecret(Buffer.from(hashDeviceSecret(secret), 'hex'), Buffer.from(storedHash, 'hex'));
}
