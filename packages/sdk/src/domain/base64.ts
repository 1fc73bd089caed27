/** Base64 without `atob` or `Buffer`; its own module, so the client's photo hashing does not pull in the schemas. */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const VALUES = new Map([...ALPHABET].map((c, i) => [c, i]));

/**
 * Decodes base64 without `atob` or `Buffer` (neither is in every runtime the SDK runs in).
 * @example base64ToBytes('iVBORw==') // Uint8Array [0x89, 0x50, 0x4e, 0x47]
 */
export function base64ToBytes(dataBase64: string): Uint8Array {
  const clean = dataBase64.replace(/=+$/, '');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let value = 0;
  let n = 0;
  for (const c of clean) {
    const d = VALUES.get(c);
    if (d === undefined) throw new TypeError('not base64');
    value = (value << 6) | d;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[n++] = (value >> bits) & 0xff;
    }
  }
  return out;
}
