/**
 * When the preset runs of a UV lamp or cabinet (`hh:mm` in the venue's zone, ISO weekdays) fall due
 * for checking: each occurrence is checked once its start plus the grace has passed. Pure.
 */
import { fromLocalTime, type IsoWeekday, localDay, type ScheduledRun } from '@brightkitchen/sdk';

const DAY = 86_400_000;
/** After a long stop, occurrences older than this are not judged any more. */
export const MAX_LOOKBACK_MS = DAY;

export interface Occurrence {
  readonly run: ScheduledRun;
  /** Epoch ms of the scheduled start. */
  readonly startsAt: number;
}

function isoWeekday(day: string): IsoWeekday {
  const d = new Date(`${day}T00:00:00Z`).getUTCDay();
  return (d === 0 ? 7 : d) as IsoWeekday;
}

function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + DAY).toISOString().slice(0, 10);
}

/**
 * The occurrences whose check time (`startsAt + graceMs`) is in `(from, to]`, that start at or after
 * `notBefore` (the schedule's own time: a run set after its start is not judged), oldest first.
 */
export function dueOccurrences(
  runs: readonly ScheduledRun[],
  timeZone: string,
  window: { readonly from: number; readonly to: number; readonly notBefore: number },
  graceMs: number,
): Occurrence[] {
  const from = Math.max(window.from, window.to - MAX_LOOKBACK_MS);
  if (!(window.to > from) || runs.length === 0) return [];
  const out: Occurrence[] = [];
  const last = localDay(window.to, timeZone);
  for (let day = localDay(from - graceMs - DAY, timeZone); day <= last; day = nextDay(day)) {
    const weekday = isoWeekday(day);
    for (const run of runs) {
      if (run.days && !run.days.includes(weekday)) continue;
      const startsAt = fromLocalTime(`${day}T${run.time}:00`, timeZone).valueOf();
      const checkAt = startsAt + graceMs;
      if (checkAt > from && checkAt <= window.to && startsAt >= window.notBefore) out.push({ run, startsAt });
    }
  }
  return out.sort((a, b) => a.startsAt - b.startsAt);
}
