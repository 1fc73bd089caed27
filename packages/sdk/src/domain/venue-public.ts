/**
 * The parts of a venue's archive the public profile shows, in their own module: a consumer app that parses the
 * profile does not carry the whole archive's schema.
 */
import * as v from 'valibot';

/** The code printed in the venue's QR: 8–12 URL-safe characters. */
export const PublicCodeSchema = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{8,12}$/));

/** Whether a licence is valid, expires soon or has expired (see `licenceStatus`). */
export const LICENCE_STATUSES = ['valid', 'expiring', 'expired'] as const;
/** One of {@link LICENCE_STATUSES}. */
export type LicenceStatus = (typeof LICENCE_STATUSES)[number];
