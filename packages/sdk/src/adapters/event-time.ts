/** Vendor time stamps → ISO 8601 with the venue's offset. */
import { DEFAULT_TIME_ZONE, fromLocalTime, inZone } from '../time.js';

const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;
const WALL_CLOCK = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/;

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
  if (WITH_OFFSET.test(text)) return format(inZone(text.replace(' ', 'T'), timeZone));
  if (WALL_CLOCK.test(text)) return format(fromLocalTime(text.replace(' ', 'T'), timeZone));
  if (/^\d+(\.\d+)?$/.test(text)) return eventTime(Number(text), timeZone);
  return undefined;
}
