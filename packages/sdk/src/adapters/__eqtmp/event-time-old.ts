/** Vendor time stamps → ISO 8601 with the venue's offset. */
import { DEFAULT_TIME_ZONE, fromLocalTime, inZone } from '/work/main/packages/sdk/src/time.ts';

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

function format(instant: { millisecond(): number; format(template?: string): string; isValid(): boolean }) {
  if (!instant.isValid()) return undefined;
  return instant.millisecond() === 0 ? instant.format() : instant.format('YYYY-MM-DDTHH:mm:ss.SSSZ');
}

/**
 * Reads an epoch (seconds, or milliseconds when ≥ 1e11), an ISO instant with offset, or a local wall-clock
 * time without offset (read in `timeZone`). Returns ISO 8601 with the zone's offset, or undefined.
 */
export function eventTime(value: unknown, timeZone: string = DEFAULT_TIME_ZONE): string | undefined {
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value <= 0) return undefined;
    const ms = value >= 1e11 ? value : value * 1000;
    if (ms > MAX_EPOCH_MS) return undefined;
    return format(inZone(Math.round(ms), timeZone));
  }
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  const withOffset = WITH_OFFSET.exec(text);
  if (withOffset) return realDay(withOffset) ? format(inZone(text.replace(' ', 'T'), timeZone)) : undefined;
  const wallClock = WALL_CLOCK.exec(text);
  if (wallClock) return realDay(wallClock) ? format(fromLocalTime(text.replace(' ', 'T'), timeZone)) : undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return eventTime(Number(text), timeZone);
  return undefined;
}
