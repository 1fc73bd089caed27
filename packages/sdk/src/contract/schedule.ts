/**
 * The disinfection schedule of a UV lamp or cabinet: its preset runs and their limits. One definition for the
 * server's route, the device adapters' encoders (`scheduleIssue`) and the mini-program's schedule form.
 */
import * as v from 'valibot';

/** ISO weekdays: 1 Monday … 7 Sunday. */
export const ISO_WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
export type IsoWeekday = (typeof ISO_WEEKDAYS)[number];

/** What a schedule may hold. */
export const SCHEDULE_LIMITS = {
  /** Runs kept per device: a Tasmota plug has 16 timers, two per run. */
  maxRuns: 8,
  /** A run lasts at least a minute… */
  minDurationMin: 1,
  /** …and at most a day. */
  maxDurationMin: 1440,
} as const;

/** A local time of day `hh:mm` (24 h). */
export const TIME_OF_DAY = /^([01]\d|2[0-3]):([0-5]\d)$/;

// Lists are read-only in the inferred types, so constants such as `ALL_WEEKDAYS` pass as they are.
const WeekdaysSchema: v.GenericSchema<unknown, readonly IsoWeekday[]> = v.array(v.picklist(ISO_WEEKDAYS));

/** One preset run, e.g. the UV lamp on at 22:30 for 30 minutes; `days` absent means every day. */
export const ScheduledRunSchema = v.object({
  /** Local time in the venue's zone, `hh:mm`. */
  time: v.pipe(v.string(), v.regex(TIME_OF_DAY)),
  durationMin: v.pipe(
    v.number(),
    v.integer(),
    v.minValue(SCHEDULE_LIMITS.minDurationMin),
    v.maxValue(SCHEDULE_LIMITS.maxDurationMin),
  ),
  days: v.optional(WeekdaysSchema),
});
export type ScheduledRun = v.InferOutput<typeof ScheduledRunSchema>;

/** The relay channel (`1`–`8`) of a multi-channel switch. */
export const ScheduleChannelSchema = v.pipe(v.string(), v.regex(/^[1-8]$/));

/** Body of `POST /v1/devices/{deviceId}/schedule`: the runs replace the device's schedule. */
const RunsSchema: v.GenericSchema<unknown, readonly ScheduledRun[]> = v.pipe(
  v.array(ScheduledRunSchema),
  v.maxLength(SCHEDULE_LIMITS.maxRuns),
);

/** Body of a device schedule change: the preset runs and, for a multi-channel switch, the channel. */
export const DeviceScheduleInputSchema = v.object({
  runs: RunsSchema,
  channel: v.optional(ScheduleChannelSchema),
});
/** Type of {@link DeviceScheduleInputSchema}. */
export type DeviceScheduleInput = v.InferOutput<typeof DeviceScheduleInputSchema>;
