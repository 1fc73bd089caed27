import { describe, expect, it } from 'vitest';
import { resolveProfile } from '../profile.js';
import { check, codes, meal } from './__tests__/fixtures.js';

describe("principal's accompanying meal", () => {
  it('is kept at school and kindergarten canteens', () => {
    expect(check(meal, { venueKind: 'school_canteen' })).toMatchObject({ ok: true, issues: [] });
    expect(check(meal, { venueKind: 'kindergarten_canteen' })).toMatchObject({ ok: true, issues: [] });
  });

  it('is refused at other venue kinds', () => {
    const result = check(meal, { venueKind: 'restaurant' });
    expect(result.ok).toBe(false);
    expect(result.issues).toEqual([expect.objectContaining({ code: 'LEDGER_MEAL_NOT_SCHOOL', severity: 'error' })]);
    expect(result.issues[0]?.message.zh).toContain('餐馆');
  });

  it('is not judged when the venue kind is unknown', () => {
    expect(codes(validateWithoutKind())).toEqual([]);
  });

  it('follows a profile that extends it to other canteens', () => {
    const profile = resolveProfile({
      regionOverrides: { ledger: { accompanyingMeal: { venueKinds: ['school_canteen', 'elderly_care_canteen'] } } },
    });
    expect(codes(check(meal, { venueKind: 'elderly_care_canteen', profile }))).toEqual([]);
    expect(codes(check(meal, { venueKind: 'kindergarten_canteen', profile }))).toEqual(['LEDGER_MEAL_NOT_SCHOOL']);
  });

  it('refuses a meal dated after the local today', () => {
    expect(codes(check({ ...meal, date: '2024-06-16' }))).toEqual(['LEDGER_TIME_IN_FUTURE']);
  });
});

function validateWithoutKind() {
  return check(meal, { venueKind: undefined });
}
