/** A registered device (sensor, switch, camera, …) bound to a venue and a location kind. */
import * as v from 'valibot';
import { DEVICE_KINDS, LOCATION_KINDS } from './enums.js';
import { IdSchema, text } from './primitives.js';

/** How ingestion finds the device: its MQTT topic and/or its network or vendor address. */
export const DeviceBindingSchema = v.object({
  topic: v.optional(text(256)),
  address: v.optional(text(256)),
});
export type DeviceBinding = v.InferOutput<typeof DeviceBindingSchema>;

const deviceEntries = {
  venueId: IdSchema,
  kind: v.picklist(DEVICE_KINDS),
  /** The adapter that converts its messages, e.g. `zigbee2mqtt`, `tasmota`, `hikvision`. */
  vendor: text(64),
  model: v.optional(text(64)),
  locationKind: v.picklist(LOCATION_KINDS),
  name: text(100),
  binding: DeviceBindingSchema,
};

export const DeviceSchema = v.object({ id: IdSchema, ...deviceEntries });
export type Device = v.InferOutput<typeof DeviceSchema>;

/** A device to register (the server gives the id). */
export const DeviceInputSchema = v.object(deviceEntries);
export type DeviceInput = v.InferOutput<typeof DeviceInputSchema>;
