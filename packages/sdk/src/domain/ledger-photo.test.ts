import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sha256HexOfBytes } from '../chain/sha256.js';
import { ledgerPhotoRef } from '../client/resources/ledgers.js';
import { base64ToBytes, LEDGER_PHOTO_REF, LedgerPhotoUploadSchema } from './ledger-photo.js';
import { parse } from './parse.js';

describe('ledger photos', () => {
  it('decodes base64 exactly as Node does, for every length', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const text = Buffer.from(bytes).toString('base64');
        expect(Buffer.from(base64ToBytes(text))).toEqual(Buffer.from(bytes));
      }),
    );
  });

  it('refers to a photo by the SHA-256 of its bytes', () => {
    const bytes = Buffer.from('ffd8ffe000104a464946', 'hex');
    const ref = ledgerPhotoRef(bytes.toString('base64'));
    expect(ref).toMatch(LEDGER_PHOTO_REF);
    expect(ref).toBe(`sha256:${sha256HexOfBytes(bytes)}`);
  });

  it('refuses a photo over 512 KiB and text that is not base64', () => {
    const big = Buffer.alloc(512 * 1024 + 3).toString('base64');
    const tooBig = parse(LedgerPhotoUploadSchema, { contentType: 'image/jpeg', dataBase64: big });
    expect(tooBig.ok).toBe(false);
    const garbage = parse(LedgerPhotoUploadSchema, { contentType: 'image/jpeg', dataBase64: 'not base64!' });
    expect(garbage.ok).toBe(false);
    expect(() => base64ToBytes('a*b=')).toThrow(TypeError);
  });
});
