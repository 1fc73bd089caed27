/**
 * The answers of the list routes: `{ items, nextCursor }` (`Page<T>`), `nextCursor` null on the last page.
 * Pages of devices, gateways and open grades are the domain's own (`DevicePageSchema`, …).
 */
import * as v from 'valibot';
import { AlertSchema } from '../domain/alert.js';
import { ComplaintSchema } from '../domain/complaint.js';
import { LedgerEntrySchema } from '../domain/ledger-entry.js';
import { NoticeSchema } from '../domain/notice.js';
import { IdSchema, InstantSchema } from '../domain/primitives.js';
import { RegionSchema } from '../domain/region.js';
import { StaffSchema } from '../domain/staff.js';
import { MemberSchema } from '../domain/user.js';
import { VenueSchema } from '../domain/venue.js';

import { pageSchema } from './page.js';

export { pageSchema };

/** `GET /v1/regions`: every region at once. */
export const RegionPageSchema = pageSchema(RegionSchema);

/** `GET /v1/venues`. */
export const VenuePageSchema = pageSchema(VenueSchema);

/** A staff member as `GET /v1/venues/{venueId}/staff?date=` lists them: `unfit` when they must not handle food. */
export const StaffOnDaySchema = v.object({ ...StaffSchema.entries, unfit: v.optional(v.boolean()) });
/**
 * A staff member as `GET /v1/venues/{venueId}/staff?date=` lists them: `unfit` when they must not handle food. Type of
 * {@link StaffOnDaySchema}.
 */
export type StaffOnDay = v.InferOutput<typeof StaffOnDaySchema>;

/** `GET /v1/venues/{venueId}/staff`: the whole archive at once. */
export const StaffPageSchema = pageSchema(StaffOnDaySchema);

/** `GET /v1/venues/{venueId}/members`: every member at once. */
export const MemberPageSchema = pageSchema(MemberSchema);

/** The record that corrects a stored one: its id, place in the chain, time and reason. */
export const LedgerCorrectedBySchema = v.object({
  recordId: IdSchema,
  seq: v.pipe(v.number(), v.integer(), v.minValue(1)),
  createdAt: InstantSchema,
  reason: v.string(),
});
/** The record that corrects a stored one. Type of {@link LedgerCorrectedBySchema}. */
export type LedgerCorrectedBy = v.InferOutput<typeof LedgerCorrectedBySchema>;

/**
 * A stored record as lists and `GET /v1/venues/{venueId}/ledgers/{recordId}` show it: the entry (as hashed) and,
 * when a later record corrects it, `correctedBy` (read beside the chain, not part of it).
 */
export const LedgerListEntrySchema = v.object({
  ...LedgerEntrySchema.entries,
  correctedBy: v.optional(LedgerCorrectedBySchema),
});
/** A stored record with what corrects it. Type of {@link LedgerListEntrySchema}. */
export type LedgerListEntry = v.InferOutput<typeof LedgerListEntrySchema>;

/** `GET /v1/venues/{venueId}/ledgers`: newest first, corrected records marked. */
export const LedgerPageSchema = pageSchema(LedgerListEntrySchema);

/** `GET /v1/notices`: newest first. */
export const NoticePageSchema = pageSchema(NoticeSchema);

/** `GET /v1/complaints`: newest first. */
export const ComplaintPageSchema = pageSchema(ComplaintSchema);

/** `GET /v1/alerts`: newest first. */
export const AlertPageSchema = pageSchema(AlertSchema);
