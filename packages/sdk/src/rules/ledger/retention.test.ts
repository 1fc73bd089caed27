import { describe, expect, it } from 'vitest';
import { resolveProfile } from '../profile.js';
import { morningCheck, parsed, purchase, sample } from './__tests__/fixtures.js';
import { retentionUntil } from './retention.js';

describe('retentionUntil', () => {
  it('keeps purchase records 6 months after the shelf life ends', () => {
    const record = parsed({ ...purchase, productionDate: '2024-07-01', shelfLifeDays: 10, purchaseDate: '2024-07-02' });
    expect(retentionUntil(record)).toBe('2025-01-11');
  });

  it('clamps month ends (shelf life ending 31 Aug → 28 Feb)', () => {
    const record = parsed({ ...purchase, productionDate: '2024-08-21', shelfLifeDays: 10, purchaseDate: '2024-08-22' });
    expect(retentionUntil(record)).toBe('2025-02-28');
  });

  it('keeps purchase records of goods without a shelf life 2 years', () => {
    expect(retentionUntil(parsed({ ...purchase, shelfLifeDays: null }))).toBe('2026-06-15');
  });

  it('counts from the purchase date when only a batch is known (the latest the shelf life can end)', () => {
    const { productionDate: _, ...batchOnly } = purchase;
    expect(retentionUntil(parsed({ ...batchOnly, batch: 'B1', shelfLifeDays: 10 }))).toBe('2024-12-25');
  });

  it('keeps other ledgers 2 years from their local day', () => {
    expect(retentionUntil(parsed({ ...morningCheck, time: '2024-06-30T16:30:00Z' }))).toBe('2026-07-01');
    expect(retentionUntil(parsed({ ...morningCheck, time: '2024-06-30T16:30:00Z' }), undefined, 'UTC')).toBe(
      '2026-06-30',
    );
    expect(retentionUntil(parsed(sample))).toBe('2026-06-13');
  });

  it('follows the profile', () => {
    const profile = resolveProfile({ regionOverrides: { ledger: { retention: { yearsWithoutShelfLife: 3 } } } });
    expect(retentionUntil(parsed({ ...purchase, shelfLifeDays: null }), profile)).toBe('2027-06-15');
  });
});
