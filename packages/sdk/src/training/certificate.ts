/** Training certificates: issued on a pass, valid for a period, checked by anyone with the verification code. */
import * as v from 'valibot';
import { pageSchema } from '../contract/page.js';
import { STAFF_ROLES } from '../domain/enums.js';
import { DaySchema, IdSchema, InstantSchema } from '../domain/primitives.js';

/**
 * A verification code: 12 letters and digits of Crockford's base 32 (no I, L, O, U), 60 random bits. Printed in
 * groups of four (`K7Q2-M9XA-3BCD`); read back in any case, with or without the dashes.
 */
export const CERTIFICATE_CODE_PATTERN = /^[0-9A-HJKMNP-TV-Z]{12}$/;

/** A certificate code as printed or typed, made comparable: upper case, no dashes or spaces; `null` if it is no code. */
export function normalizeCertificateCode(written: string): string | null {
  const code = written.replace(/[\s-]/g, '').toUpperCase();
  return CERTIFICATE_CODE_PATTERN.test(code) ? code : null;
}

/** `K7Q2M9XA3BCD` → `K7Q2-M9XA-3BCD`. */
export function formatCertificateCode(code: string): string {
  return code.replace(/(.{4})(?=.)/g, '$1-');
}

/** A training certificate: who holds it, where they work, what it certifies and until when. */
export const CertificateSchema = v.object({
  id: IdSchema,
  code: v.pipe(v.string(), v.regex(CERTIFICATE_CODE_PATTERN)),
  staffId: IdSchema,
  holder: v.string(),
  role: v.optional(v.picklist(STAFF_ROLES)),
  venueId: IdSchema,
  venue: v.string(),
  regionId: IdSchema,
  course: v.string(),
  examId: IdSchema,
  attemptId: v.optional(IdSchema),
  score: v.optional(v.number()),
  issuedOn: DaySchema,
  /** Valid through this day (the venue's local day). */
  expiresOn: DaySchema,
  revokedAt: v.optional(InstantSchema),
  /** Valid today: issued, not revoked, not past its expiry. */
  valid: v.boolean(),
});
/** A training certificate. Type of {@link CertificateSchema}. */
export type Certificate = v.InferOutput<typeof CertificateSchema>;

/** A page of certificates. */
export const CertificatePageSchema = pageSchema(CertificateSchema);
/** Type of {@link CertificatePageSchema}. */
export type CertificatePage = v.InferOutput<typeof CertificatePageSchema>;

/** The public check of a certificate (`GET /v1/public/certificates/{code}`): the holder's name masked. */
export const PublicCertificateSchema = v.object({
  valid: v.boolean(),
  /** `张*`, `欧**`: the first character, the rest masked. */
  holder: v.string(),
  venue: v.string(),
  course: v.string(),
  issuedOn: DaySchema,
  expiresOn: DaySchema,
  /** Why it is not valid: past its expiry, or revoked. */
  reason: v.optional(v.picklist(['expired', 'revoked'])),
});
/** Type of {@link PublicCertificateSchema}. */
export type PublicCertificate = v.InferOutput<typeof PublicCertificateSchema>;

/** A name for the public: its first character and one `*` for each further one (`张三丰` → `张**`). */
export function maskHolderName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length === 0) return '*';
  if (chars.length === 1) return `${chars[0]}*`;
  return chars[0] + '*'.repeat(Math.min(chars.length - 1, 8));
}

/** Whether a certificate is valid on `day` (`YYYY-MM-DD`), and if not, why. */
export function certificateStanding(
  certificate: { readonly expiresOn: string; readonly revokedAt?: string | null },
  day: string,
): { valid: boolean; reason?: 'expired' | 'revoked' } {
  if (certificate.revokedAt) return { valid: false, reason: 'revoked' };
  if (certificate.expiresOn < day) return { valid: false, reason: 'expired' };
  return { valid: true };
}

/**
 * The last day of validity of a certificate issued on `issuedOn` for `months` months: the day before the same
 * date `months` later (2024-05-10 for 12 months → 2025-05-09; 2024-01-31 for 1 month → 2024-02-28, the day
 * before the month's last day standing in for the 31st).
 */
export function certificateExpiry(issuedOn: string, months: number): string {
  const [y, m, d] = issuedOn.split('-').map(Number) as [number, number, number];
  const monthIndex = m - 1 + months;
  const year = y + Math.floor(monthIndex / 12);
  const month = (monthIndex % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const end = new Date(Date.UTC(year, month - 1, Math.min(d, lastDay)));
  end.setUTCDate(end.getUTCDate() - 1);
  return end.toISOString().slice(0, 10);
}

/** Days from `day` to `expiresOn` (0 on the last day of validity, negative once expired). */
export function daysUntil(day: string, expiresOn: string): number {
  return Math.round((Date.parse(`${expiresOn}T00:00:00Z`) - Date.parse(`${day}T00:00:00Z`)) / 86_400_000);
}

/** Certificates expiring within this many days are flagged for renewal (staff page, manager's today page). */
export const RENEWAL_NOTICE_DAYS = 30;

/**
 * Body of `POST /v1/training/certificates/{certificateId}/revoke` (the regions' regulators, admins): why. A revoked
 * certificate checks as not valid (`reason: revoked`) and no longer makes its holder fit at the morning check.
 */
export const CertificateRevokeInputSchema = v.object({ reason: v.pipe(v.string(), v.minLength(2), v.maxLength(200)) });
export type CertificateRevokeInput = v.InferOutput<typeof CertificateRevokeInputSchema>;
