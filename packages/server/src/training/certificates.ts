/**
 * Certificates: issued on a pass (valid for the region's months, 12 by default), verified by code, and what the
 * morning check counts (the longest-valid of the platform's certificates and the one in the staff archive).
 */
import { localDay } from '@brightkitchen/sdk';
import {
  certificateExpiry,
  certificateStanding,
  DEFAULT_CERTIFICATE_VALID_MONTHS,
  maskHolderName,
  normalizeCertificateCode,
  type PublicCertificate,
  type TrainingSettings,
} from '@brightkitchen/sdk/training';
import type { Kysely } from 'kysely';
import { type Database, type DB, newId, type TrainingCertificatesTable } from '../db/index.js';
import { AppError } from '../errors/index.js';
import { newCertificateCode } from './codes.js';

/** The validity of certificates in a region: its own setting, a parent's, or the national 12 months. */
export async function settingsFor(db: Kysely<DB>, regions: readonly string[]): Promise<TrainingSettings> {
  const [own] = regions;
  if (!own) return { regionId: '', certificateValidMonths: DEFAULT_CERTIFICATE_VALID_MONTHS, source: 'national' };
  const rows = regions.length
    ? await db
        .selectFrom('training_settings')
        .select(['region_id', 'certificate_valid_months'])
        .where('region_id', 'in', [...regions])
        .execute()
    : [];
  for (const regionId of regions) {
    const row = rows.find((r) => r.region_id === regionId);
    if (row) {
      return {
        regionId: own,
        certificateValidMonths: row.certificate_valid_months,
        source: regionId === own ? 'region' : { parentRegionId: regionId },
      };
    }
  }
  return { regionId: own, certificateValidMonths: DEFAULT_CERTIFICATE_VALID_MONTHS, source: 'national' };
}

export interface IssueInput {
  readonly staffId: string;
  readonly userId: string | null;
  readonly venueId: string;
  readonly regionId: string;
  readonly regions: readonly string[];
  readonly examId: string;
  readonly attemptId: string | null;
  readonly holderName: string;
  readonly role: string | null;
  readonly venueName: string;
  readonly courseTitle: string;
  readonly scoreTenths: number | null;
  /** The venue-local day of the pass. */
  readonly issuedOn: string;
}

/** Stores a certificate with a fresh verification code (retried on the unlikely clash). */
export async function issueCertificate(
  db: Kysely<DB>,
  input: IssueInput,
  now: Date,
): Promise<TrainingCertificatesTable> {
  const settings = await settingsFor(db, input.regions);
  const row: TrainingCertificatesTable = {
    id: newId('crt'),
    code: newCertificateCode(),
    staff_id: input.staffId,
    user_id: input.userId,
    venue_id: input.venueId,
    region_id: input.regionId,
    exam_id: input.examId,
    attempt_id: input.attemptId,
    holder_name: input.holderName,
    role: input.role,
    venue_name: input.venueName,
    course_title: input.courseTitle,
    score_tenths: input.scoreTenths,
    issued_on: input.issuedOn,
    expires_on: certificateExpiry(input.issuedOn, settings.certificateValidMonths),
    revoked_at: null,
    created_at: now.toISOString(),
  };
  // 60 random bits: a clash is astronomically rare, but the unique index would turn it into a 500.
  for (let i = 0; ; i++) {
    const taken = await db
      .selectFrom('training_certificates')
      .select('id')
      .where('code', '=', row.code)
      .executeTakeFirst();
    if (!taken) break;
    if (i > 3) throw new Error('could not draw a free certificate code');
    row.code = newCertificateCode();
  }
  await db.insertInto('training_certificates').values(row).execute();
  return row;
}

/** The public check of a code: masked holder, venue, course, validity today in the venue's zone; 404 unknown. */
export async function verifyCertificate({ db }: Database, written: string, now: Date): Promise<PublicCertificate> {
  const code = normalizeCertificateCode(written);
  if (!code) throw new AppError('CERTIFICATE_NOT_FOUND');
  const row = await db
    .selectFrom('training_certificates')
    .leftJoin('venues', 'venues.id', 'training_certificates.venue_id')
    .select([
      'training_certificates.holder_name',
      'training_certificates.venue_name',
      'training_certificates.course_title',
      'training_certificates.issued_on',
      'training_certificates.expires_on',
      'training_certificates.revoked_at',
      'venues.time_zone',
    ])
    .where('training_certificates.code', '=', code)
    .executeTakeFirst();
  if (!row) throw new AppError('CERTIFICATE_NOT_FOUND');
  const day = localDay(now, row.time_zone ?? 'Asia/Shanghai');
  const standing = certificateStanding({ expiresOn: row.expires_on, revokedAt: row.revoked_at }, day);
  return {
    valid: standing.valid,
    holder: maskHolderName(row.holder_name),
    venue: row.venue_name,
    course: row.course_title,
    issuedOn: row.issued_on,
    expiresOn: row.expires_on,
    ...(standing.reason ? { reason: standing.reason } : {}),
  };
}

/**
 * The last day of the longest-valid platform certificate of each staff member (revoked ones left out): what the
 * morning check and the staff pages count, with the archive's own entry.
 */
export async function platformCertificateExpiries(
  { db }: Database,
  staffIds: readonly string[],
): Promise<Map<string, { expiresOn: string; code: string }>> {
  const out = new Map<string, { expiresOn: string; code: string }>();
  for (let i = 0; i < staffIds.length; i += 500) {
    const rows = await db
      .selectFrom('training_certificates')
      .select(['staff_id', 'expires_on', 'code'])
      .where('staff_id', 'in', staffIds.slice(i, i + 500))
      .where('revoked_at', 'is', null)
      .execute();
    for (const row of rows) {
      const held = out.get(row.staff_id);
      if (!held || held.expiresOn < row.expires_on)
        out.set(row.staff_id, { expiresOn: row.expires_on, code: row.code });
    }
  }
  return out;
}

/**
 * What the morning check is given for each staff member: the later of the platform's certificate and the archive's
 * `trainingCertificate` expiry, or `null` when there is neither.
 */
export async function trainingCertificateExpiries(
  database: Database,
  archive: ReadonlyMap<string, string | undefined>,
): Promise<Map<string, string | null>> {
  const platform = await platformCertificateExpiries(database, [...archive.keys()]);
  const out = new Map<string, string | null>();
  for (const [staffId, archived] of archive) {
    const issued = platform.get(staffId)?.expiresOn;
    const best = [issued, archived]
      .filter((d): d is string => typeof d === 'string')
      .sort()
      .pop();
    out.set(staffId, best ?? null);
  }
  return out;
}
