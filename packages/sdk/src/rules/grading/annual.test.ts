import { describe, expect, it } from 'vitest';
import { annualGrade } from './annual.js';

describe('annualGrade', () => {
  it('grades A / B / C from the average with the dynamic cut-offs', () => {
    expect(
      annualGrade(
        [
          { date: '2024-03-01', score: 9.2 },
          { date: '2024-05-01', score: 8.8 },
        ],
        '2024-06-01',
      ),
    ).toEqual({
      grade: 'A',
      average: 9,
      inspections: 2,
    });
    expect(
      annualGrade(
        [
          { date: '2024-03-01', score: 9 },
          { date: '2024-05-01', score: 8.9 },
        ],
        '2024-06-01',
      ).grade,
    ).toBe('B');
    expect(annualGrade([{ date: '2024-03-01', score: 7.5 }], '2024-06-01').grade).toBe('B');
    expect(annualGrade([{ date: '2024-03-01', score: 7.49 }], '2024-06-01').grade).toBe('C');
    expect(annualGrade([{ date: '2024-03-01', score: 6 }], '2024-06-01').grade).toBe('C');
    expect(annualGrade([{ date: '2024-03-01', score: 5.99 }], '2024-06-01')).toEqual({
      grade: 'none',
      average: 5.9,
      inspections: 1,
    });
  });

  it('counts only the 12 months up to the day of grading', () => {
    const inspections = [
      { date: '2023-06-01', score: 2 }, // exactly 12 months earlier: outside
      { date: '2023-06-02', score: 9.5 },
      { date: '2024-06-01', score: 9.5 },
      { date: '2024-06-02', score: 1 }, // after asOf
    ];
    expect(annualGrade(inspections, '2024-06-01')).toEqual({ grade: 'A', average: 9.5, inspections: 2 });
  });

  it('gives no annual grade without inspections in the window', () => {
    expect(annualGrade([{ date: '2022-01-01', score: 10 }], '2024-06-01')).toEqual({
      grade: 'none',
      average: null,
      inspections: 0,
    });
  });
});
