/** Devices: how many report in, and venues whose required sensors are silent or missing. */
import * as v from 'valibot';
import { LOCATION_KINDS } from '../domain/enums.js';
import { IdSchema, InstantSchema } from '../domain/primitives.js';
import { RegionRefSchema, VenueRefSchema } from './query.js';

/** What a venue with devices must have: a camera, and a thermometer in its fridge. */
export const REQUIRED_DEVICES = [
  { code: 'camera', label: { zh: 'AI 摄像头', en: 'AI camera' } },
  { code: 'fridge_sensor', label: { zh: '冷藏温度传感器', en: 'Fridge thermometer' } },
] as const;
/** One of the codes of {@link REQUIRED_DEVICES}. */
export type RequiredDeviceCode = (typeof REQUIRED_DEVICES)[number]['code'];

/** A device that has not reported for longer than its silence limit. */
export const SilentDeviceSchema = v.object({
  deviceId: IdSchema,
  name: v.string(),
  kind: v.string(),
  locationKind: v.picklist(LOCATION_KINDS),
  lastSeenAt: v.nullable(InstantSchema),
});

/** `GET /v1/warehouse/devices`. */
export const DevicesReportSchema = v.object({
  devices: v.number(),
  online: v.number(),
  rate: v.number(),
  /** Venues with at least one device. */
  equippedVenues: v.number(),
  byDistrict: v.array(v.object({ ...RegionRefSchema.entries, devices: v.number(), online: v.number() })),
  /** Equipped venues with a silent device or a required one missing, worst first. */
  venues: v.array(
    v.object({
      ...VenueRefSchema.entries,
      silent: v.array(SilentDeviceSchema),
      missing: v.array(v.picklist(REQUIRED_DEVICES.map((d) => d.code))),
    }),
  ),
});
/** Type of {@link DevicesReportSchema}. */
export type DevicesReport = v.InferOutput<typeof DevicesReportSchema>;
