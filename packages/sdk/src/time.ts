/**
 * Day boundaries and local times in a venue's time zone (Asia/Shanghai by default).
 * All instants travel as ISO 8601 strings with an offset; these helpers read them in a zone.
 *
 * Zone offsets come from one cached `Intl.DateTimeFormat` per zone: dayjs's timezone plugin builds a
 * new formatter on every call (~0.8 ms), which made ledger validation the bottleneck of ledger writes.
 */
import dayjs, { type Dayjs } from 'dayjs';
import utc from 'dayjs/plugin/utc.js';

dayjs.extend(utc);

/** The time zone days are counted in when a venue names none. */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(tz, f);
  }
  return f;
}

// Offsets change only at quarter-hour boundaries, so each zone remembers the quarter-hours it looked up
// (a batch of records spans a few; validation also looks up "now"). Bounded: cleared when it grows large.
const QUARTER_HOUR_MS = 900_000;
const MAX_REMEMBERED = 4096;
const offsets = new Map<string, Map<number, number>>();

/** Minutes east of UTC of a zone at an instant (480 for Asia/Shanghai). Throws RangeError on an unknown zone. */
export function zoneOffsetMinutes(epochMs: number, tz: string = DEFAULT_TIME_ZONE): number {
  const bucket = Math.floor(epochMs / QUARTER_HOUR_MS);
  let zone = offsets.get(tz);
  const hit = zone?.get(bucket);
  if (hit !== undefined) return hit;
  const offset = computeOffset(epochMs, tz);
  if (!zone) {
    zone = new Map();
    offsets.set(tz, zone);
  } else if (zone.size >= MAX_REMEMBERED) zone.clear();
  zone.set(bucket, offset);
  return offset;
}

function computeOffset(epochMs: number, tz: string): number {
  const parts = formatterFor(tz).formatToParts(new Date(epochMs));
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((wall - Math.floor(epochMs / 1000) * 1000) / 60_000);
}

/** An instant seen in a time zone. Accepts ISO strings, epoch milliseconds or Dates. */
export function inZone(instant: string | number | Date, tz: string = DEFAULT_TIME_ZONE): Dayjs {
  const d = dayjs(instant);
  return d.utcOffset(zoneOffsetMinutes(d.valueOf(), tz));
}

/** The local calendar day (`YYYY-MM-DD`) of an instant in a time zone. */
export function localDay(instant: string | number | Date, tz: string = DEFAULT_TIME_ZONE): string {
  const ms = typeof instant === 'number' ? instant : dayjs(instant).valueOf();
  if (!Number.isFinite(ms)) return 'Invalid Date';
  return new Date(ms + zoneOffsetMinutes(ms, tz) * 60_000).toISOString().slice(0, 10);
}

/** Parses a local wall-clock time without offset (as Tasmota or GB/T 28181 send it) in a zone. */
export function fromLocalTime(wallClock: string, tz: string = DEFAULT_TIME_ZONE): Dayjs {
  const asUtc = dayjs.utc(wallClock).valueOf();
  // Two passes settle the offset also next to a daylight-saving change.
  let offset = zoneOffsetMinutes(asUtc, tz);
  offset = zoneOffsetMinutes(asUtc - offset * 60_000, tz);
  return dayjs(asUtc - offset * 60_000).utcOffset(offset);
}

/** The instant a local day starts, as ISO 8601 with offset. */
export function startOfLocalDay(day: string, tz: string = DEFAULT_TIME_ZONE): string {
  return fromLocalTime(`${day}T00:00:00`, tz).format();
}

/** True for a string that parses as an ISO 8601 instant. */
export function isIsoInstant(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(value) && dayjs(value).isValid();
}

/** How {@link formatLocalTime} writes an instant. */
export type LocalTimeStyle = 'date' | 'time' | 'dateTime' | 'relative';

/** Options of {@link formatLocalTime}. */
export interface LocalTimeOptions {
  /**
   * `date` 2026-03-02 · `time` 00:01 · `dateTime` 2026-03-02 00:01 (the default) · `relative`: 今天 00:01, 昨天 23:59,
   * 3月2日 00:01 (this year), 2025年12月30日 08:00 (another year).
   */
  readonly style?: LocalTimeStyle;
  /** The venue's zone; Asia/Shanghai when absent or unknown. */
  readonly timeZone?: string | undefined;
  /** What `relative` counts days from (now by default). */
  readonly now?: string | number | Date;
}

interface WallClock {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hhmm: string;
  readonly ymd: string;
}

function wallClock(ms: number, tz: string): WallClock {
  const iso = new Date(ms + zoneOffsetMinutes(ms, tz) * 60_000).toISOString();
  return {
    year: Number(iso.slice(0, 4)),
    month: Number(iso.slice(5, 7)),
    day: Number(iso.slice(8, 10)),
    hhmm: iso.slice(11, 16),
    ymd: iso.slice(0, 10),
  };
}

function epochMs(instant: string | number | Date): number {
  return typeof instant === 'number' ? instant : instant instanceof Date ? instant.getTime() : Date.parse(instant);
}

/**
 * THE way an app writes an instant for a person to read: on the venue's wall clock (its zone, Asia/Shanghai by
 * default), never the phone's, so a phone set to UTC still shows the kitchen's day. An unreadable instant reads `—`.
 *
 * @example
 * formatLocalTime('2026-03-01T16:01:00Z') // '2026-03-02 00:01'
 * formatLocalTime('2026-03-01T16:01:00Z', { style: 'relative', now: '2026-03-02T01:00:00Z' }) // '今天 00:01'
 */
export function formatLocalTime(instant: string | number | Date, options: LocalTimeOptions = {}): string {
  const ms = epochMs(instant);
  if (!Number.isFinite(ms)) return '—';
  let tz = options.timeZone || DEFAULT_TIME_ZONE;
  try {
    zoneOffsetMinutes(ms, tz);
  } catch {
    tz = DEFAULT_TIME_ZONE;
  }
  const at = wallClock(ms, tz);
  switch (options.style ?? 'dateTime') {
    case 'date':
      return at.ymd;
    case 'time':
      return at.hhmm;
    case 'dateTime':
      return `${at.ymd} ${at.hhmm}`;
    case 'relative': {
      const nowMs = options.now === undefined ? Date.now() : epochMs(options.now);
      const today = wallClock(nowMs, tz);
      if (at.ymd === today.ymd) return `今天 ${at.hhmm}`;
      if (at.ymd === wallClock(Date.parse(`${today.ymd}T12:00:00Z`) - 86_400_000, 'UTC').ymd) return `昨天 ${at.hhmm}`;
      const monthDay = `${at.month}月${at.day}日 ${at.hhmm}`;
      return at.year === today.year ? monthDay : `${at.year}年${monthDay}`;
    }
  }
}
