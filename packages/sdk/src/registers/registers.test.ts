import { describe, expect, it } from 'vitest';
import {
  checkInspectionRow,
  checkVenueRow,
  normalizeCell,
  parseRegisterDate,
  registerKind,
  registerScore,
} from './index.js';

describe('register values', () => {
  it.each([
    ['2024-03-05', '2024-03-05'],
    ['2024/3/5', '2024-03-05'],
    ['２０２４／３／５', '2024-03-05'],
    ['2024年3月5日', '2024-03-05'],
    [45292, '2024-01-01'],
    ['45292', '2024-01-01'],
    ['2024-02-30', undefined],
    ['昨天', undefined],
  ])('reads the date %s as %s', (raw, day) => {
    expect(parseRegisterDate(raw)).toBe(day);
  });

  it('drops a BOM and stray spaces, makes full-width digits half-width, keeps full-width brackets', () => {
    expect(normalizeCell('\uFEFF  ＪＹ１２３ ')).toBe('JY123');
    expect(normalizeCell('古楼餐馆（东店）')).toBe('古楼餐馆（东店）');
  });

  it('maps register business types and our own labels to venue kinds', () => {
    expect(registerKind('特大型餐饮')).toBe('restaurant');
    expect(registerKind('托幼机构食堂')).toBe('kindergarten_canteen');
    expect(registerKind('糕点店')).toBe('snack_bar');
    expect(registerKind('单位食堂')).toBe('company_canteen');
    expect(registerKind('火星餐饮')).toBeUndefined();
  });

  it('reads a 100-point score on the 0–10 scale', () => {
    expect(registerScore('85')).toBe(8.5);
    expect(registerScore('9.5')).toBe(9.5);
    expect(registerScore('120')).toBeUndefined();
  });
});

describe('row checks', () => {
  const context = { regionOf: (d: string) => (d === '东昌府区' || d === '371502' ? 'reg_dcf' : undefined) };
  const good = {
    name: '店',
    licenceNo: 'JY1',
    kind: '小型餐饮',
    address: '地址',
    district: '371502',
    licenceIssuedOn: '2024/1/1',
    licenceExpiresOn: '2029-01-01',
  };

  it('accepts a venue without coordinates or contact', () => {
    const check = checkVenueRow(2, good, context);
    expect(check).toEqual({
      ok: true,
      value: expect.objectContaining({ regionId: 'reg_dcf', kind: 'restaurant', licenceIssuedOn: '2024-01-01' }),
    });
  });

  it('reports each bad cell with its row, column and code', () => {
    const check = checkVenueRow(
      7,
      { ...good, kind: '?', district: '火星区', lng: '200', lat: '' },
      {
        ...context,
        allowed: () => false,
      },
    );
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.problems.map((p) => [p.row, p.column, p.code])).toEqual([
      [7, 'kind', 'KIND_UNKNOWN'],
      [7, 'district', 'DISTRICT_UNKNOWN'],
      [7, 'lat', 'COORDINATES_HALF'],
    ]);
    expect(check.problems[0]?.message.zh).toContain('主体业态');
  });

  it('refuses a district outside the importer’s regions', () => {
    const check = checkVenueRow(3, good, { ...context, allowed: () => false });
    expect(check.ok ? [] : check.problems.map((p) => p.code)).toEqual(['DISTRICT_NOT_ALLOWED']);
  });

  it('checks inspection counts', () => {
    const check = checkInspectionRow(
      4,
      { licenceNo: 'JY1', date: '2024-01-01', keyFailures: '-1', otherFailures: '' },
      {},
    );
    expect(check.ok ? [] : check.problems.map((p) => `${p.column}:${p.code}`)).toEqual([
      'keyFailures:NUMBER_INVALID',
      'otherFailures:VALUE_REQUIRED',
    ]);
  });
});
