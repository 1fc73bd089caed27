import { describe, expect, it } from 'vitest';
import { air, meal, morningCheck, parsed, purchase, sample, tableware } from './__tests__/fixtures.js';
import { ledgerRecordDay } from './record-day.js';
import { retentionUntil } from './retention.js';

describe('ledgerRecordDay', () => {
  it('is the day of the act, in the venue’s time zone', () => {
    expect(ledgerRecordDay(parsed({ ...morningCheck, time: '2024-06-15T07:30:00+08:00' }))).toBe('2024-06-15');
    // 07:30 in Shanghai is still the evening before in UTC.
    expect(ledgerRecordDay(parsed({ ...morningCheck, time: '2024-06-15T07:30:00+08:00' }), 'UTC')).toBe('2024-06-14');
    expect(ledgerRecordDay(parsed(tableware))).toBe('2024-06-15');
    expect(ledgerRecordDay(parsed(purchase))).toBe('2024-06-15');
    expect(ledgerRecordDay(parsed(meal))).toBe('2024-06-15');
  });

  it('puts a retained sample on the day it was sampled, not the day it was disposed of', () => {
    const disposed = parsed({ ...sample, disposedAt: '2024-06-15T12:00:00+08:00' });
    expect(ledgerRecordDay(disposed)).toBe('2024-06-13');
  });

  it('puts an air disinfection on the day it started, also when it ran past midnight', () => {
    const overnight = parsed({ ...air, start: '2024-06-14T23:40:00+08:00', end: '2024-06-15T00:20:00+08:00' });
    expect(ledgerRecordDay(overnight)).toBe('2024-06-14');
  });

  it('is the day retention counts from (other ledgers: 2 years after it)', () => {
    const disposed = parsed({ ...sample, disposedAt: '2024-06-15T12:00:00+08:00' });
    expect(retentionUntil(disposed)).toBe('2026-06-13');
  });
});
