/** A venue's staff and their training: who must train, whose certificate expires soon (staff and today pages). */
import * as v from 'valibot';
import { STAFF_ROLES } from '../domain/enums.js';
import { DaySchema, IdSchema } from '../domain/primitives.js';

/** One staff member's training standing on a day. */
export const StaffTrainingSchema = v.object({
  staffId: IdSchema,
  name: v.string(),
  role: v.picklist(STAFF_ROLES),
  /** The certificate valid longest (the platform's, or one entered in the staff archive). */
  certificate: v.optional(
    v.object({ code: v.optional(v.string()), number: v.optional(v.string()), expiresOn: DaySchema }),
  ),
  /** No valid certificate: unfit in the morning check until trained and certified. */
  mustTrain: v.boolean(),
  /** Valid, but expires within 30 days: renew. */
  renewSoon: v.boolean(),
  daysLeft: v.optional(v.number()),
});
/** Type of {@link StaffTrainingSchema}. */
export type StaffTraining = v.InferOutput<typeof StaffTrainingSchema>;

/** `GET /v1/venues/{venueId}/training`: every staff member, and the reminder to show. */
export const VenueTrainingSchema = v.object({
  day: DaySchema,
  staff: v.array(StaffTrainingSchema),
  mustTrain: v.pipe(v.number(), v.integer(), v.minValue(0)),
  renewSoon: v.pipe(v.number(), v.integer(), v.minValue(0)),
  /** What the manager reads, or absent when nobody needs to train. */
  reminder: v.optional(v.object({ zh: v.string(), en: v.string() })),
});
/** Type of {@link VenueTrainingSchema}. */
export type VenueTraining = v.InferOutput<typeof VenueTrainingSchema>;
