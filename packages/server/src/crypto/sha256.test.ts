import { hmacSha256Hex, sha256Hex } from '@brightkitchen/sdk';
import { describe, expect, it } from 'vitest';
import { sameSecret } from './same-secret.js';
import { nodeHmacSha256Hex, nodeSha256Hex } from './sha256.js';

// ASCII, Chinese, an emoji (surrogate pair), lone surrogates (hashed as U+FFFD by both), canonical JSON.
const TEXTS = ['', 'abc', '明厨亮灶 晨检', '🍚', 'a\ud800b', '\udc00', '{"kind":"morning_check","temperatureC":36.5}'];

describe('node hashing', () => {
  it.each(TEXTS)('hashes %j exactly as the SDK does', (text) => {
    expect(nodeSha256Hex(text)).toBe(sha256Hex(text));
    expect(nodeHmacSha256Hex('s3cret 密钥', text)).toBe(hmacSha256Hex('s3cret 密钥', text));
  });

  it('hashes bytes exactly as the SDK does', () => {
    const bytes = Uint8Array.from({ length: 300 }, (_, i) => (i * 7) % 256);
    expect(nodeSha256Hex(bytes)).toBe(sha256Hex(bytes));
    expect(nodeSha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('compares secrets whatever their lengths', () => {
    expect(sameSecret('abc', 'abc')).toBe(true);
    expect(sameSecret('abc', 'abd')).toBe(false);
    expect(sameSecret('abc', 'abcd')).toBe(false);
    expect(sameSecret(Buffer.from('晨检'), '晨检')).toBe(true);
  });
});
