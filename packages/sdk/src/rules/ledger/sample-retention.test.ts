import { describe, expect, it } from 'vitest';
import { isSampleRetentionRequired, NATIONAL_PROFILE, resolveProfile } from '../profile.js';
import { check, codes, sample } from './__tests__/fixtures.js';

// Sampled 2024-06-13 11:30 Shanghai.
const disposedAfter = (hours: number, minutes = 0, seconds = 0) =>
  new Date(Date.parse(sample.sampledAt) + ((hours * 60 + minutes) * 60 + seconds) * 1000).toISOString();

describe('sample retention', () => {
  it('refuses 124.9 g and keeps 125 g', () => {
    const under = check({ ...sample, weightGrams: 124.9 });
    expect(under.ok).toBe(false);
    expect(under.issues).toEqual([
      expect.objectContaining({ code: 'LEDGER_SAMPLE_UNDERWEIGHT', path: 'weightGrams', severity: 'error' }),
    ]);
    expect(under.issues[0]?.message).toEqual({
      zh: '留样 124.9 克，少于 125 克',
      en: 'Sample of 124.9 g is under 125 g',
    });
    expect(check({ ...sample, weightGrams: 125 })).toMatchObject({ ok: true, issues: [] });
  });

  it('asks 200 g of schools where the province says so', () => {
    const profile = resolveProfile({
      venueKind: 'school_canteen',
      venueKindOverrides: { school_canteen: { ledger: { sample: { minGrams: 200 } } } },
    });
    expect(codes(check({ ...sample, weightGrams: 199.9 }, { profile }))).toEqual(['LEDGER_SAMPLE_UNDERWEIGHT']);
    expect(codes(check({ ...sample, weightGrams: 200 }, { profile }))).toEqual([]);
  });

  it('refuses disposal before 48 h and keeps it at 48 h', () => {
    const early = check({ ...sample, disposedAt: disposedAfter(47) }, { now: '2024-06-20T00:00:00+08:00' });
    expect(early.ok).toBe(false);
    expect(early.issues).toEqual([
      expect.objectContaining({ code: 'LEDGER_SAMPLE_DISPOSED_EARLY', path: 'disposedAt' }),
    ]);
    expect(early.issues[0]?.message.zh).toContain('47 小时');
    const almost = check({ ...sample, disposedAt: disposedAfter(47, 59, 59) }, { now: '2024-06-20T00:00:00+08:00' });
    expect(codes(almost)).toEqual(['LEDGER_SAMPLE_DISPOSED_EARLY']);
    expect(almost.issues[0]?.message.en).toContain('47.9 h');
    expect(codes(check({ ...sample, disposedAt: disposedAfter(48) }, { now: '2024-06-20T00:00:00+08:00' }))).toEqual(
      [],
    );
    expect(codes(check({ ...sample, disposedAt: disposedAfter(-1) }))).toEqual(['LEDGER_SAMPLE_DISPOSED_EARLY']);
  });

  it('refuses a future disposal', () => {
    expect(codes(check({ ...sample, disposedAt: disposedAfter(72) }))).toContain('LEDGER_TIME_IN_FUTURE');
  });

  it('refuses dishes not sealed each on its own', () => {
    expect(codes(check({ ...sample, sealedSeparately: false }))).toEqual(['LEDGER_SAMPLE_NOT_SEALED']);
  });

  it('keeps samples at 0–8 ℃ only', () => {
    for (const ok of [0, 8, undefined]) expect(codes(check({ ...sample, storageTempC: ok }))).toEqual([]);
    for (const bad of [-0.1, 8.1])
      expect(codes(check({ ...sample, storageTempC: bad }))).toEqual(['LEDGER_SAMPLE_STORAGE_TEMP']);
  });

  it('accepts a voluntary sample where none is required, under the same rules', () => {
    expect(isSampleRetentionRequired('restaurant')).toBe(false);
    expect(isSampleRetentionRequired('school_canteen')).toBe(true);
    expect(isSampleRetentionRequired('construction_site_canteen', NATIONAL_PROFILE)).toBe(true);
    expect(check(sample, { venueKind: 'restaurant' })).toMatchObject({ ok: true, issues: [] });
    expect(codes(check({ ...sample, weightGrams: 100 }, { venueKind: 'restaurant' }))).toEqual([
      'LEDGER_SAMPLE_UNDERWEIGHT',
    ]);
  });
});
