import { timingSafeEqual } from 'node:crypto';

/** Compares a given secret (password, signature, token) with the expected one in constant time. */
export function sameSecret(given: string | Uint8Array, expected: string | Uint8Array): boolean {
  const a = typeof given === 'string' ? Buffer.from(given, 'utf8') : given;
  const b = typeof expected === 'string' ? Buffer.from(expected, 'utf8') : expected;
  return a.length === b.length && timingSafeEqual(a, b);
}
