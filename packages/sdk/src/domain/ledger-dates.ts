/**
 * Calendar dates (`YYYY-MM-DD`) as ledgers use them: production and purchase dates, certificate expiry.
 * Arithmetic runs in UTC so that a date never shifts with a time zone or a DST change.
 */
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc.js';

dayjs.extend(utc);

/** True for a real calendar date written `YYYY-MM-DD` (2024-02-30 is false). */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const parsed = dayjs.utc(value);
  return parsed.isValid() && parsed.format('YYYY-MM-DD') === value;
}

/** `day` plus `days` calendar days. */
export function addDays(day: string, days: number): string {
  return dayjs.utc(day).add(days, 'day').format('YYYY-MM-DD');
}

// Retention dates repeat (one per record day): remembered, cleared when the cache grows large.
const monthsLater = new Map<string, string>();

/** `day` plus `months` calendar months (Aug 31 + 6 months = Feb 28/29). */
export function addMonths(day: string, months: number): string {
  const key = `${day}|${months}`;
  let out = monthsLater.get(key);
  if (out === undefined) {
    out = dayjs.utc(day).add(months, 'month').format('YYYY-MM-DD');
    if (monthsLater.size >= 4096) monthsLater.clear();
    monthsLater.set(key, out);
  }
  return out;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayjs.utc(to).diff(dayjs.utc(from), 'day');
}
