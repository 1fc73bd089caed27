/** An alert raised at a venue (sensor out of range, violation, failed ledger rule, …) and its life cycle. */
import * as v from 'valibot';
import { ALERT_SOURCES, ALERT_STATES, SEVERITIES } from './enums.js';
import { IdSchema, InstantSchema, LocalizedTextSchema, text } from './primitives.js';

/**
 * Where an alert's snapshot is: `GET {path}` (`/v1/alerts/{alertId}/snapshot`) with the caller's token, or
 * `client.alerts.snapshot(alertId)`; answered with `contentType`.
 */
export const AlertSnapshotRefSchema = v.object({
  path: text(200),
  contentType: text(64),
});
/** Where an alert's snapshot is. Type of {@link AlertSnapshotRefSchema}. */
export type AlertSnapshotRef = v.InferOutput<typeof AlertSnapshotRefSchema>;

/** The staff member an alert is about, named as the venue's staff archive had them when it opened. */
export const AlertStaffSchema = v.object({ id: IdSchema, name: text(64) });
/** The staff member an alert is about. Type of {@link AlertStaffSchema}. */
export type AlertStaff = v.InferOutput<typeof AlertStaffSchema>;

/**
 * An alert raised at a venue (a warm fridge, a missed ledger, a violation), with its life cycle and a message in zh and en.
 */
export const AlertSchema = v.object({
  id: IdSchema,
  venueId: IdSchema,
  source: v.picklist(ALERT_SOURCES),
  /** What went wrong, e.g. a rule code `SENSOR_FRIDGE_TOO_WARM` or a violation type `no_hat`. */
  type: text(64),
  severity: v.picklist(SEVERITIES),
  state: v.picklist(ALERT_STATES),
  openedAt: InstantSchema,
  acknowledgedAt: v.optional(InstantSchema),
  resolvedAt: v.optional(InstantSchema),
  correctiveAction: v.optional(text(500)),
  /** What the alert is about: a device, staff member or ledger record id. */
  subject: v.optional(text(128)),
  message: LocalizedTextSchema,
  details: v.optional(v.record(v.string(), v.unknown())),
  /** The image a camera captured with the alert (AI capture), when one was stored. */
  snapshot: v.optional(AlertSnapshotRefSchema),
  /** The staff member the alert is about (a fever or symptom found at the morning check). */
  staff: v.optional(AlertStaffSchema),
});
export type Alert = v.InferOutput<typeof AlertSchema>;

/** Body of `POST /v1/alerts/{alertId}/resolve`: the corrective action is required and non-empty. */
export const AlertResolveInputSchema = v.object({
  // A blank action is a missing one: the message pins the issue code (see parse.ts).
  correctiveAction: v.pipe(text(500), v.regex(/\S/, 'FIELD_REQUIRED')),
});
export type AlertResolveInput = v.InferOutput<typeof AlertResolveInputSchema>;
