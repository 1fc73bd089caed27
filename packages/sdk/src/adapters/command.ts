/** Platform commands to controllable devices (plugs, relays) and what an encoder returns. */
import {
  ISO_WEEKDAYS,
  type IsoWeekday,
  SCHEDULE_LIMITS,
  type ScheduledRun,
  TIME_OF_DAY,
} from '../contract/schedule.js';
import type { AdapterRejection, AdapterRejectionCode, RejectionDetails } from './rejection.js';
import { rejection } from './rejection.js';

export type { IsoWeekday, ScheduledRun };

export type DeviceCommand =
  | { readonly type: 'power'; readonly on: boolean; readonly channel?: string }
  | { readonly type: 'schedule'; readonly runs: readonly ScheduledRun[]; readonly channel?: string };

/** Which device the command goes to: the vendor-side id the converters emit (e.g. the Tasmota topic). */
export interface CommandTarget {
  readonly deviceId: string;
}

/** One message to send, e.g. MQTT `cmnd/uv_lamp_1/Timer1` with a JSON payload. */
export interface EncodedMessage {
  readonly topic: string;
  readonly payload: string;
}

export type EncodeResult =
  | { readonly ok: true; readonly messages: readonly EncodedMessage[] }
  | { readonly ok: false; readonly rejection: AdapterRejection };

/**
 * A command encoded as the messages to send.
 * @example return encoded([{ topic: `cmnd/${target.deviceId}/POWER`, payload: 'ON' }]);
 */
export function encoded(messages: readonly EncodedMessage[]): EncodeResult {
  return { ok: true, messages };
}

/**
 * A command the device cannot carry out, with the reason.
 * @example return encodeRejected('ADAPTER_UNSUPPORTED_COMMAND', { command: command.type });
 */
export function encodeRejected(code: AdapterRejectionCode, details?: RejectionDetails): EncodeResult {
  return { ok: false, rejection: rejection(code, details) };
}

/** Every ISO weekday (1 Monday … 7 Sunday): a schedule run without `days` repeats on these. */
export const ALL_WEEKDAYS: readonly IsoWeekday[] = ISO_WEEKDAYS;

/** Minutes after midnight for `hh:mm`, or undefined when it is no valid time of day. */
export function minutesOfDay(time: string): number | undefined {
  const match = TIME_OF_DAY.exec(time);
  if (!match) return undefined;
  return Number(match[1]) * 60 + Number(match[2]);
}

/** `hh:mm` for minutes after midnight (wrapping past 24 h). */
export function timeOfDay(minutes: number): string {
  const m = ((minutes % 1440) + 1440) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/** The first problem of a schedule (bad time, duration outside 1 min–24 h, bad weekday), or undefined. */
export function scheduleIssue(runs: readonly ScheduledRun[]): RejectionDetails | undefined {
  const { minDurationMin, maxDurationMin } = SCHEDULE_LIMITS;
  for (const [index, run] of runs.entries()) {
    if (minutesOfDay(run.time) === undefined) return { field: `runs.${index}.time`, value: String(run.time) };
    if (!Number.isInteger(run.durationMin) || run.durationMin < minDurationMin || run.durationMin > maxDurationMin) {
      return { field: `runs.${index}.durationMin`, value: run.durationMin };
    }
    for (const day of run.days ?? ALL_WEEKDAYS) {
      if (!Number.isInteger(day) || day < 1 || day > 7) return { field: `runs.${index}.days`, value: day };
    }
  }
  return undefined;
}
