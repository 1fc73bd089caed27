/** Transport schemas of the gateway and partner pushes; event shapes are the SDK's own. */
import { isIsoInstant, NormalizedEventListSchema, VIOLATION_TYPES } from '@brightkitchen/sdk';
import * as v from 'valibot';

const Id = v.pipe(v.string(), v.minLength(1), v.maxLength(200));
const Text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const Instant = v.pipe(
  v.string(),
  v.check((s) => isIsoInstant(s), 'an ISO 8601 instant with offset'),
);

export { type GatewayInput, GatewayInputSchema } from '@brightkitchen/sdk';

/** `POST /v1/ingest/events`: what an edge gateway's converters produced (device ids: platform or vendor). */
export const EventsBatchSchema = v.object({
  /** Required when a user (not a gateway credential) posts. */
  venueId: v.optional(Id),
  /** The gateway source that read them (`sip`, `onvif`, …). */
  source: v.optional(Text(64)),
  /** The adapter whose device ids the events carry (to find registered devices by binding key). */
  vendor: v.pipe(v.string(), v.minLength(1), v.maxLength(64)),
  receivedAt: v.optional(Instant),
  events: NormalizedEventListSchema,
});
export type EventsBatch = v.InferOutput<typeof EventsBatchSchema>;

export const SNAPSHOT_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export const MAX_SNAPSHOT_BYTES = 2 * 1024 * 1024;

/** `POST /v1/partner/violations` (see examples/partner-video-network/README.md). */
export const PartnerViolationSchema = v.object({
  venueId: Id,
  violation: v.picklist([...VIOLATION_TYPES, 'unknown']),
  time: Instant,
  source: v.pipe(v.string(), v.minLength(1), v.maxLength(64)),
  /** The camera's id as registered at the platform: its binding (GB/T 28181 id, MAC…) or platform id. */
  cameraId: Id,
  cameraName: v.optional(Text(100)),
  confidence: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(1))),
  vendorCode: v.optional(Text(200)),
  description: v.optional(Text(500)),
  /** The partner's own id of the alarm: a resent alarm is recognised by it. */
  externalId: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
  snapshot: v.optional(
    v.object({
      contentType: v.picklist(SNAPSHOT_TYPES),
      dataBase64: v.pipe(v.string(), v.maxLength(Math.ceil((MAX_SNAPSHOT_BYTES * 4) / 3) + 8)),
    }),
  ),
});
export type PartnerViolationInput = v.InferOutput<typeof PartnerViolationSchema>;
