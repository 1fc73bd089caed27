import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ANNUAL_GRADES, GRADE_FACES } from '../domain/enums.js';
import { LISTING_FACTORS } from './factors.js';
import type { ListingInput } from './input.js';
import { DEFAULT_LISTING_POLICY } from './policy.js';
import { LISTING_REASON_MESSAGES, LISTING_REASONS } from './reasons.js';
import { scoreListing } from './score.js';

const model: ListingInput = {
  dynamicGrade: { face: 'excellent', reasons: [] },
  annualGrade: 'A',
  ratings: { satisfactionRate: 0.95, count: 200 },
  ledgerCompletionRate: 1,
  violationsPer30Days: 0,
  unresolvedAlerts: 0,
  complaintsUpheld: 0,
};

describe('scoreListing', () => {
  it('puts a model canteen on the red list and explains every factor', () => {
    const outcome = scoreListing(model);
    expect(outcome.list).toBe('red');
    expect(outcome.reasons).toEqual(['RED_EXCELLENT']);
    expect(outcome.score).toBe(99); // 30 + 15 + 15 × (.95·200 + .8·20)/220 + 25 + 15
    expect(outcome.factors.map((f) => f.factor)).toEqual([...LISTING_FACTORS]);
    expect(outcome.factors.find((f) => f.factor === 'consumer_rating')?.contribution).toBe(14);
    expect(outcome.factors[3]?.explanation).toEqual({
      zh: '近 30 天台账完成率 100%，得 25/25 分',
      en: 'Ledger completion over 30 days 100%: 25 of 25 points',
    });
  });

  it('needs an annual A for the red list', () => {
    expect(scoreListing({ ...model, annualGrade: 'B' })).toMatchObject({ list: null, score: 95 });
  });

  it('black-lists two failed key items whatever the score', () => {
    const outcome = scoreListing({ ...model, dynamicGrade: { face: 'none', reasons: ['KEY_ITEMS_FAILED'] } });
    expect(outcome.score).toBe(69);
    expect(outcome).toMatchObject({ list: 'black', reasons: ['BLACK_KEY_ITEMS_FAILED'] });
  });

  it('does not punish a venue ungraded only because its licence is new', () => {
    const outcome = scoreListing({
      ...model,
      dynamicGrade: { face: 'none', reasons: ['NEW_LICENCE'] },
      annualGrade: null,
    });
    expect(outcome.list).toBeNull();
    expect(outcome.factors[0]?.contribution).toBe(15);
  });

  it('black-lists a venue scoring below 40', () => {
    const outcome = scoreListing({
      dynamicGrade: { face: 'average', reasons: [] },
      annualGrade: 'C',
      ratings: { satisfactionRate: 0.3, count: 50 },
      ledgerCompletionRate: 0.2,
      violationsPer30Days: 25,
      unresolvedAlerts: 4,
      complaintsUpheld: 1,
    });
    expect(outcome.score).toBeLessThan(40);
    expect(outcome).toMatchObject({ list: 'black', reasons: ['BLACK_LOW_SCORE'] });
    expect(outcome.factors.find((f) => f.factor === 'unresolved_alerts')).toMatchObject({ contribution: -8 });
  });

  it('lets a few bad ratings move the score only a little', () => {
    const few = scoreListing({ ...model, ratings: { satisfactionRate: 0, count: 2 } }).factors[2]?.contribution ?? 0;
    const many = scoreListing({ ...model, ratings: { satisfactionRate: 0, count: 500 } }).factors[2]?.contribution ?? 0;
    expect(few).toBeGreaterThan(10);
    expect(many).toBeLessThan(1);
  });

  it('follows a configured policy', () => {
    const strict = { ...DEFAULT_LISTING_POLICY, redMinScore: 100 };
    expect(scoreListing(model, strict).list).toBeNull();
    const lenient = { ...DEFAULT_LISTING_POLICY, blackNoGradeReasons: [] };
    expect(
      scoreListing({ ...model, dynamicGrade: { face: 'none', reasons: ['KEY_ITEMS_FAILED'] } }, lenient).list,
    ).toBeNull();
  });

  it('stays within 0–100, contributions add up to the score, and red never coexists with failings', () => {
    const input = fc.record({
      dynamicGrade: fc.option(fc.record({ face: fc.constantFrom(...GRADE_FACES), reasons: fc.constant([]) })),
      annualGrade: fc.option(fc.constantFrom(...ANNUAL_GRADES)),
      ratings: fc.record({
        satisfactionRate: fc.option(fc.double({ min: 0, max: 1, noNaN: true })),
        count: fc.nat(1000),
      }),
      ledgerCompletionRate: fc.double({ min: 0, max: 1, noNaN: true }),
      violationsPer30Days: fc.nat(100),
      unresolvedAlerts: fc.nat(30),
      complaintsUpheld: fc.nat(10),
    });
    fc.assert(
      fc.property(input, (i) => {
        const outcome = scoreListing(i);
        expect(outcome.score).toBeGreaterThanOrEqual(0);
        expect(outcome.score).toBeLessThanOrEqual(100);
        const sum = outcome.factors.reduce((s, f) => s + f.contribution, 0);
        if (sum >= 0 && sum <= 100) expect(Math.abs(sum - outcome.score)).toBeLessThanOrEqual(1);
        if (outcome.list === 'red') expect(i.annualGrade).toBe('A');
        if (outcome.score < 40) expect(outcome.list).toBe('black');
      }),
    );
  });

  it('has a message in Chinese and English for every listing reason', () => {
    for (const reason of LISTING_REASONS) expect(LISTING_REASON_MESSAGES[reason].zh).toMatch(/[\u4e00-\u9fff]/);
  });
});
