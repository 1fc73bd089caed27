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
  /** The last day worked: from the next day on the person is no longer on the venue's staff (kept in the archive). */
  leftOn: v.optional(DaySchema),
};

/** A staff member of a venue, with their health and training certificates. */
export const StaffSchema = v.object({ id: IdSchema, venueId: IdSchema, ...staffEntries });
/** A staff member. Type of {@link StaffSchema}. */
export type Staff = v.InferOutput<typeof StaffSchema>;

/** Body of `POST /v1/venues/{venueId}/staff` (the venue comes from the path). */
export const StaffInputSchema = v.object(staffEntries);
/** Body of `POST /v1/venues/{venueId}/staff` (the venue comes from the path). Type of {@link StaffInputSchema}. */
export type StaffInput = v.InferOutput<typeof StaffInputSchema>;

/**
 * Body of `PATCH /v1/venues/{venueId}/staff/{staffId}`: the fields to change; `null` removes an optional one (a
 * phone, a training certificate, `leftOn` for someone who came back).
 */
export const StaffPatchSchema = v.object({
  ...v.partial(StaffInputSchema).entries,
  phone: v.optional(v.nullable(PhoneSchema)),
  trainingCertificate: v.optional(v.nullable(StaffCertificateSchema)),
  leftOn: v.optional(v.nullable(DaySchema)),
});
/** Body of `PATCH /v1/venues/{venueId}/staff/{staffId}`. Type of {@link StaffPatchSchema}. */
export type StaffPatch = v.InferOutput<typeof StaffPatchSchema>;

/** Labels of the staff archive's fields in zh-CN and en, by path: forms and messages name fields by them. */
export const STAFF_FIELD_LABELS: Readonly<Record<string, { readonly zh: string; readonly en: string }>> = {
  name: { zh: '姓名', en: 'name' },
  role: { zh: '岗位', en: 'role' },
  phone: { zh: '手机号', en: 'phone' },
  healthCertificate: { zh: '健康证明', en: 'health certificate' },
  'healthCertificate.number': { zh: '健康证明编号', en: 'health certificate number' },
  'healthCertificate.expiresOn': { zh: '健康证明有效期', en: 'health certificate expiry' },
  trainingCertificate: { zh: '培训合格证', en: 'training certificate' },
  'trainingCertificate.number': { zh: '培训合格证编号', en: 'training certificate number' },
  'trainingCertificate.expiresOn': { zh: '培训合格证有效期', en: 'training certificate expiry' },
  leftOn: { zh: '离职日期', en: 'last day' },
};

/** True when the person has left the venue before `day` (`YYYY-MM-DD`): they worked through `leftOn`. */
export function hasLeft(staff: Pick<Staff, 'leftOn'>, day: string): boolean {
  return staff.leftOn !== undefined && staff.leftOn < day;
}
