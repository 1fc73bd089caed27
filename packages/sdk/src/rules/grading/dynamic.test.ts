import { describe, expect, it } from 'vitest';
import { dynamicGrade } from './dynamic.js';
import { NO_GRADE_REASON_MESSAGES, NO_GRADE_REASONS } from './reasons.js';

const item = (score: number, key = false, passed = true) => ({ score, key, passed });
const base = { licenceIssuedOn: '2020-01-01', inspectedOn: '2024-06-01' };
const grade = (...scores: number[]) => dynamicGrade({ ...base, items: scores.map((s) => item(s)) });

describe('dynamicGrade', () => {
  it.each([
    [[10, 8], 9, 'excellent'],
    [[9, 8.9], 8.9, 'good'], // 8.95 has not reached 9.0
    [[8.9], 8.9, 'good'],
    [[7, 8], 7.5, 'good'],
    [[7.49], 7.4, 'average'],
    [[6], 6, 'average'],
    [[6, 6, 7.2], 6.4, 'average'], // float sum 6.3999… still reads 6.4
    [[5.99], 5.9, 'none'],
  ] as const)('scores %j as %d → %s', (scores, score, face) => {
    const outcome = grade(...scores);
    expect(outcome.score).toBe(score);
    expect(outcome.face).toBe(face);
  });

  it('gives no grade below 6.0 with the reason BELOW_6', () => {
    expect(grade(5, 6.5)).toEqual({ face: 'none', score: 5.7, reasons: ['BELOW_6'] });
  });

  it('gives no grade with two failed key items, whatever the score', () => {
    const items = [item(10, true, false), item(10, true, false), item(10)];
    expect(dynamicGrade({ ...base, items })).toEqual({ face: 'none', score: 10, reasons: ['KEY_ITEMS_FAILED'] });
    const oneFailed = [item(10, true, false), item(10, true, true), item(10, false, false)];
    expect(dynamicGrade({ ...base, items: oneFailed }).face).toBe('excellent');
  });

  it('gives no grade in the first 3 months of a new licence, and grades from exactly 3 months on', () => {
    const items = [item(9.5)];
    expect(dynamicGrade({ items, licenceIssuedOn: '2024-03-02', inspectedOn: '2024-06-01' }).reasons).toEqual([
      'NEW_LICENCE',
    ]);
    expect(dynamicGrade({ items, licenceIssuedOn: '2024-03-01', inspectedOn: '2024-06-01' }).face).toBe('excellent');
    // 30 Nov + 3 months is 29 Feb in a leap year
    expect(dynamicGrade({ items, licenceIssuedOn: '2023-11-30', inspectedOn: '2024-02-28' }).face).toBe('none');
    expect(dynamicGrade({ items, licenceIssuedOn: '2023-11-30', inspectedOn: '2024-02-29' }).face).toBe('excellent');
  });

  it('gives no grade within 6 months after a food-safety incident', () => {
    const items = [item(9.5)];
    expect(dynamicGrade({ ...base, items, lastIncidentOn: '2023-12-02' }).reasons).toEqual(['RECENT_INCIDENT']);
    expect(dynamicGrade({ ...base, items, lastIncidentOn: '2023-12-01' }).face).toBe('excellent');
    expect(dynamicGrade({ ...base, items, lastIncidentOn: '2024-07-01' }).face).toBe('excellent');
  });

  it('lists every reason that applies', () => {
    const items = [item(2, true, false), item(3, true, false)];
    const outcome = dynamicGrade({
      items,
      licenceIssuedOn: '2024-05-01',
      lastIncidentOn: '2024-05-20',
      inspectedOn: '2024-06-01',
    });
    expect(outcome.reasons).toEqual(['BELOW_6', 'KEY_ITEMS_FAILED', 'NEW_LICENCE', 'RECENT_INCIDENT']);
  });

  it('cannot grade an inspection without items', () => {
    expect(dynamicGrade({ ...base, items: [] })).toEqual({ face: 'none', score: 0, reasons: ['NO_ITEMS_CHECKED'] });
  });

  it('has a message in Chinese and English for every reason', () => {
    for (const reason of NO_GRADE_REASONS) {
      expect(NO_GRADE_REASON_MESSAGES[reason].zh).toMatch(/[\u4e00-\u9fff]/);
      expect(NO_GRADE_REASON_MESSAGES[reason].en.length).toBeGreaterThan(0);
    }
  });
});
