/**
 * Normalized events as a valibot schema, for what crosses a wire: an edge gateway posting the events
 * its converters produced (`POST /v1/ingest/events`). The output type is exactly `NormalizedEvent`.
 */
import * as v from 'valibot';
import { VIOLATION_TYPES } from '../domain/enums.js';
import { isIsoInstant } from '../time.js';
import type { NormalizedEvent } from './events.js';

const Id = v.pipe(v.string(), v.minLength(1), v.maxLength(200));
const Short = v.pipe(v.string(), v.maxLength(500));
const Time = v.pipe(
  v.string(),
  v.check((s) => isIsoInstant(s), 'time must be ISO 8601 with an offset'),
);
const Phase = v.picklist(['start', 'update', 'end']);
const Details = v.pipe(
  v.record(v.pipe(v.string(), v.maxLength(100)), v.nullable(v.union([v.string(), v.number(), v.boolean()]))),
  v.check((d) => Object.keys(d).length <= 50, 'at most 50 details'),
);
const FiniteNumber = v.pipe(v.number(), v.finite());

const base = {
  time: Time,
  deviceId: Id,
  channel: v.optional(Id),
  details: v.optional(Details),
};

/** One normalized event as a valibot schema, for events that cross a wire (a gateway's posts). */
export const NormalizedEventSchema = v.variant('type', [
  v.strictObject({
    type: v.literal('reading'),
    ...base,
    metric: v.pipe(v.string(), v.regex(/^[a-z][a-z0-9_]{0,63}$/)),
    value: FiniteNumber,
    unit: v.pipe(v.string(), v.maxLength(16)),
  }),
  v.strictObject({ type: v.literal('switch'), ...base, on: v.boolean(), powerW: v.optional(FiniteNumber) }),
  v.strictObject({ type: v.literal('availability'), ...base, online: v.boolean() }),
  v.strictObject({
    type: v.literal('violation'),
    ...base,
    violation: v.picklist([...VIOLATION_TYPES, 'unknown']),
    vendorCode: v.optional(Short),
    confidence: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(1))),
    cameraId: Id,
    snapshotRef: v.optional(v.pipe(v.string(), v.maxLength(2000))),
    phase: v.optional(Phase),
    eventId: v.optional(Id),
  }),
  v.strictObject({
    type: v.literal('alarm'),
    ...base,
    code: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
    description: Short,
    level: v.optional(v.picklist(['info', 'warning', 'critical'])),
    phase: v.optional(Phase),
    snapshotRef: v.optional(v.pipe(v.string(), v.maxLength(2000))),
    eventId: v.optional(Id),
  }),
]) satisfies v.GenericSchema<unknown, NormalizedEvent>;

/** At most this many events in one posted batch. */
export const MAX_EVENTS_PER_BATCH = 500;

/** A batch of normalized events: 1 to {@link MAX_EVENTS_PER_BATCH}. */
export const NormalizedEventListSchema = v.pipe(
  v.array(NormalizedEventSchema),
  v.minLength(1),
  v.maxLength(MAX_EVENTS_PER_BATCH),
);
