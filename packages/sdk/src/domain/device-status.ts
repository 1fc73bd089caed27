/** A device as the venue sees it live: online or not, last reading per metric, conversion failures, its schedule. */
import * as v from 'valibot';
import { RegisteredDeviceSchema } from './device.js';

/** The last value of one metric, e.g. `temperature` 3.6 °C. */
export const LastReadingSchema = v.object({ value: v.number(), unit: v.string(), time: v.string() });
export type LastReading = v.InferOutput<typeof LastReadingSchema>;

/** `online` and `lastSeenAt` are null until the device was ever heard of. */
export const DeviceStatusSchema = v.object({
  online: v.nullable(v.boolean()),
  lastSeenAt: v.nullable(v.string()),
  readings: v.record(v.string(), LastReadingSchema),
  /** Conversion failures per rejection code. */
  failures: v.record(v.string(), v.number()),
  failureCount: v.number(),
  lastFailure: v.nullable(v.object({ at: v.string(), code: v.string(), details: v.optional(v.unknown()) })),
});
export type DeviceStatus = v.InferOutput<typeof DeviceStatusSchema>;

/** One preset run of a UV lamp or disinfection cabinet: local `hh:mm`, minutes, ISO weekdays (default every day). */
export const ScheduledRunSchema = v.object({
  time: v.pipe(v.string(), v.regex(/^([01]\d|2[0-3]):[0-5]\d$/)),
  durationMin: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1440)),
  days: v.optional(v.array(v.picklist([1, 2, 3, 4, 5, 6, 7]))),
});

/** The preset runs a device keeps, and when they were last set. */
export const DeviceScheduleSchema = v.object({ runs: v.array(ScheduledRunSchema), updatedAt: v.string() });
export type DeviceSchedule = v.InferOutput<typeof DeviceScheduleSchema>;

/** `GET /v1/devices/{deviceId}`. */
export const DeviceDetailSchema = v.object({
  device: RegisteredDeviceSchema,
  status: DeviceStatusSchema,
  schedule: v.optional(DeviceScheduleSchema),
});
export type DeviceDetail = v.InferOutput<typeof DeviceDetailSchema>;

/** `POST /v1/devices/{deviceId}/schedule`: the runs kept and the vendor commands published to the device. */
export const DeviceScheduleSetSchema = v.object({
  deviceId: v.string(),
  runs: v.array(ScheduledRunSchema),
  updatedAt: v.string(),
  commands: v.array(v.object({ topic: v.string(), payload: v.string() })),
});
export type DeviceScheduleSet = v.InferOutput<typeof DeviceScheduleSetSchema>;
