import { describe, expect, it } from 'vitest';
import { daysBetween, deadlineText } from './deadline';

// 2026-12-05 10:00 in Shanghai.
const NOW = Date.parse('2026-12-05T02:00:00Z');
const tz = 'Asia/Shanghai';

describe('how a deadline reads to the operator', () => {
  it('counts the days left on the venue’s clock', () => {
    expect(daysBetween('2026-12-05', '2026-12-09')).toBe(4);
    expect(deadlineText({ deadline: '2026-12-09', state: 'open', timeZone: tz }, NOW)).toBe(
      '整改期限 2026-12-09（还剩 4 天）',
    );
    expect(deadlineText({ deadline: '2026-12-05', state: 'answered', timeZone: tz }, NOW)).toBe(
      '整改期限 2026-12-05（今天到期）',
    );
  });

  it('says how long it is overdue, and nothing of it once closed', () => {
    expect(deadlineText({ deadline: '2026-12-03', state: 'open', timeZone: tz }, NOW)).toBe(
      '整改期限 2026-12-03（已逾期 2 天）',
    );
    expect(deadlineText({ deadline: '2026-12-03', state: 'closed', timeZone: tz }, NOW)).toBe('整改期限 2026-12-03');
  });

  it('uses the venue’s day, not UTC’s: 23:30 UTC is already the next day in Shanghai', () => {
    const lateUtc = Date.parse('2026-12-05T23:30:00Z');
    expect(deadlineText({ deadline: '2026-12-06', state: 'open', timeZone: tz }, lateUtc)).toContain('今天到期');
  });
});
