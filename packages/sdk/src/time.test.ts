import { describe, expect, it } from 'vitest';
import { fromLocalTime, inZone, localDay, startOfLocalDay, zoneOffsetMinutes } from './time.js';

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
