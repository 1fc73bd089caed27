import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, GENESIS_HASH, hashLedgerEntry, sha256Hex, verifyChain } from './index.js';

const nodeSha = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe('sha256Hex', () => {
  it('matches Node crypto on any text, Chinese and emoji included', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('明厨亮灶 🍜')).toBe(nodeSha('明厨亮灶 🍜'));
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (s) => sha256Hex(s) === nodeSha(s)));
  });
  it('matches Node crypto across block boundaries', () => {
    for (const n of [55, 56, 63, 64, 65, 119, 120, 1000]) expect(sha256Hex('a'.repeat(n))).toBe(nodeSha('a'.repeat(n)));
  });
});

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: undefined }], c: '温度' } })).toBe(
      '{"a":{"c":"温度","d":[2,{"z":1}]},"b":1}',
    );
  });
  it('gives the same text whatever the key order', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (obj) => {
        const reversed = Object.fromEntries(Object.entries(obj).reverse());
        return canonicalJson(obj) === canonicalJson(reversed);
      }),
    );
  });
});

/** The first, plain implementation: the loop-based one must write exactly the same text. */
function referenceCanonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    const text = JSON.stringify(value);
    return text === undefined ? 'null' : text;
  }
  if (Array.isArray(value)) {
    return `[${value.map((item) => (item === undefined ? 'null' : referenceCanonicalJson(item))).join(',')}]`;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((key) => record[key] !== undefined && typeof record[key] !== 'function')
    .sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${referenceCanonicalJson(record[key])}`).join(',')}}`;
}

describe('canonicalJson against its reference', () => {
  it('writes the same text for any value, sparse arrays and undefined included', () => {
    const sparse: unknown[] = [1, undefined];
    sparse[3] = 3; // index 2 is a hole
    expect(canonicalJson(sparse)).toBe(referenceCanonicalJson(sparse));
    fc.assert(
      fc.property(fc.anything({ withSparseArray: true, withNullPrototype: true }), (v) => {
        expect(canonicalJson(v)).toBe(referenceCanonicalJson(v));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('hashLedgerEntry', () => {
  it('gives the same hash with the pure sha256 and with an injected Node crypto', () => {
    fc.assert(
      fc.property(
        fc.record({
          venueId: fc.string(),
          seq: fc.nat(),
          prevHash: fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 64, maxLength: 64 }),
          kind: fc.string(),
          body: fc.jsonValue(),
          createdAt: fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
        }),
        (entry) => {
          expect(hashLedgerEntry(entry, nodeSha)).toBe(hashLedgerEntry(entry));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('verifyChain', () => {
  function chain(n: number) {
    const out = [];
    let prevHash = GENESIS_HASH;
    for (let seq = 1; seq <= n; seq++) {
      const entry = {
        venueId: 'v1',
        seq,
        prevHash,
        kind: 'morning_check',
        body: { t: seq },
        createdAt: `2024-05-0${seq}T00:00:00.000Z`,
      };
      const hash = hashLedgerEntry(entry);
      out.push({
        venueId: entry.venueId,
        seq,
        prevHash,
        kind: entry.kind,
        record: entry.body,
        createdAt: entry.createdAt,
        hash,
      });
      prevHash = hash;
    }
    return out;
  }

  it('accepts an intact chain, with the pure or an injected hash', () => {
    expect(verifyChain(chain(5))).toEqual({ ok: true, length: 5, problems: [] });
    expect(verifyChain(chain(5), { sha256: nodeSha }).ok).toBe(true);
  });

  it('verifies what remains after a purged prefix only from its anchor', () => {
    const rest = chain(5).slice(2);
    expect(verifyChain(rest).ok).toBe(false);
    expect(verifyChain(rest, { anchor: { seq: 3, prevHash: rest[0]!.prevHash } })).toEqual({
      ok: true,
      length: 3,
      problems: [],
    });
  });

  it('finds an edited body, a removed record and a re-hashed record', () => {
    const edited = chain(5);
    edited[2] = { ...edited[2]!, record: { t: 99 } };
    expect(verifyChain(edited)).toMatchObject({ ok: false, brokenAt: 3, reason: 'hash_mismatch' });

    const removed = chain(5);
    removed.splice(1, 1);
    expect(verifyChain(removed)).toMatchObject({ ok: false, brokenAt: 3, reason: 'seq_gap' });

    const rehashed = chain(5);
    const forged = { ...rehashed[1]!, record: { t: 42 } };
    rehashed[1] = { ...forged, hash: hashLedgerEntry({ ...forged, body: forged.record }) };
    expect(verifyChain(rehashed)).toMatchObject({ ok: false, brokenAt: 3, reason: 'prev_hash_mismatch' });
  });
});
