import { DEFAULT_TIME_ZONE, localDay } from '../time.js';

/**
 * A month's list period, `YYYY-MM`: the local month of `at` in `timeZone`, or `monthsBack` months before it (1: last
 * month, the period a city usually publishes).
 */
export function monthPeriod(at: Date, monthsBack = 0, timeZone: string = DEFAULT_TIME_ZONE): string {
  const [year = 0, month = 1] = localDay(at, timeZone).split('-').map(Number);
  return new Date(Date.UTC(year, month - 1 - monthsBack, 1)).toISOString().slice(0, 7);
}
