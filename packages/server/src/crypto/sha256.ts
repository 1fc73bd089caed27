/**
 * SHA-256 and HMAC-SHA256 through `node:crypto`: the server's one way to hash. They answer the same
 * lowercase hex as the SDK's pure `sha256Hex` / `hmacSha256Hex` (tested, text as UTF-8 with lone
 * surrogates as U+FFFD), many times faster — the ledger chain and request fingerprints use them.
 */
import { createHash, createHmac } from 'node:crypto';

/** SHA-256 of bytes, or of a string's UTF-8 bytes, as lowercase hex. */
export function nodeSha256Hex(input: string | Uint8Array): string {
  return createHash('sha256').update(input).digest('hex');
}

/** HMAC-SHA256 of `message` under `key` (text as UTF-8), as lowercase hex. */
export function nodeHmacSha256Hex(key: string | Uint8Array, message: string | Uint8Array): string {
  return createHmac('sha256', key).update(message).digest('hex');
}

/** HMAC-SHA256 of `message` under `key`, as bytes (for signatures that chain keys, such as Tencent Cloud's TC3). */
export function nodeHmacSha256(key: string | Uint8Array, message: string | Uint8Array): Buffer {
  return createHmac('sha256', key).update(message).digest();
}
