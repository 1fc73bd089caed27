/**
 * Legal duties (法定义务) and operating procedures (操作规范) a regulator pushes to the operators of its region, by
 * venue kind, with read receipts: each venue of those kinds under the region (venues opened later too) sees it
 * until someone of the venue marks it read; the regulator sees how many have read it and which venues have not.
 */
import * as v from 'valibot';
import { pageSchema } from '../contract/page.js';
import { VENUE_KINDS } from './enums.js';
import { CountSchema, IdSchema, InstantSchema, text, UrlSchema } from './primitives.js';

/** `legal_duty` (法定义务) or `procedure` (操作规范). */
export const DUTY_CATEGORIES = ['legal_duty', 'procedure'] as const;
/** One of {@link DUTY_CATEGORIES}. */
export type DutyCategory = (typeof DUTY_CATEGORIES)[number];
/** zh-CN labels of {@link DUTY_CATEGORIES}. */
export const DUTY_CATEGORY_LABELS: Readonly<Record<DutyCategory, string>> = {
  legal_duty: '法定义务',
  procedure: '操作规范',
};

/** Body of `POST /v1/duties`. */
export const DutyInputSchema = v.object({
  regionId: IdSchema,
  category: v.picklist(DUTY_CATEGORIES),
  /** The venue kinds it concerns, each once. */
  kinds: v.pipe(v.array(v.picklist(VENUE_KINDS)), v.minLength(1), v.maxLength(VENUE_KINDS.length)),
  title: text(80),
  body: text(5000),
  /** The legal text it rests on, e.g. `食品安全法 第五十五条`. */
  basis: v.optional(text(200)),
  link: v.optional(UrlSchema),
});
/** Type of {@link DutyInputSchema}. */
export type DutyInput = v.InferOutput<typeof DutyInputSchema>;

/** How many venues it concerns today and how many of them have read it. */
export const DutyCoverageSchema = v.object({ venues: CountSchema, read: CountSchema });
/** Type of {@link DutyCoverageSchema}. */
export type DutyCoverage = v.InferOutput<typeof DutyCoverageSchema>;

/** A published duty or procedure. */
export const DutySchema = v.object({
  id: IdSchema,
  ...DutyInputSchema.entries,
  regionName: text(100),
  publishedAt: InstantSchema,
  /** In the regulator's list: the read-receipt coverage. */
  coverage: v.optional(DutyCoverageSchema),
});
/** Type of {@link DutySchema}. */
export type Duty = v.InferOutput<typeof DutySchema>;

/** `GET /v1/duties`: newest first. */
export const DutyPageSchema = pageSchema(DutySchema);
/** Type of {@link DutyPageSchema}. */
export type DutyPage = v.InferOutput<typeof DutyPageSchema>;

/** A duty as a venue sees it: when it was read there and by whom. */
export const VenueDutySchema = v.object({
  ...DutySchema.entries,
  readAt: v.optional(InstantSchema),
  readBy: v.optional(text(100)),
});
/** Type of {@link VenueDutySchema}. */
export type VenueDuty = v.InferOutput<typeof VenueDutySchema>;

/** `GET /v1/venues/{venueId}/duties`: unread first, then newest first. */
export const VenueDutiesSchema = v.object({
  venueId: IdSchema,
  unread: CountSchema,
  items: v.array(VenueDutySchema),
});
/** Type of {@link VenueDutiesSchema}. */
export type VenueDuties = v.InferOutput<typeof VenueDutiesSchema>;

/** A venue that has not read a duty. */
export const DutyUnreadVenueSchema = v.object({
  venueId: IdSchema,
  venueName: text(100),
  kind: v.picklist(VENUE_KINDS),
  regionId: IdSchema,
  regionName: text(100),
});
/** Type of {@link DutyUnreadVenueSchema}. */
export type DutyUnreadVenue = v.InferOutput<typeof DutyUnreadVenueSchema>;

/** `GET /v1/duties/{dutyId}/receipts`: the coverage and (up to `limit`) the venues that have not read it. */
export const DutyReceiptsSchema = v.object({
  dutyId: IdSchema,
  ...DutyCoverageSchema.entries,
  unread: CountSchema,
  unreadVenues: v.array(DutyUnreadVenueSchema),
});
/** Type of {@link DutyReceiptsSchema}. */
export type DutyReceipts = v.InferOutput<typeof DutyReceiptsSchema>;
