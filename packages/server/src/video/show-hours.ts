/** Whether a public channel is shown now: its hours (or the default) against the venue's local clock. */
import { DEFAULT_SHOW_HOURS, inZone, type ShowHours } from '@brightkitchen/sdk';

export function showHoursOf(hours: readonly ShowHours[] | undefined): readonly ShowHours[] {
  return hours ?? DEFAULT_SHOW_HOURS;
}

export function withinHours(hours: readonly ShowHours[] | undefined, at: Date, timeZone: string): boolean {
  const local = inZone(at, timeZone).format('HH:mm');
  return showHoursOf(hours).some((h) =>
    h.from <= h.to ? local >= h.from && local < h.to : local >= h.from || local < h.to,
  );
}
