/** A registered device (sensor, switch, camera, …) bound to a venue and a location kind. */
import * as v from 'valibot';
import { DEVICE_KINDS, LOCATION_KINDS, VIOLATION_TYPES } from './enums.js';
import { IdSchema, text } from './primitives.js';

/** How ingestion finds the device: its MQTT topic and/or its network or vendor address. */
export const DeviceBindingSchema = v.object({
  topic: v.optional(text(256)),
  address: v.optional(text(256)),
});
/**
 * How ingestion finds the device: its MQTT topic and/or its network or vendor address. Type of {@link
 * DeviceBindingSchema}.
 */
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

/** A registered device (sensor, switch, camera, …) of a venue, with its location kind and binding. */
export const DeviceSchema = v.object({ id: IdSchema, ...deviceEntries });
/** A registered device. Type of {@link DeviceSchema}. */
export type Device = v.InferOutput<typeof DeviceSchema>;

/** A device to register (the server gives the id). */
export const DeviceInputSchema = v.object(deviceEntries);
/** A device to register (the server gives the id). Type of {@link DeviceInputSchema}. */
export type DeviceInput = v.InferOutput<typeof DeviceInputSchema>;

/** What a vendor rule maps to: a violation type, `unknown` (kept as an unknown violation) or `ignore`. */
export const DEVICE_VIOLATION_TARGETS = [...VIOLATION_TYPES, 'unknown', 'ignore'] as const;

/** Vendor rule id or name → violation type (AIOP cameras, Frigate labels, GB/T 28181 `video:6`). */
export const DeviceViolationMapSchema = v.record(
  v.pipe(v.string(), v.minLength(1), v.maxLength(128)),
  v.picklist(DEVICE_VIOLATION_TARGETS),
);
/**
 * Vendor rule id or name → violation type (AIOP cameras, Frigate labels, GB/T 28181 `video:6`). Type of {@link
 * DeviceViolationMapSchema}.
 */
export type DeviceViolationMap = v.InferOutput<typeof DeviceViolationMapSchema>;

/** `POST /v1/venues/{venueId}/devices`: the device (its venue is the path's) and its violation mapping. */
export const DeviceRegistrationSchema = v.object({
  ...v.omit(DeviceInputSchema, ['venueId']).entries,
  violationMap: v.optional(DeviceViolationMapSchema),
});
/**
 * `POST /v1/venues/{venueId}/devices`: the device (its venue is the path's) and its violation mapping. Type of {@link
 * DeviceRegistrationSchema}.
 */
export type DeviceRegistration = v.InferOutput<typeof DeviceRegistrationSchema>;

/** A device as the server answers it: with its violation mapping, when it was registered and, once removed, when. */
export const RegisteredDeviceSchema = v.object({
  ...DeviceSchema.entries,
  violationMap: v.optional(DeviceViolationMapSchema),
  createdAt: v.optional(v.string()),
  /**
   * Set once the venue removed the device (`DELETE /v1/devices/{deviceId}`): its credentials no longer work, its
   * messages are dropped, its binding is free for another device; its readings and alerts stay.
   */
  removedAt: v.optional(v.string()),
});
/**
 * A device as the server answers it: with its violation mapping and when it was registered. Type of {@link
 * RegisteredDeviceSchema}.
 */
export type RegisteredDevice = v.InferOutput<typeof RegisteredDeviceSchema>;

/** `GET /v1/venues/{venueId}/devices` (every device at once: a venue has a handful). */
export const DevicePageSchema = v.object({
  items: v.array(RegisteredDeviceSchema),
  nextCursor: v.nullable(v.string()),
});

/** Where devices and gateways reach the platform's MQTT broker. */
export const MqttEndpointsSchema = v.object({ tcp: v.string(), ws: v.optional(v.string()) });
/** Where devices and gateways reach the platform's MQTT broker. Type of {@link MqttEndpointsSchema}. */
export type MqttEndpoints = v.InferOutput<typeof MqttEndpointsSchema>;

/** The device's own MQTT topics on the embedded broker. */
export const DeviceTopicsSchema = v.object({ publish: v.array(v.string()), subscribe: v.array(v.string()) });
/** The device's own MQTT topics on the embedded broker. Type of {@link DeviceTopicsSchema}. */
export type DeviceTopics = v.InferOutput<typeof DeviceTopicsSchema>;

/** The answer to a registration; `credentials.password` is shown this once and never again. */
export const DeviceRegisteredSchema = v.object({
  device: RegisteredDeviceSchema,
  credentials: v.object({
    /** The device id. */
    username: v.string(),
    password: v.string(),
    /** Absent when the server runs no broker. */
    mqtt: v.optional(MqttEndpointsSchema),
    /** Absent when the binding has no MQTT topic. */
    topics: v.optional(DeviceTopicsSchema),
    /** Path of the Hikvision ISAPI push (HTTP Basic: username + password). */
    isapiPush: v.string(),
  }),
});
/**
 * The answer to a registration; `credentials.password` is shown this once and never again. Type of {@link
 * DeviceRegisteredSchema}.
 */
export type DeviceRegistered = v.InferOutput<typeof DeviceRegisteredSchema>;
