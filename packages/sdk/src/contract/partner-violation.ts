/**
 * `POST /v1/partner/violations`: a partner's video network (partner key, signed) pushes an AI violation it saw in a
 * kitchen, and what the platform answers (see examples/partner-video-network).
 */
import * as v from 'valibot';
import { VIOLATION_TYPES } from '../domain/enums.js';
import { isIsoInstant } from '../time.js';

const Id = v.pipe(v.string(), v.minLength(1), v.maxLength(200));
const Text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const Instant = v.pipe(
  v.string(),
  v.check((s) => isIsoInstant(s), 'an ISO 8601 instant with offset'),
);

/** Image types a snapshot may have (checked against its bytes). */
export const PARTNER_SNAPSHOT_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
/** Largest snapshot: 2 MiB. */
export const PARTNER_SNAPSHOT_MAX_BYTES = 2 * 1024 * 1024;

/** A violation a partner's video platform reports for a registered camera, with an optional snapshot. */
export const PartnerViolationSchema = v.object({
  venueId: Id,
  violation: v.picklist([...VIOLATION_TYPES, 'unknown']),
  time: Instant,
  /** The partner's system that saw it, e.g. `gb28181`. */
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
      contentType: v.picklist(PARTNER_SNAPSHOT_TYPES),
      dataBase64: v.pipe(v.string(), v.maxLength(Math.ceil((PARTNER_SNAPSHOT_MAX_BYTES * 4) / 3) + 8)),
    }),
  ),
});
/** Type of {@link PartnerViolationSchema}. */
export type PartnerViolation = v.InferOutput<typeof PartnerViolationSchema>;

/** The answer: 201 the first time, 200 with the same answer for a resent alarm. */
export const PartnerViolationAnswerSchema = v.object({
  externalId: v.string(),
  venueId: v.string(),
  /** The platform's id of the camera. */
  deviceId: v.string(),
  /** The alert opened, or the one already open for this camera and violation; null for `unknown`. */
  alertId: v.nullable(v.string()),
  state: v.picklist(['opened', 'already_open', 'not_mapped']),
});
/**
 * The answer: 201 the first time, 200 with the same answer for a resent alarm. Type of {@link
 * PartnerViolationAnswerSchema}.
 */
export type PartnerViolationAnswer = v.InferOutput<typeof PartnerViolationAnswerSchema>;
