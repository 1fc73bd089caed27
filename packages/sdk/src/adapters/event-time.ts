/** Vendor time stamps → ISO 8601 with the venue's offset. */
import { DEFAULT_TIME_ZONE, fromLocalTime, inZone, zoneOffsetMinutes } from '../time.js';

const DATE_TIME =
  '(\\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])[T ]([01]\\d|2[0-3]):[0-5]\\d(:[0-5]\\d(\\.\\d{1,9})?)?';
const WITH_OFFSET = new RegExp(`^${DATE_TIME}(Z|[+-](0\\d|1[0-4]):?[0-5]\\d)$`, 'i');
const WALL_CLOCK = new RegExp(`^${DATE_TIME}$`);

/** Rejects dates like 02-30 that the calendar would silently roll over. */
function realDay(match: RegExpExecArray): boolean {
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return new Date(Date.UTC(year, month - 1, day)).getUTCDate() === day;
}

/** The latest instant accepted (year 9999); later or negative epochs are no time at all. */
const MAX_EPOCH_MS = 253402300799000;

/** Instants whose local time in any zone has a four-digit year: formatted without dayjs (hot path). */
const FAST_MIN_MS = Date.UTC(1000, 0, 2);
const FAST_MAX_MS = Date.UTC(9999, 11, 30);

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** `YYYY-MM-DDTHH:mm:ss[.SSS]±HH:mm` of an instant at a UTC offset, as dayjs's `format()` writes it. */
function isoAtOffset(ms: number, offsetMinutes: number): string {
  const local = new Date(ms + offsetMinutes * 60_000).toISOString();
  const wholeSecond = local.endsWith('.000Z');
  // dayjs writes UTC as `Z` in its default format (whole seconds) and as `+00:00` with milliseconds.
  if (offsetMinutes === 0 && wholeSecond) return `${local.slice(0, 19)}Z`;
  const abs = Math.abs(offsetMinutes);
  const zone = `${offsetMinutes < 0 ? '-' : '+'}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`;
  return `${local.slice(0, wholeSecond ? 19 : 23)}${zone}`;
}

function format(instant: {
  millisecond(): number;
  format(template?: string): string;
  isValid(): boolean;
  valueOf(): number;
  utcOffset(): number;
}) {
  if (!instant.isValid()) return undefined;
  const ms = instant.valueOf();
  if (ms >= FAST_MIN_MS && ms <= FAST_MAX_MS) return isoAtOffset(ms, instant.utcOffset());
  return instant.millisecond() === 0 ? instant.format() : instant.format('YYYY-MM-DDTHH:mm:ss.SSSZ');
}

/** An instant in a zone, formatted; the same as `format(inZone(ms, timeZone))`. */
function formatInZone(ms: number, timeZone: string): string | undefined {
  if (ms < FAST_MIN_MS || ms > FAST_MAX_MS) return format(inZone(ms, timeZone));
  const offset = zoneOffsetMinutes(ms, timeZone);
  // dayjs reads an offset of 1 to 16 (old local mean times) as hours: leave those to it.
  return offset !== 0 && Math.abs(offset) <= 16 ? format(inZone(ms, timeZone)) : isoAtOffset(ms, offset);
}

/**
 * Reads an epoch (seconds, or milliseconds when ≥ 1e11), an ISO instant with offset, or a local wall-clock
 * time without offset (read in `timeZone`). Returns ISO 8601 with the zone's offset, or undefined.
 */
export function eventTime(value: unknown, timeZone: string = DEFAULT_TIME_ZONE): string | undefined {
  if (typeof value !== 'string') return readTime(value, timeZone);
  // Messages received in the same millisecond share their receive time: the last answer is kept.
  if (last?.value === value && last.timeZone === timeZone) return last.result;
  const result = readTime(value, timeZone);
  last = { value, timeZone, result };
  return result;
}

let last: { readonly value: string; readonly timeZone: string; readonly result: string | undefined } | undefined;

function readTime(value: unknown, timeZone: string): string | undefined {
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value <= 0) return undefined;
    const ms = value >= 1e11 ? value : value * 1000;
    if (ms > MAX_EPOCH_MS) return undefined;
    return formatInZone(Math.round(ms), timeZone);
  }
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  const withOffset = WITH_OFFSET.exec(text);
  if (withOffset) {
    if (!realDay(withOffset)) return undefined;
    // dayjs reads an ISO text with an offset through `new Date`, as here.
    const ms = new Date(text.replace(' ', 'T')).valueOf();
    return Number.isNaN(ms) ? undefined : formatInZone(ms, timeZone);
  }
  const wallClock = WALL_CLOCK.exec(text);
  if (wallClock) return realDay(wallClock) ? format(fromLocalTime(text.replace(' ', 'T'), timeZone)) : undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return readTime(Number(text), timeZone);
  return undefined;
}
