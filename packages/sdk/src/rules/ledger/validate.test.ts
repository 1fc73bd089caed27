import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isFieldIssueCode } from '../../contract/errors-fields.js';
import { LEDGER_KINDS } from '../../domain/enums.js';
import { RULE_CODES } from '../codes.js';
import { NATIONAL_PROFILE } from '../profile.js';
import { check, codes, NOW, purchase, sample, VALID_RECORDS } from './__tests__/fixtures.js';
import { type LedgerValidationResult, validateLedger } from './validate.js';

/** Every result must be internally consistent, whatever the input. */
function expectConsistent(result: LedgerValidationResult): void {
  expect(result.ok).toBe(!result.issues.some((issue) => issue.severity === 'error'));
  for (const issue of result.issues) {
    // A shape problem (FIELD_*) refuses the record; a rule's finding has the rule's severity.
    const severity = isFieldIssueCode(issue.code) ? 'error' : RULE_CODES[issue.code]?.severity;
    expect(severity).toBeDefined();
    expect(issue.severity).toBe(severity);
    expect(typeof issue.path).toBe('string');
    expect(issue.message.zh.length).toBeGreaterThan(0);
    expect(issue.message.en.length).toBeGreaterThan(0);
    // Every placeholder of the template was filled.
    expect(issue.message.zh).not.toMatch(/\{\w+\}/);
    expect(issue.message.en).not.toMatch(/\{\w+\}/);
  }
}

/** Records of a known kind whose fields are replaced, dropped or added at random. */
const mutatedRecord = fc
  .tuple(
    fc.constantFrom(...VALID_RECORDS),
    fc.dictionary(fc.string({ maxLength: 24 }), fc.anything(), { maxKeys: 4 }),
    fc.array(fc.string({ maxLength: 24 }), { maxLength: 3 }),
  )
  .map(([record, extra, drop]) => {
    const out: Record<string, unknown> = { ...record, ...extra, kind: record.kind };
    for (const key of drop) delete out[key];
    return out;
  });

/** Valid records with their numbers moved around the limits. */
const nudgedRecord = fc
  .tuple(fc.constantFrom(...VALID_RECORDS), fc.double({ min: -1000, max: 1000, noNaN: true }))
  .map(([record, delta]) => {
    const out: Record<string, unknown> = { ...record };
    for (const [key, value] of Object.entries(out)) if (typeof value === 'number') out[key] = value + delta;
    return out;
  });

describe('validateLedger', () => {
  it('accepts a valid record of every kind and returns it typed', () => {
    for (const record of VALID_RECORDS) {
      const result = check(record);
      expect(result, record.kind).toMatchObject({ ok: true, issues: [] });
      expect(result.record?.kind).toBe(record.kind);
    }
  });

  it('drops unknown fields from the returned record', () => {
    expect(check({ ...sample, hacked: true }).record).not.toHaveProperty('hacked');
  });

  it('answers LEDGER_KIND_UNKNOWN for a missing or unknown kind', () => {
    for (const kind of [undefined, 'breakfast_party', 42, null, { toString: 'x' }]) {
      const result = check({ kind });
      expect(result.ok).toBe(false);
      expect(result.issues).toEqual([expect.objectContaining({ code: 'LEDGER_KIND_UNKNOWN', path: 'kind' })]);
    }
  });

  it('answers FIELD_TYPE for input that is no object (FIELD_REQUIRED for none at all)', () => {
    for (const input of ['morning_check', 3, [], [sample], true]) {
      expect(check(input).issues).toEqual([
        expect.objectContaining({ code: 'FIELD_TYPE', path: '', severity: 'error' }),
      ]);
    }
    for (const input of [null, undefined]) {
      expect(check(input).issues).toEqual([expect.objectContaining({ code: 'FIELD_REQUIRED', path: '' })]);
    }
  });

  it('reports every broken field at once, each once', () => {
    const result = check({
      ...sample,
      dishName: 7,
      weightGrams: '125',
      sampledAt: '13 June',
      sealedSeparately: undefined,
    });
    expect(result.issues.map((i) => [i.code, i.path])).toEqual([
      ['FIELD_TYPE', 'dishName'],
      ['FIELD_TYPE', 'weightGrams'],
      ['FIELD_FORMAT', 'sampledAt'],
      ['FIELD_REQUIRED', 'sealedSeparately'],
    ]);
    // The same issue `parse` gives for the record's schema, the field named by its label.
    expect(result.issues[3]).toEqual({
      code: 'FIELD_REQUIRED',
      path: 'sealedSeparately',
      severity: 'error',
      message: { zh: '缺少分别密封', en: 'Sealed separately is required' },
    });
    expect(result.record).toBeUndefined();
  });

  it('never throws on hostile input and says what went wrong', () => {
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error('boom');
        },
      },
    );
    const result = validateLedger(hostile);
    expect(result.ok).toBe(false);
    expect(codes(result)).toEqual(['LEDGER_INTERNAL_ERROR']);
    expect(codes(validateLedger(sample, { timeZone: 'Mars/Olympus_Mons', now: NOW }))).toEqual([
      'LEDGER_INTERNAL_ERROR',
    ]);
    expect(codes(validateLedger(sample, { now: 'yesterday' }))).toEqual(['LEDGER_INTERNAL_ERROR']);
  });

  it('never throws and stays consistent on arbitrary values', () => {
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: true, withBigInt: true, withMap: true, withSet: true }), (input) => {
        expectConsistent(validateLedger(input, { now: NOW }));
      }),
      { numRuns: 500 },
    );
  });

  it('never throws and stays consistent on mutated records of every kind', () => {
    fc.assert(
      fc.property(
        fc.oneof(mutatedRecord, nudgedRecord),
        fc.constantFrom(undefined, 'school_canteen', 'restaurant' as const),
        fc.constantFrom('Asia/Shanghai', 'UTC', 'America/New_York'),
        (input, venueKind, timeZone) => {
          expectConsistent(validateLedger(input, { now: NOW, timeZone, ...(venueKind ? { venueKind } : {}) }));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('knows every ledger kind', () => {
    expect(VALID_RECORDS.map((r) => r.kind).sort()).toEqual([...LEDGER_KINDS].sort());
  });

  it('defaults to the national profile, Asia/Shanghai and the current time', () => {
    const farFuture = { ...purchase, purchaseDate: '2999-01-01', productionDate: '2998-12-31' };
    expect(codes(validateLedger(farFuture, { profile: NATIONAL_PROFILE }))).toContain('LEDGER_TIME_IN_FUTURE');
    expect(codes(validateLedger({ ...sample, weightGrams: 124 }))).toEqual(['LEDGER_SAMPLE_UNDERWEIGHT']);
  });
});

describe('rule code registry', () => {
  it('gives every code a severity, a cited source and messages in both languages', () => {
    for (const [code, rule] of Object.entries(RULE_CODES)) {
      expect(code).toMatch(/^[A-Z][A-Z0-9_]+$/);
      expect(['error', 'warning']).toContain(rule.severity);
      expect(rule.source.length, code).toBeGreaterThan(0);
      expect(rule.message.zh.length, code).toBeGreaterThan(0);
      expect(rule.message.en.length, code).toBeGreaterThan(0);
      expect(rule.message.zh.match(/\{\w+\}/g)?.sort(), code).toEqual(rule.message.en.match(/\{\w+\}/g)?.sort());
    }
  });
});
