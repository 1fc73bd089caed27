import { describe, expect, it } from 'vitest';
import { resolveProfile } from '../profile.js';
import { check, codes, purchase } from './__tests__/fixtures.js';
import { ledgerAlerts } from './validate.js';

// Produced 1 June with 10 days' shelf life: the shelf life ends 11 June.
const june1 = { ...purchase, productionDate: '2024-06-01', shelfLifeDays: 10 };

describe('purchase inspection', () => {
  it('accepts a complete record of meat with a quarantine certificate', () => {
    expect(check(purchase)).toMatchObject({ ok: true, issues: [] });
  });

  it('refuses goods bought after production date + shelf life, accepts them on the last day', () => {
    const expired = check({ ...june1, purchaseDate: '2024-06-12' });
    expect(expired.ok).toBe(false);
    expect(expired.issues).toEqual([
      expect.objectContaining({ code: 'LEDGER_PURCHASE_EXPIRED', path: 'purchaseDate', severity: 'error' }),
    ]);
    expect(expired.issues[0]?.message.zh).toContain('2024-06-11');
    expect(ledgerAlerts(expired).map((i) => i.code)).toEqual(['LEDGER_PURCHASE_EXPIRED']);
    const lastDay = check({ ...june1, purchaseDate: '2024-06-11' });
    expect(lastDay.ok).toBe(true);
    expect(codes(lastDay)).toEqual(['LEDGER_PURCHASE_NEAR_EXPIRY']);
  });

  it('warns near expiry: 3 days or fewer left with over half the shelf life gone', () => {
    expect(check({ ...june1, purchaseDate: '2024-06-08' }).issues).toEqual([
      expect.objectContaining({ code: 'LEDGER_PURCHASE_NEAR_EXPIRY', severity: 'warning' }),
    ]);
    expect(codes(check({ ...june1, purchaseDate: '2024-06-07' }))).toEqual([]);
    // A 3-day product bought the day it was made is fresh, not near expiry.
    expect(
      codes(check({ ...purchase, productionDate: '2024-06-15', shelfLifeDays: 3, purchaseDate: '2024-06-15' })),
    ).toEqual([]);
    expect(
      codes(check({ ...purchase, productionDate: '2024-06-13', shelfLifeDays: 3, purchaseDate: '2024-06-15' })),
    ).toEqual(['LEDGER_PURCHASE_NEAR_EXPIRY']);
  });

  it('follows a configured near-expiry window', () => {
    const profile = resolveProfile({ regionOverrides: { ledger: { purchase: { nearExpiryWarningDays: 5 } } } });
    expect(codes(check({ ...june1, purchaseDate: '2024-06-07' }, { profile }))).toEqual([
      'LEDGER_PURCHASE_NEAR_EXPIRY',
    ]);
    // 5 days left of 10 is not yet past half the shelf life.
    expect(codes(check({ ...june1, purchaseDate: '2024-06-06' }, { profile }))).toEqual([]);
  });

  it('never expires goods without a shelf life (null or absent)', () => {
    const old = { ...purchase, category: 'grain', productionDate: '2020-01-01' };
    expect(codes(check({ ...old, shelfLifeDays: null }))).toEqual([]);
    const { shelfLifeDays: _, ...absent } = old;
    expect(codes(check(absent))).toEqual([]);
  });

  it('refuses meat and poultry without an animal quarantine certificate', () => {
    const { certificateNo: _, ...noCertificate } = purchase;
    const meat = check(noCertificate);
    expect(meat.ok).toBe(false);
    expect(meat.issues).toEqual([
      expect.objectContaining({ code: 'LEDGER_PURCHASE_NO_QUARANTINE', path: 'certificateNo' }),
    ]);
    expect(meat.issues[0]?.message.zh).toContain('畜肉');
    expect(codes(check({ ...purchase, category: 'poultry', certificateKind: 'inspection' }))).toEqual([
      'LEDGER_PURCHASE_NO_QUARANTINE',
    ]);
    // Vegetables need a certificate too, but an inspection report will do.
    expect(codes(check({ ...noCertificate, category: 'vegetable' }))).toEqual(['LEDGER_PURCHASE_FIELD_MISSING']);
    expect(codes(check({ ...purchase, category: 'vegetable', certificateKind: 'inspection' }))).toEqual([]);
  });

  it('reports every missing or blank field with the purchase code', () => {
    const result = check({ ...purchase, spec: '  ', supplier: { ...purchase.supplier, licenceNo: '' } });
    expect(result.issues.map((i) => [i.code, i.path])).toEqual([
      ['LEDGER_PURCHASE_FIELD_MISSING', 'spec'],
      ['LEDGER_PURCHASE_FIELD_MISSING', 'supplier.licenceNo'],
    ]);
    expect(result.issues[1]?.message).toEqual({
      zh: '进货查验记录缺少：供货者许可证号',
      en: 'Purchase record is missing: supplier licence number',
    });
    const bare = check({ kind: 'purchase_inspection' });
    expect(bare.ok).toBe(false);
    expect(bare.issues.map((i) => i.path).sort()).toEqual(
      ['category', 'productName', 'purchaseDate', 'quantity', 'spec', 'supplier', 'unit'].sort(),
    );
    expect(new Set(codes(bare))).toEqual(new Set(['LEDGER_PURCHASE_FIELD_MISSING']));
  });

  it('needs a production date or a batch, and the invoice photo', () => {
    const { productionDate: _, ...noDate } = purchase;
    expect(codes(check(noDate))).toEqual(['LEDGER_PURCHASE_FIELD_MISSING']);
    expect(codes(check({ ...noDate, batch: 'B20240614' }))).toEqual([]);
    const { invoicePhotoRef: __, ...noPhoto } = purchase;
    expect(check(noPhoto).issues).toEqual([
      expect.objectContaining({ code: 'LEDGER_PURCHASE_FIELD_MISSING', path: 'invoicePhotoRef' }),
    ]);
  });

  it('refuses a wrong type, an impossible date and a production date after the purchase', () => {
    expect(check({ ...purchase, quantity: 'two' }).issues).toEqual([
      expect.objectContaining({ code: 'FIELD_TYPE', path: 'quantity' }),
    ]);
    expect(check({ ...purchase, productionDate: '2024-02-30' }).issues).toEqual([
      expect.objectContaining({ code: 'FIELD_FORMAT', path: 'productionDate' }),
    ]);
    expect(
      codes(
        check(
          { ...purchase, productionDate: '2024-06-16', purchaseDate: '2024-06-15' },
          { now: '2024-06-20T12:00:00+08:00' },
        ),
      ),
    ).toEqual(['LEDGER_PURCHASE_PRODUCED_AFTER_PURCHASE']);
  });

  it('refuses a purchase date after the venue-local today', () => {
    const tomorrow = { ...purchase, purchaseDate: '2024-06-16' };
    expect(codes(check(tomorrow, { now: '2024-06-15T23:59:00+08:00' }))).toEqual(['LEDGER_TIME_IN_FUTURE']);
    // 16:30 UTC is already 00:30 on 16 June in Shanghai.
    expect(codes(check(tomorrow, { now: '2024-06-15T16:30:00Z' }))).toEqual([]);
    expect(codes(check(tomorrow, { now: '2024-06-15T16:30:00Z', timeZone: 'UTC' }))).toEqual(['LEDGER_TIME_IN_FUTURE']);
  });
});
