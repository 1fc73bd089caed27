/** A person working at a venue, with the certificates that make them fit to handle food. */
import * as v from 'valibot';
import { STAFF_ROLES } from './enums.js';
import { DaySchema, IdSchema, text } from './primitives.js';

/** A certificate held by a staff member (health certificate 健康证, training certificate 培训合格证). */
export const StaffCertificateSchema = v.object({
  number: text(64),
  expiresOn: DaySchema,
});
/**
 * A certificate held by a staff member (health certificate 健康证, training certificate 培训合格证). Type of {@link
 * StaffCertificateSchema}.
 */
export type StaffCertificate = v.InferOutput<typeof StaffCertificateSchema>;

/** A phone number: digits with an optional leading `+`, spaces or dashes. */
export const PhoneSchema = v.pipe(v.string(), v.regex(/^\+?[0-9][0-9 -]{4,19}$/));

const staffEntries = {
  name: text(64),
  role: v.picklist(STAFF_ROLES),
  phone: v.optional(PhoneSchema),
  /** The annual health certificate; without a valid one the person is unfit for food handling. */
  healthCertificate: StaffCertificateSchema,
  trainingCertificate: v.optional(StaffCertificateSchema),
};

/** A staff member of a venue, with their health and training certificates. */
export const StaffSchema = v.object({ id: IdSchema, venueId: IdSchema, ...staffEntries });
/** A staff member. Type of {@link StaffSchema}. */
export type Staff = v.InferOutput<typeof StaffSchema>;

/** Body of `POST /v1/venues/{venueId}/staff` (the venue comes from the path). */
export const StaffInputSchema = v.object(staffEntries);
/** Body of `POST /v1/venues/{venueId}/staff` (the venue comes from the path). Type of {@link StaffInputSchema}. */
export type StaffInput = v.InferOutput<typeof StaffInputSchema>;

/** Body of `PATCH /v1/venues/{venueId}/staff/{staffId}`. */
export const StaffPatchSchema = v.partial(StaffInputSchema);
/** Body of `PATCH /v1/venues/{venueId}/staff/{staffId}`. Type of {@link StaffPatchSchema}. */
export type StaffPatch = v.InferOutput<typeof StaffPatchSchema>;
