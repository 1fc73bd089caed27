/**
 * Day boundaries and local times in a venue's time zone (Asia/Shanghai by default).
 * All instants travel as ISO 8601 strings with an offset; these helpers read them in a zone.
 */
import dayjs, { type Dayjs } from 'dayjs';
import timezone from 'dayjs/plugin/timezone.js';
import utc from 'dayjs/plugin/utc.js';

dayjs.extend(utc);
dayjs.extend(timezone);

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/** An instant seen in a time zone. Accepts ISO strings, epoch milliseconds or Dates. */
export function inZone(instant: string | number | Date, tz: string = DEFAULT_TIME_ZONE): Dayjs {
  return dayjs(instant).tz(tz);
}

/** The local calendar day (`YYYY-MM-DD`) of an instant in a time zone. */
export function localDay(instant: string | number | Date, tz: string = DEFAULT_TIME_ZONE): string {
  return inZone(instant, tz).format('YYYY-MM-DD');
}

/** The instant a local day starts, as ISO 8601 with offset. */
export function startOfLocalDay(day: string, tz: string = DEFAULT_TIME_ZONE): string {
  return dayjs.tz(`${day}T00:00:00`, tz).format();
}

/** Parses a local wall-clock time without offset (as Tasmota or GB/T 28181 send it) in a zone. */
export function fromLocalTime(wallClock: string, tz: string = DEFAULT_TIME_ZONE): Dayjs {
  return dayjs.tz(wallClock, tz);
}

/** True for a string that parses as an ISO 8601 instant. */
export function isIsoInstant(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(value) && dayjs(value).isValid();
}
