/** A source of uniform numbers in [0, 1): `Math.random` by default, injectable for deterministic tests. */
export type Random = () => number;

/** A UUID v4 built from `random`. */
export function randomUuid(random: Random): string {
  let hex = '';
  for (let i = 0; i < 32; i++) {
    let nibble = Math.floor(random() * 16) & 0xf;
    if (i === 12) nibble = 4;
    if (i === 16) nibble = (nibble & 0x3) | 0x8;
    hex += nibble.toString(16);
  }
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

interface HostCrypto {
  randomUUID?: () => string;
}

/**
 * A new idempotency key: the host's `crypto.randomUUID` where it exists (Node, browsers), else a UUID v4
 * from `Math.random` (mini-programs). Never the injected jitter source: a fixed `random` in a test
 * must not make every key the same.
 */
export function newIdempotencyKey(): string {
  const host = (globalThis as { crypto?: HostCrypto }).crypto;
  return typeof host?.randomUUID === 'function' ? host.randomUUID() : randomUuid(Math.random);
}
