import { describe, expect, it } from 'vitest';
import { monthPeriod } from './period.js';

describe('monthPeriod', () => {
  it('reads the month on the venue’s clock and steps back across a year', () => {
    // 2026-12-31 17:00 UTC is already 2027-01-01 in Beijing.
    expect(monthPeriod(new Date('2026-12-31T17:00:00Z'))).toBe('2027-01');
    expect(monthPeriod(new Date('2026-12-31T17:00:00Z'), 1)).toBe('2026-12');
    expect(monthPeriod(new Date('2026-01-15T00:00:00Z'), 1)).toBe('2025-12');
  });
});
