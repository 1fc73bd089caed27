/**
 * `POST /v1/ingest/events`: the normalized events an edge gateway's converters produced next to the devices
 * (GB/T 28181 SIP, ONVIF…), and what the platform answers.
 */
import * as v from 'valibot';
import { NormalizedEventListSchema } from '../adapters/event-schema.js';
import type { NormalizedEvent } from '../adapters/events.js';
import { isIsoInstant } from '../time.js';

const Id = v.pipe(v.string(), v.minLength(1), v.maxLength(200));

// Read-only in the inferred type, so a source's `readonly NormalizedEvent[]` is sent as it is.
const EventsSchema: v.GenericSchema<unknown, readonly NormalizedEvent[]> = NormalizedEventListSchema;

/** Device ids are the platform's or the vendor's (its binding key). */
export const GatewayEventsBatchSchema = v.object({
  /** Required when a user (not a gateway credential) posts. */
  venueId: v.optional(Id),
  /** The gateway source that read them (`sip`, `onvif`, …). */
  source: v.optional(v.pipe(v.string(), v.maxLength(64))),
  /** The adapter whose device ids the events carry (to find registered devices by binding key). */
  vendor: v.pipe(v.string(), v.minLength(1), v.maxLength(64)),
  receivedAt: v.optional(
    v.pipe(
      v.string(),
      v.check((s) => isIsoInstant(s), 'an ISO 8601 instant with offset'),
    ),
  ),
  events: EventsSchema,
});
/** Device ids are the platform's or the vendor's (its binding key). Type of {@link GatewayEventsBatchSchema}. */
export type GatewayEventsBatch = v.InferOutput<typeof GatewayEventsBatchSchema>;

/** 201 when applied, 200 with the first answer for a retry under the same `Idempotency-Key`. */
export const GatewayEventsAnswerSchema = v.object({
  venueId: v.string(),
  /** Events of registered devices, applied. */
  accepted: v.pipe(v.number(), v.integer(), v.minValue(0)),
  /** Events of devices the platform does not know, counted and dropped. */
  dropped: v.pipe(v.number(), v.integer(), v.minValue(0)),
});
/**
 * 201 when applied, 200 with the first answer for a retry under the same `Idempotency-Key`. Type of {@link
 * GatewayEventsAnswerSchema}.
 */
export type GatewayEventsAnswer = v.InferOutput<typeof GatewayEventsAnswerSchema>;
