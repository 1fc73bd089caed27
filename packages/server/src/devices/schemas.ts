/** Transport schemas of the device routes. The device shape itself comes from the SDK. */
import * as v from 'valibot';

export { type DeviceRegistration, DeviceRegistrationSchema } from '@brightkitchen/sdk';

const HHMM = v.pipe(v.string(), v.regex(/^([01]\d|2[0-3]):[0-5]\d$/));

export const ScheduleInputSchema = v.object({
  runs: v.pipe(
    v.array(
      v.object({
        time: HHMM,
        durationMin: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1440)),
        days: v.optional(v.array(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(7)))),
      }),
    ),
    v.maxLength(8),
  ),
  channel: v.optional(v.pipe(v.string(), v.regex(/^[1-8]$/))),
});
export type ScheduleInput = v.InferOutput<typeof ScheduleInputSchema>;

export const DeviceParamsSchema = v.object({ deviceId: v.pipe(v.string(), v.minLength(1), v.maxLength(100)) });
export const AlertParamsSchema = v.object({ alertId: v.pipe(v.string(), v.minLength(1), v.maxLength(100)) });
