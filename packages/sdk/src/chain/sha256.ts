/**
 * SHA-256 and HMAC-SHA256 as lowercase hex, from `@noble/hashes` (audited, pure JS: runs in Node, browsers and
 * a WeChat mini-program alike). Text is hashed as its UTF-8 bytes (the SDK's `encodeUtf8`, which works without
 * the `TextEncoder` older mini-program base libraries lack).
 */
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { encodeUtf8 } from '../utf8.js';

/**
 * The UTF-8 bytes of a string (lone surrogates become U+FFFD, as `TextEncoder` does).
 * @deprecated Use {@link encodeUtf8}, the SDK's one UTF-8 encoder.
 * @example utf8Bytes('厨') // Uint8Array [0xe5, 0x8e, 0xa8]
 */
export const utf8Bytes: (text: string) => Uint8Array = encodeUtf8;

const bytesOf = (input: string | Uint8Array): Uint8Array => (typeof input === 'string' ? encodeUtf8(input) : input);

/**
 * SHA-256 of bytes, or of a string's UTF-8 bytes, as lowercase hex: the hash of the ledger chain and of
 * photo references, and the one helper the server and partners can share.
 * @example sha256Hex('') // 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'
 */
export function sha256Hex(input: string | Uint8Array): string {
  return bytesToHex(sha256(bytesOf(input)));
}

/**
 * SHA-256 of bytes as lowercase hex.
 * @deprecated Use {@link sha256Hex}, which takes bytes as well as text.
 */
export function sha256HexOfBytes(bytes: Uint8Array): string {
  return sha256Hex(bytes);
}

/**
 * HMAC-SHA256 of `message` under `key` (text as UTF-8), as lowercase hex: what partner requests are signed with.
 * @example hmacSha256Hex('s3cret', 'GET\n/v1/open/grades\n1700000000000\n' + sha256Hex(''))
 */
export function hmacSha256Hex(key: string | Uint8Array, message: string | Uint8Array): string {
  return bytesToHex(hmac(sha256, bytesOf(key), bytesOf(message)));
}
