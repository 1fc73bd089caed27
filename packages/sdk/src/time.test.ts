import { describe, expect, it } from 'vitest';
import { formatLocalTime, fromLocalTime, inZone, localDay, startOfLocalDay, zoneOffsetMinutes } from './time.js';

describe('time in a venue zone', () => {
  it('puts 23:59 and 00:01 Beijing time on different local days', () => {
    expect(localDay('2026-03-01T15:59:00Z')).toBe('2026-03-01');
    expect(localDay('2026-03-01T16:01:00Z')).toBe('2026-03-02');
  });

  it('reads an instant with the zone offset', () => {
    expect(inZone('2026-03-01T16:01:00Z').format()).toBe('2026-03-02T00:01:00+08:00');
    expect(zoneOffsetMinutes(Date.parse('2026-03-01T00:00:00Z'), 'Asia/Shanghai')).toBe(480);
  });

  it('parses wall-clock times in zones with daylight saving', () => {
    expect(fromLocalTime('2026-07-01T12:00:00', 'Europe/Berlin').toISOString()).toBe('2026-07-01T10:00:00.000Z');
    expect(fromLocalTime('2026-01-01T12:00:00', 'Europe/Berlin').toISOString()).toBe('2026-01-01T11:00:00.000Z');
    expect(startOfLocalDay('2026-03-02')).toBe('2026-03-02T00:00:00+08:00');
  });

  it('refuses an unknown zone with a RangeError', () => {
    expect(() => localDay(0, 'Mars/Olympus')).toThrow(RangeError);
  });
});

describe('formatLocalTime: what a person reads', () => {
  // 00:05 on 1 July in Shanghai is still 30 June in UTC: a phone set to UTC must not show the 30th.
  const justAfterMidnight = '2025-06-30T16:05:00Z';

  it('writes the venue’s wall clock, not UTC and not the device’s zone', () => {
    expect(formatLocalTime(justAfterMidnight)).toBe('2025-07-01 00:05');
    expect(formatLocalTime(justAfterMidnight, { style: 'date' })).toBe('2025-07-01');
    expect(formatLocalTime(justAfterMidnight, { style: 'time' })).toBe('00:05');
    expect(formatLocalTime(Date.parse(justAfterMidnight), { timeZone: 'Europe/Berlin' })).toBe('2025-06-30 18:05');
    expect(formatLocalTime(new Date(justAfterMidnight), { timeZone: 'Asia/Urumqi' })).toBe('2025-06-30 22:05');
  });

  it('says 今天 and 昨天 by the venue’s day, and the year only when it is another', () => {
    const now = '2025-06-30T16:30:00Z'; // 00:30 on 1 July in Shanghai
    expect(formatLocalTime(justAfterMidnight, { style: 'relative', now })).toBe('今天 00:05');
    expect(formatLocalTime('2025-06-30T15:55:00Z', { style: 'relative', now })).toBe('昨天 23:55');
    expect(formatLocalTime('2025-03-01T02:00:00Z', { style: 'relative', now })).toBe('3月1日 10:00');
    expect(formatLocalTime('2024-12-31T16:00:00Z', { style: 'relative', now })).toBe('1月1日 00:00');
    expect(formatLocalTime('2024-12-31T15:59:00Z', { style: 'relative', now })).toBe('2024年12月31日 23:59');
  });

  it('falls back to Asia/Shanghai for an unknown zone, and writes — for an unreadable instant', () => {
    expect(formatLocalTime(justAfterMidnight, { timeZone: 'Mars/Olympus' })).toBe('2025-07-01 00:05');
    expect(formatLocalTime('not a time')).toBe('—');
  });
});
