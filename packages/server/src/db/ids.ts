import { randomBytes, randomUUID } from 'node:crypto';

/** A new opaque id, prefixed by its kind for readable logs (`ven_…`, `usr_…`). */
export function newId(prefix: string): string {
  return `${prefix}_${randomUUID().replaceAll('-', '')}`;
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
