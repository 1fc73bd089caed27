/** Path parameters of the device routes. Bodies and answers are the SDK's (the schedule: `DeviceScheduleInputSchema`). */
import * as v from 'valibot';

export { type DeviceRegistration, DeviceRegistrationSchema } from '@brightkitchen/sdk';

export const DeviceParamsSchema = v.object({ deviceId: v.pipe(v.string(), v.minLength(1), v.maxLength(100)) });
export const AlertParamsSchema = v.object({ alertId: v.pipe(v.string(), v.minLength(1), v.maxLength(100)) });
