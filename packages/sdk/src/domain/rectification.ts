/**
 * Rectification notices (责令整改通知书): a regulator orders a venue's operator to put a finding right by a
 * deadline (a local day in the venue's zone), citing the obligation concerned. The operator answers with what was
 * done and photos; the regulator accepts (closed) or rejects (open again, with a remark). Past its deadline
 * without acceptance a notice is escalated once, as a `RECTIFICATION_OVERDUE` alert at the venue.
 */
import * as v from 'valibot';
import { pageSchema } from '../contract/page.js';
import { LedgerPhotoRefSchema } from './ledger-photo.js';
import { DaySchema, IdSchema, InstantSchema, TimeZoneSchema, text } from './primitives.js';

/** The alert type of a notice past its deadline without acceptance (source `system`, subject the notice id). */
export const RECTIFICATION_OVERDUE = 'RECTIFICATION_OVERDUE';

/** `open` (waiting for the operator), `answered` (waiting for the regulator), `closed` (accepted). */
export const RECTIFICATION_STATES = ['open', 'answered', 'closed'] as const;
/** One of {@link RECTIFICATION_STATES}. */
export type RectificationState = (typeof RECTIFICATION_STATES)[number];

/** What the notice comes from: an inspection, an alert, a consumer's notice, a sampling task, or other. */
export const RECTIFICATION_SOURCE_KINDS = ['inspection', 'alert', 'notice', 'sampling', 'other'] as const;
/** One of {@link RECTIFICATION_SOURCE_KINDS}. */
export type RectificationSourceKind = (typeof RECTIFICATION_SOURCE_KINDS)[number];

/** zh-CN labels of the states and sources, for lists and badges. */
export const RECTIFICATION_STATE_LABELS: Readonly<Record<RectificationState, string>> = {
  open: '待整改',
  answered: '待复核',
  closed: '已销号',
};
export const RECTIFICATION_SOURCE_LABELS: Readonly<Record<RectificationSourceKind, string>> = {
  inspection: '监督检查',
  alert: '预警',
  notice: '告知书',
  sampling: '抽检',
  other: '其他',
};

/** Photos one answer may carry. */
export const RECTIFICATION_PHOTOS_MAX = 9;

/** Where the notice comes from; `id` (required except for `other`) must be a record of the same venue. */
export const RectificationSourceSchema = v.object({
  kind: v.picklist(RECTIFICATION_SOURCE_KINDS),
  id: v.optional(IdSchema),
});
/** Type of {@link RectificationSourceSchema}. */
export type RectificationSource = v.InferOutput<typeof RectificationSourceSchema>;

/** Body of `POST /v1/venues/{venueId}/rectifications`. */
export const RectificationInputSchema = v.object({
  source: RectificationSourceSchema,
  /** The legal text concerned, e.g. `食品安全法 第五十五条`. */
  obligation: text(200),
  /** What was found. */
  findings: text(2000),
  /** What the operator must do. */
  requirement: text(2000),
  /** The last local day (venue's zone) to rectify; today or later. */
  deadline: DaySchema,
});
/** Type of {@link RectificationInputSchema}. */
export type RectificationInput = v.InferOutput<typeof RectificationInputSchema>;

/** Body of `POST /v1/rectifications/{rectificationId}/responses`: what was done, with photo refs. */
export const RectificationResponseInputSchema = v.object({
  text: text(2000),
  photos: v.pipe(v.array(LedgerPhotoRefSchema), v.maxLength(RECTIFICATION_PHOTOS_MAX)),
});
/** Type of {@link RectificationResponseInputSchema}. */
export type RectificationResponseInput = v.InferOutput<typeof RectificationResponseInputSchema>;

/** Body of `POST /v1/rectifications/{rectificationId}/review`: a rejection needs a remark. */
export const RectificationReviewInputSchema = v.object({
  decision: v.picklist(['accept', 'reject']),
  remark: v.optional(text(500)),
});
/** Type of {@link RectificationReviewInputSchema}. */
export type RectificationReviewInput = v.InferOutput<typeof RectificationReviewInputSchema>;

/** Body of `POST /v1/rectifications/{rectificationId}/reinspection`: the planned re-inspection day. */
export const RectificationReinspectionInputSchema = v.object({ day: DaySchema });
/** Type of {@link RectificationReinspectionInputSchema}. */
export type RectificationReinspectionInput = v.InferOutput<typeof RectificationReinspectionInputSchema>;

/** One answer of the operator. */
export const RectificationResponseSchema = v.object({
  at: InstantSchema,
  text: text(2000),
  photos: v.array(LedgerPhotoRefSchema),
});
/** Type of {@link RectificationResponseSchema}. */
export type RectificationResponse = v.InferOutput<typeof RectificationResponseSchema>;

/** One review by the regulator. */
export const RectificationReviewSchema = v.object({
  at: InstantSchema,
  decision: v.picklist(['accept', 'reject']),
  remark: v.optional(text(500)),
});
/** Type of {@link RectificationReviewSchema}. */
export type RectificationReview = v.InferOutput<typeof RectificationReviewSchema>;

/** A rectification notice with its answers and reviews. */
export const RectificationSchema = v.object({
  id: IdSchema,
  venueId: IdSchema,
  regionId: IdSchema,
  ...RectificationInputSchema.entries,
  state: v.picklist(RECTIFICATION_STATES),
  issuedAt: InstantSchema,
  responses: v.array(RectificationResponseSchema),
  reviews: v.array(RectificationReviewSchema),
  closedAt: v.optional(InstantSchema),
  /** A planned re-inspection (local day). */
  reinspectOn: v.optional(DaySchema),
  /** When it was escalated as overdue, and the alert raised. */
  escalatedAt: v.optional(InstantSchema),
  escalationAlertId: v.optional(IdSchema),
  /** Not closed and past its deadline on the venue's clock (computed when read). */
  overdue: v.boolean(),
  /** In lists and reads: the venue's name and time zone. */
  venueName: v.optional(text(100)),
  timeZone: v.optional(TimeZoneSchema),
});
/** Type of {@link RectificationSchema}. */
export type Rectification = v.InferOutput<typeof RectificationSchema>;

/** `GET /v1/rectifications`: newest first. */
export const RectificationPageSchema = pageSchema(RectificationSchema);
/** Type of {@link RectificationPageSchema}. */
export type RectificationPage = v.InferOutput<typeof RectificationPageSchema>;

/** True when a notice not yet closed is past its deadline on `today` (the venue's local day). */
export function rectificationOverdue(rectification: Pick<Rectification, 'state' | 'deadline'>, today: string): boolean {
  return rectification.state !== 'closed' && today > rectification.deadline;
}
