import { describe, expect, it } from 'vitest';
import { decodeByHand, decodeUtf8, encodeByHand, encodeUtf8 } from './utf8.js';

const TEXTS = ['', 'abc', '晨检 8/8 人合格', '😀 🍚', 'a\ud800b', '\udc00z', '\ud83d'];

describe('UTF-8', () => {
  it.each(TEXTS)('encodes %j as the host does, with or without TextEncoder', (text) => {
    expect([...encodeUtf8(text)]).toEqual([...Buffer.from(text, 'utf8')]);
    expect([...encodeByHand(text)]).toEqual([...encodeUtf8(text)]);
  });

  it('round-trips text, 4-byte characters included', () => {
    for (const text of TEXTS.slice(0, 4)) {
      expect(decodeUtf8(encodeUtf8(text))).toBe(text);
      expect(decodeByHand(encodeByHand(text))).toBe(text);
    }
  });

  it('refuses bytes that are not UTF-8, on both paths', () => {
    const bad = [
      [0xc3, 0x28], // a broken continuation
      [0xc0, 0xaf], // an overlong '/'
      [0xed, 0xa0, 0x80], // an encoded surrogate
      [0xe5, 0x8e], // cut short
      [0xff],
    ];
    for (const bytes of bad) {
      expect(decodeUtf8(Uint8Array.from(bytes))).toBeUndefined();
      expect(decodeByHand(Uint8Array.from(bytes))).toBeUndefined();
    }
  });
});
