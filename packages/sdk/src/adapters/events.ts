/**
 * Normalized events: what every vendor converter yields, whatever the wire format.
 * Instants are ISO 8601 with an offset (the venue's zone); ids are the vendor's own device ids,
 * which the platform's device registry maps to registered devices.
 */
import type { ViolationType } from '../domain/enums.js';

/** Small scalar extras a converter keeps from the vendor message (event ids, zones, employee numbers…). */
export type EventDetails = Readonly<Record<string, string | number | boolean | null>>;

/** Whether an event starts, updates or ends a condition (Hikvision active/inactive, Frigate new/update/end). */
export type EventPhase = 'start' | 'update' | 'end';

interface EventBase {
  /** ISO 8601 with offset. */
  readonly time: string;
  /** The vendor-side identity of the device: MAC, GB/T 28181 id, MQTT friendly name, Tasmota topic… */
  readonly deviceId: string;
  /** A sub-unit of the device: sensor probe, relay, NVR channel. */
  readonly channel?: string;
  readonly details?: EventDetails;
}

/** A measurement, e.g. `temperature` 3.4 `°C`. */
export interface ReadingEvent extends EventBase {
  readonly type: 'reading';
  /** snake_case, see `METRIC_UNITS` for the known ones. */
  readonly metric: string;
  readonly value: number;
  readonly unit: string;
}

/** A relay / plug state, with the power drawn when the device measures it. */
export interface SwitchEvent extends EventBase {
  readonly type: 'switch';
  readonly on: boolean;
  readonly powerW?: number;
}

/** The device (or one of its channels) came online or went offline. */
export interface AvailabilityEvent extends EventBase {
  readonly type: 'availability';
  readonly online: boolean;
}

/** An AI-recognised violation (REGULATIONS.md), or `unknown` with the vendor's code. */
export interface ViolationEvent extends EventBase {
  readonly type: 'violation';
  readonly violation: ViolationType | 'unknown';
  readonly vendorCode?: string;
  /** 0–1. */
  readonly confidence?: number;
  /** The camera that saw it (for cameras, the same as `deviceId`). */
  readonly cameraId: string;
  /** A reference to the snapshot: `cid:<id>` for an attachment of the raw message, or a URL / vendor path. */
  readonly snapshotRef?: string;
  readonly phase?: EventPhase;
  /** The vendor's event id, to merge updates of one event. */
  readonly eventId?: string;
}

/** A generic device alarm that is no violation: motion, tamper, video loss, disk full… */
export interface AlarmEvent extends EventBase {
  readonly type: 'alarm';
  /** Vendor-prefixed, lower case, e.g. `hikvision.fielddetection`, `gb28181.video.intrusion`. */
  readonly code: string;
  readonly description: string;
  readonly level?: 'info' | 'warning' | 'critical';
  readonly phase?: EventPhase;
  readonly snapshotRef?: string;
  readonly eventId?: string;
}

/**
 * What a converter yields, whatever the vendor: a reading, a switch state, availability, a violation or an alarm. Narrow on `type`.
 */
export type NormalizedEvent = ReadingEvent | SwitchEvent | AvailabilityEvent | ViolationEvent | AlarmEvent;
/** The `type` of a {@link NormalizedEvent}. */
export type NormalizedEventType = NormalizedEvent['type'];

/** Every {@link NormalizedEventType}. */
export const NORMALIZED_EVENT_TYPES = ['reading', 'switch', 'availability', 'violation', 'alarm'] as const;
