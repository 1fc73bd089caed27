import { describe, expect, it } from 'vitest';
import { dayCompletion, dayRequirements } from './requirements.js';

describe('a day’s ledger requirements', () => {
  it('asks a school for a check per staff member, and per meal tableware, samples and the principal’s meal', () => {
    expect(
      dayRequirements({
        kind: 'school_canteen',
        staffOnDuty: 4,
        meals: [{ meal: 'lunch', dishes: 3 }, { meal: 'breakfast' }],
      }),
    ).toEqual([
      { code: 'REQ_MORNING_CHECK_EACH_STAFF', ledgerKind: 'morning_check', expected: 4 },
      { code: 'REQ_TABLEWARE_EACH_MEAL', ledgerKind: 'tableware_disinfection', expected: 2 },
      { code: 'REQ_SAMPLE_EACH_DISH', ledgerKind: 'sample_retention', expected: 4 },
      { code: 'REQ_ACCOMPANYING_EACH_MEAL', ledgerKind: 'accompanying_meal', expected: 2 },
    ]);
  });

  it('asks a restaurant for samples only of a meal with more than 100 guests, and air disinfection per room use', () => {
    const codes = dayRequirements({
      kind: 'restaurant',
      staffOnDuty: 2,
      meals: [
        { meal: 'lunch', guests: 100 },
        { meal: 'dinner', guests: 180, dishes: 6 },
      ],
      specialRooms: 1,
    });
    expect(codes.find((r) => r.code === 'REQ_SAMPLE_EACH_DISH')?.expected).toBe(6);
    expect(codes.find((r) => r.code === 'REQ_AIR_DISINFECTION_EACH_ROOM_USE')?.expected).toBe(2);
    expect(codes.some((r) => r.code === 'REQ_ACCOMPANYING_EACH_MEAL')).toBe(false);
  });

  it('does not let extra records of one kind make up for another', () => {
    const requirements = dayRequirements({ kind: 'company_canteen', staffOnDuty: 2 });
    const day = dayCompletion(requirements, { morning_check: 5 });
    expect(day).toEqual({
      expected: 3,
      done: 2,
      rate: 2 / 3,
      missing: [{ code: 'REQ_TABLEWARE_EACH_MEAL', expected: 1, done: 0 }],
    });
    expect(dayCompletion([], {}).rate).toBe(1);
  });
});
