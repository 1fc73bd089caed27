import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { zoneOffsetMinutes } from '../time.js';
import { eventTime } from './event-time.js';

dayjs.extend(utc);

/** The dayjs formatting eventTime used before its fast path: what it must still answer. */
function viaDayjs(ms: number, timeZone: string): string {
  const d = dayjs(ms).utcOffset(zoneOffsetMinutes(ms, timeZone));
  return d.millisecond() === 0 ? d.format() : d.format('YYYY-MM-DDTHH:mm:ss.SSSZ');
}

const ZONES = ['Asia/Shanghai', 'UTC', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe', 'Pacific/Chatham'];

describe('eventTime', () => {
  it('formats epochs exactly as dayjs does, in any zone (UTC as Z, milliseconds only when present)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1e11, max: 253402300799000 }), fc.constantFrom(...ZONES), (ms, zone) => {
        expect(eventTime(ms, zone)).toBe(viaDayjs(ms, zone));
      }),
      { numRuns: 3000 },
    );
    expect(eventTime(1_700_000_000, 'UTC')).toBe('2023-11-14T22:13:20Z');
    expect(eventTime(1_700_000_000_123, 'UTC')).toBe('2023-11-14T22:13:20.123+00:00');
    expect(eventTime(1_700_000_000_000, 'Asia/Shanghai')).toBe('2023-11-15T06:13:20+08:00');
  });

  it('reads ISO instants with an offset into the venue zone, and answers the same for a repeated text', () => {
    const text = '2026-03-01T10:00:00.250-05:00';
    expect(eventTime(text, 'Asia/Shanghai')).toBe('2026-03-01T23:00:00.250+08:00');
    expect(eventTime(text, 'Asia/Shanghai')).toBe('2026-03-01T23:00:00.250+08:00');
    expect(eventTime(text, 'UTC')).toBe('2026-03-01T15:00:00.250+00:00');
    expect(eventTime('2026-02-30T10:00:00+08:00')).toBeUndefined();
  });
});
