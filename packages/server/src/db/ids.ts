import { randomBytes } from 'node:crypto';

/**
 * A new opaque id, prefixed by its kind for readable logs (`ven_…`, `usr_…`). Time-ordered (milliseconds
 * first, then 80 random bits) so inserts land at the end of the primary-key index instead of all over it.
 */
export function newId(prefix: string): string {
  return `${prefix}_${Date.now().toString(36).padStart(9, '0')}${randomBytes(10).toString('hex')}`;
}

/** A short public code for QR stickers: 10 characters without look-alikes (0/O, 1/I/L). */
export function newPublicCode(): string {
  const alphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
  const bytes = randomBytes(10);
  let out = '';
  for (const b of bytes) out += alphabet[b % alphabet.length];
  return out;
}

/** The current instant as ISO 8601 UTC (sortable text). */
export function nowIso(): string {
  return new Date().toISOString();
}
