/**
 * Local day and hour of stored instants, fast enough for a year of alerts: the zone's offset is looked up once
 * per zone and hour of the epoch (zones with summer time stay right; China has none).
 */
import { zoneOffsetMinutes } from '@brightkitchen/sdk';

const HOUR_MS = 3_600_000;

export class LocalClock {
  readonly #offsets = new Map<string, number>();

  #offset(epochMs: number, tz: string): number {
    const key = `${tz}|${Math.floor(epochMs / HOUR_MS)}`;
    let offset = this.#offsets.get(key);
    if (offset === undefined) {
      offset = zoneOffsetMinutes(epochMs, tz) * 60_000;
      this.#offsets.set(key, offset);
    }
    return offset;
  }

  /** `YYYY-MM-DDTHH` on the zone's clock. */
  dayHour(instant: string, tz: string): { day: string; hour: number } {
    const ms = Date.parse(instant);
    const local = new Date(ms + this.#offset(ms, tz)).toISOString();
    return { day: local.slice(0, 10), hour: Number(local.slice(11, 13)) };
  }
}
