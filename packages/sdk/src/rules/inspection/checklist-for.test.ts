import { describe, expect, it } from 'vitest';
import { NATIONAL_PROFILE, resolveProfile } from '../profile.js';
import { parseProfileOverride } from '../profile-override.js';
import { checklistFor, scoreAnswers } from './checklist-for.js';
import { NATIONAL_CHECKLIST } from './national-checklist.js';

describe('the inspection checklist', () => {
  it('is the national one by default, every item in a known area and worth 10', () => {
    const items = checklistFor(NATIONAL_PROFILE.inspection);
    expect(items).toEqual(NATIONAL_CHECKLIST);
    expect(new Set(items.map((item) => item.code)).size).toBe(items.length);
    expect(items.filter((item) => item.key).map((item) => item.code)).toEqual([
      '1.1',
      '1.2',
      '2.2',
      '3.1',
      '4.1',
      '5.1',
      '6.1',
    ]);
  });

  it('follows a region’s key items and omitted items, and refuses codes that do not exist', () => {
    const override = parseProfileOverride({ inspection: { keyItems: ['2.5'], omittedItems: ['8.3'] } });
    expect(override.ok).toBe(true);
    const profile = resolveProfile({ regionOverrides: override.ok ? override.value : {} });
    const items = checklistFor(profile.inspection);
    expect(items.find((item) => item.code === '8.3')).toBeUndefined();
    expect(items.filter((item) => item.key).map((item) => item.code)).toEqual(['2.5']);
    expect(parseProfileOverride({ inspection: { omittedItems: ['9.9'] } }).ok).toBe(false);
  });

  it('scores conforming items at their score, failed ones at 0, and leaves not-applicable ones out', () => {
    const checklist = checklistFor(NATIONAL_PROFILE.inspection);
    const scored = scoreAnswers(checklist, [
      { code: '1.1', result: 'nonconform' },
      { code: '2.1', result: 'conform' },
      { code: '4.4', result: 'not_applicable' },
      { code: '9.9', result: 'conform' },
      { code: '2.1', result: 'nonconform' },
    ]);
    expect(scored.items).toEqual([
      { code: '1.1', title: checklist[0]?.title.zh, key: true, score: 0, passed: false },
      expect.objectContaining({ code: '2.1', score: 10, passed: true }),
    ]);
    expect(scored.unknown).toEqual(['9.9']);
    expect(scored.duplicates).toEqual(['2.1']);
  });
});
