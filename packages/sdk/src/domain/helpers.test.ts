import { describe, expect, it } from 'vitest';
import { scoreExam } from '../training/index.js';
import * as fx from './__tests__/fixtures.js';
import { base64ByteLength, COMPLAINT_PHOTO_MAX_BASE64, COMPLAINT_PHOTO_MAX_BYTES } from './complaint.js';
import { summarizeRatings } from './rating.js';
import { licenceStatus } from './venue.js';

describe('summarizeRatings', () => {
  it('counts faces per aspect and the share of satisfied faces', () => {
    const summary = summarizeRatings([
      { faces: { dishes: 'satisfied', hygiene: 'satisfied', service: 'neutral' } },
      { faces: { dishes: 'satisfied', hygiene: 'neutral', service: 'dissatisfied' } },
    ]);
    expect(summary).toEqual({ ...fx.ratingSummary, satisfactionRate: 3 / 6 });
  });

  it('has no satisfaction rate before the first rating', () => {
    expect(summarizeRatings([])).toMatchObject({ count: 0, satisfactionRate: null });
  });
});

describe('licenceStatus', () => {
  it.each([
    ['2024-05-01', 'valid'],
    ['2027-01-01', 'valid'],
    ['2027-01-29', 'expiring'],
    ['2027-02-28', 'expiring'],
    ['2027-03-01', 'expired'],
  ])('on %s a licence expiring 2027-02-28 is %s', (today, status) => {
    expect(licenceStatus('2027-02-28', today)).toBe(status);
  });
});

describe('scoreExam', () => {
  it('needs the exact set of options for a multiple-choice question', () => {
    expect(scoreExam(fx.paper, fx.paperAnswers)).toEqual({ score: (2 * 100) / 3, passed: true });
    expect(scoreExam(fx.paper, { q1: 'B', q2: ['A'], q3: false })).toEqual({ score: 100 / 3, passed: false });
    expect(scoreExam(fx.paper, {})).toEqual({ score: 0, passed: false });
  });
});

describe('base64ByteLength', () => {
  it('gives the decoded size that the 2 MiB photo limit is checked against', () => {
    expect(base64ByteLength('/9j/4AAQSkZJRgABAQ==')).toBe(13);
    expect(base64ByteLength('QUJD')).toBe(3);
    expect(base64ByteLength('A'.repeat(COMPLAINT_PHOTO_MAX_BASE64 - 4).concat('AAA='))).toBe(COMPLAINT_PHOTO_MAX_BYTES);
  });
});
