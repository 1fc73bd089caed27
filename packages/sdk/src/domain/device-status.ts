/** A device as the venue sees it live: online or not, last reading per metric, conversion failures, its schedule. */
import * as v from 'valibot';
import { ScheduledRunSchema } from '../contract/schedule.js';
import { RegisteredDeviceSchema } from './device.js';

/** The last value of one metric, e.g. `temperature` 3.6 °C. */
export const LastReadingSchema = v.object({ value: v.number(), unit: v.string(), time: v.string() });
/** The last value of one metric, e.g. `temperature` 3.6 °C. Type of {@link LastReadingSchema}. */
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
/** `online` and `lastSeenAt` are null until the device was ever heard of. Type of {@link DeviceStatusSchema}. */
export type DeviceStatus = v.InferOutput<typeof DeviceStatusSchema>;

/** One preset run of a UV lamp or disinfection cabinet (the schedule's definition and limits: contract/schedule.ts). */
export { ScheduledRunSchema };

/** The preset runs a device keeps, and when they were last set. */
export const DeviceScheduleSchema = v.object({ runs: v.array(ScheduledRunSchema), updatedAt: v.string() });
/** The preset runs a device keeps, and when they were last set. Type of {@link DeviceScheduleSchema}. */
export type DeviceSchedule = v.InferOutput<typeof DeviceScheduleSchema>;

/** `GET /v1/devices/{deviceId}`. */
export const DeviceDetailSchema = v.object({
  device: RegisteredDeviceSchema,
  status: DeviceStatusSchema,
  schedule: v.optional(DeviceScheduleSchema),
});
/** `GET /v1/devices/{deviceId}`. Type of {@link DeviceDetailSchema}. */
export type DeviceDetail = v.InferOutput<typeof DeviceDetailSchema>;

/** `POST /v1/devices/{deviceId}/schedule`: the runs kept and the vendor commands published to the device. */
export const DeviceScheduleSetSchema = v.object({
  deviceId: v.string(),
  runs: v.array(ScheduledRunSchema),
  updatedAt: v.string(),
  commands: v.array(v.object({ topic: v.string(), payload: v.string() })),
});
/**
 * `POST /v1/devices/{deviceId}/schedule`: the runs kept and the vendor commands published to the device. Type of
 * {@link DeviceScheduleSetSchema}.
 */
export type DeviceScheduleSet = v.InferOutput<typeof DeviceScheduleSetSchema>;
