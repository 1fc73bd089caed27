/** A panel's range of local days (checked, defaulted to the last 30 days, and as instants for SQL), and small tallies. */
import { DEFAULT_TIME_ZONE, localDay, startOfLocalDay } from '@brightkitchen/sdk';
import { WAREHOUSE_DEFAULT_DAYS, WAREHOUSE_MAX_DAYS } from '@brightkitchen/sdk/warehouse';
import { AppError } from '../errors/index.js';

const DAY_MS = 86_400_000;

export interface DayRange {
  readonly from: string;
  readonly to: string;
  /** Every day of the range, in order. */
  readonly days: readonly string[];
  /** The first instant of `from` and the first instant after `to` (ISO, UTC). */
  readonly fromInstant: string;
  readonly untilInstant: string;
}

/** Shifts a day `YYYY-MM-DD` by whole days. */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** Stored instants are UTC `…Z` strings: bounds must be too, to compare as text. */
const utc = (instant: string) => new Date(instant).toISOString();

export function dayRange(
  query: { readonly from?: string | undefined; readonly to?: string | undefined },
  now: Date,
  tz: string = DEFAULT_TIME_ZONE,
): DayRange {
  const to = query.to ?? localDay(now, tz);
  const from = query.from ?? addDays(to, 1 - WAREHOUSE_DEFAULT_DAYS);
  const length = Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS) + 1;
  if (length < 1 || length > WAREHOUSE_MAX_DAYS) throw new AppError('WAREHOUSE_RANGE_INVALID');
  const days = Array.from({ length }, (_, i) => addDays(from, i));
  return {
    from,
    to,
    days,
    fromInstant: utc(startOfLocalDay(from, tz)),
    untilInstant: utc(startOfLocalDay(addDays(to, 1), tz)),
  };
}

/** The p-th percentile (0–1) of sorted numbers, nearest rank; null for none. */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? null;
}

/** A ratio rounded to 4 places (1 when nothing was expected). */
export function ratio(done: number, expected: number): number {
  return expected === 0 ? 1 : Math.round((done / expected) * 10_000) / 10_000;
}

/** Adds `n` to a count. */
export function bump(map: Map<string, number>, key: string, n = 1): void {
  map.set(key, (map.get(key) ?? 0) + n);
}

/** Counts as `{ key, count }`, most first (then by key). */
export function keyed(map: ReadonlyMap<string, number>): { key: string; count: number }[] {
  return [...map]
    .map(([key, count]) => ({ key, count }))
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}
