/** Device clocks: Tasmota and GB/T 28181 devices write local time without an offset. */

/** `YYYY-MM-DDTHH:mm:ss` in a fixed UTC offset (minutes; 480 for China). */
export function localTimeText(epochMs: number, utcOffsetMinutes: number): string {
  return new Date(epochMs + utcOffsetMinutes * 60_000).toISOString().slice(0, 19);
}

/** ISO 8601 with the offset, e.g. `2024-05-01T12:34:56+08:00`. */
export function offsetTimeText(epochMs: number, utcOffsetMinutes: number): string {
  const sign = utcOffsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(utcOffsetMinutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${localTimeText(epochMs, utcOffsetMinutes)}${sign}${hh}:${mm}`;
}

/** Minutes after local midnight and the ISO weekday (1 Monday … 7 Sunday) at that instant. */
export function localClock(epochMs: number, utcOffsetMinutes: number): { minutes: number; weekday: number } {
  const local = new Date(epochMs + utcOffsetMinutes * 60_000);
  const day = local.getUTCDay();
  return { minutes: local.getUTCHours() * 60 + local.getUTCMinutes(), weekday: day === 0 ? 7 : day };
}
