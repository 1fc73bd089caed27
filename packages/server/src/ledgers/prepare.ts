/**
 * Validation with what the server knows (it is the authority): the venue's kind and time zone, and for
 * morning checks the staff member's health certificate from the archive (whatever the client sent).
 */
import {
  LEDGER_PHOTO_REF,
  type LedgerIssue,
  type LedgerRecord,
  ledgerAlerts,
  ledgerFieldLabel,
  ledgerRecordDay,
  type RuleProfile,
  retentionUntil,
  ruleMessage,
  StaffSchema,
  type VenueKind,
  validateLedger,
} from '@brightkitchen/sdk';
import { type CorruptValueLog, type Database, logCorrupt, readJson, type VenuesTable } from '../db/index.js';
import { storedPhotoRefs } from '../ledger-photos/stored.js';
import { trainingCertificateExpiries } from '../training/index.js';
import { type CorrectionTarget, loadCorrectionTargets } from './corrections.js';

export type PreparedRecord =
  | {
      readonly ok: true;
      readonly record: LedgerRecord;
      readonly issues: readonly LedgerIssue[];
      readonly alerts: readonly LedgerIssue[];
      readonly localDay: string;
      /** Venue-local day before which the record may not be purged. */
      readonly retainUntil: string;
    }
  | { readonly ok: false; readonly issues: readonly LedgerIssue[] };

export interface VenueRuleContext {
  readonly venueId: string;
  readonly venueKind: VenueKind;
  readonly timeZone: string;
  readonly profile: RuleProfile;
  /** Health-certificate expiry by staff id (`null`: on file without a certificate). */
  readonly healthCertificates: ReadonlyMap<string, string | null>;
  /**
   * Training-certificate expiry by staff id: the later of the platform's certificates and the archive's entry
   * (`null`: neither). Absent: not judged (callers that know nothing of training).
   */
  readonly trainingCertificates?: ReadonlyMap<string, string | null>;
  /** The archive's name of each staff member of a morning check (stored with the record, named on its alert). */
  readonly staffNames?: ReadonlyMap<string, string>;
  /** The last day worked of staff who left. */
  readonly staffLeftOn?: ReadonlyMap<string, string>;
  /** The records corrections among the inputs point at, found at the venue. */
  readonly correctionTargets?: ReadonlyMap<string, CorrectionTarget>;
  /** Records a correction earlier in the same batch claimed (a record is corrected once). */
  readonly claimedCorrections?: Set<string>;
  /** Staff whose stored archive entry is damaged: their morning checks are refused, not judged blind. */
  readonly damagedStaff?: ReadonlySet<string>;
  /** Of the `sha256:` photo references among the records, those the venue has stored. */
  readonly storedPhotos: ReadonlySet<string>;
}

/** Record fields that may refer to a stored ledger photo. */
const PHOTO_FIELDS = ['invoicePhotoRef', 'samplePhotoRef'] as const;

function photoRefs(input: unknown): string[] {
  const i = input as Record<string, unknown> | null;
  if (!i || typeof i !== 'object') return [];
  return PHOTO_FIELDS.flatMap((f) => {
    const ref = i[f];
    return typeof ref === 'string' && LEDGER_PHOTO_REF.test(ref) ? [ref] : [];
  });
}

/**
 * Loads what the records among `inputs` refer to (the staff of morning checks, stored photos); `profile`
 * is the venue's (national, region, venue kind: `app.ctx.profiles.profileOfVenue`); a damaged staff entry
 * is reported to `log`.
 */
export async function loadRuleContext(
  database: Database,
  venue: VenuesTable,
  inputs: readonly unknown[],
  profile: RuleProfile,
  log: CorruptValueLog,
): Promise<VenueRuleContext> {
  const { db } = database;
  const staffIds = new Set<string>();
  for (const input of inputs) {
    const i = input as { kind?: unknown; staffId?: unknown } | null;
    if (i && i.kind === 'morning_check' && typeof i.staffId === 'string') staffIds.add(i.staffId);
  }
  const healthCertificates = new Map<string, string | null>();
  const trainingArchive = new Map<string, string | undefined>();
  const staffNames = new Map<string, string>();
  const staffLeftOn = new Map<string, string>();
  const damagedStaff = new Set<string>();
  if (staffIds.size > 0) {
    const rows = await db
      .selectFrom('staff')
      .select(['id', 'data'])
      .where('venue_id', '=', venue.id)
      .where('id', 'in', [...staffIds])
      .execute();
    for (const row of rows) {
      const staff = readJson(StaffSchema, row.data, { table: 'staff', column: 'data', id: row.id });
      if (staff.ok) {
        healthCertificates.set(row.id, staff.value.healthCertificate?.expiresOn ?? null);
        trainingArchive.set(row.id, staff.value.trainingCertificate?.expiresOn);
        staffNames.set(row.id, staff.value.name);
        if (staff.value.leftOn) staffLeftOn.set(row.id, staff.value.leftOn);
      } else {
        logCorrupt(log, staff.error);
        damagedStaff.add(row.id);
      }
    }
  }
  const refs = [...new Set(inputs.flatMap(photoRefs))];
  const storedPhotos = await storedPhotoRefs(database, venue.id, refs);
  return {
    venueId: venue.id,
    venueKind: venue.kind as VenueKind,
    timeZone: venue.time_zone,
    profile,
    healthCertificates,
    trainingCertificates: await trainingCertificateExpiries(database, trainingArchive),
    staffNames,
    staffLeftOn,
    damagedStaff,
    storedPhotos,
    correctionTargets: await loadCorrectionTargets(database, venue.id, inputs, log),
    claimedCorrections: new Set(),
  };
}

const UNKNOWN_STAFF: LedgerIssue = {
  code: 'FIELD_NOT_FOUND',
  path: 'staffId',
  severity: 'error',
  message: { zh: '该员工不在本单位员工档案中', en: 'This staff member is not in the venue’s staff archive' },
};

const DAMAGED_STAFF: LedgerIssue = {
  code: 'FIELD_INVALID',
  path: 'staffId',
  severity: 'error',
  message: {
    zh: '该员工的档案已损坏，请管理员修复后重新记录',
    en: 'This staff member’s archive entry is damaged; record again once an administrator has repaired it',
  },
};

const OTHER_VENUE: LedgerIssue = {
  code: 'FIELD_INVALID',
  path: 'venueId',
  severity: 'error',
  message: { zh: '记录所属单位与请求路径不一致', en: 'The record’s venue differs from the venue in the path' },
};

function photoMissing(field: string): LedgerIssue {
  const message = ruleMessage('LEDGER_PHOTO_MISSING', { field: ledgerFieldLabel(field) });
  return { code: 'LEDGER_PHOTO_MISSING', path: field, severity: 'error', message };
}

export function prepareRecord(input: unknown, ctx: VenueRuleContext, now: Date): PreparedRecord {
  let candidate = input;
  if (input !== null && typeof input === 'object' && !Array.isArray(input)) {
    const obj = input as Record<string, unknown>;
    if (obj.venueId !== undefined && obj.venueId !== ctx.venueId) return { ok: false, issues: [OTHER_VENUE] };
    candidate = { ...obj, venueId: ctx.venueId };
    if (obj.kind === 'morning_check' && typeof obj.staffId === 'string') {
      if (ctx.damagedStaff?.has(obj.staffId)) return { ok: false, issues: [DAMAGED_STAFF] };
      if (!ctx.healthCertificates.has(obj.staffId)) return { ok: false, issues: [UNKNOWN_STAFF] };
      const staffName = ctx.staffNames?.get(obj.staffId);
      candidate = {
        ...(candidate as object),
        ...(staffName ? { staffName } : {}),
        healthCertificateExpiresOn: ctx.healthCertificates.get(obj.staffId),
        ...(ctx.trainingCertificates?.has(obj.staffId)
          ? { trainingCertificateExpiresOn: ctx.trainingCertificates.get(obj.staffId) }
          : {}),
      };
    }
  }
  // A record may only point at a photo the venue has: the outbox sends the photo first.
  const missing = PHOTO_FIELDS.filter((f) => {
    const ref = (input as Record<string, unknown> | null)?.[f];
    return typeof ref === 'string' && LEDGER_PHOTO_REF.test(ref) && !ctx.storedPhotos.has(ref);
  });
  if (missing.length > 0) return { ok: false, issues: missing.map(photoMissing) };
  const result = validateLedger(candidate, {
    venueKind: ctx.venueKind,
    timeZone: ctx.timeZone,
    profile: ctx.profile,
    now,
  });
  if (!result.ok || !result.record) return { ok: false, issues: result.issues };
  const { record } = result;
  const day = ledgerRecordDay(record, ctx.timeZone);
  const refused = staffGone(record, day, ctx) ?? correctionRefused(record, ctx);
  if (refused) return { ok: false, issues: [refused] };
  if (record.corrects) ctx.claimedCorrections?.add(record.corrects.recordId);
  return {
    ok: true,
    record,
    issues: result.issues,
    alerts: ledgerAlerts(result),
    localDay: day,
    retainUntil: retentionUntil(record, ctx.profile, ctx.timeZone),
  };
}

/** A morning check of someone who had left the venue before that day. */
function staffGone(record: LedgerRecord, day: string, ctx: VenueRuleContext): LedgerIssue | undefined {
  if (record.kind !== 'morning_check') return undefined;
  const leftOn = ctx.staffLeftOn?.get(record.staffId);
  if (leftOn === undefined || leftOn >= day) return undefined;
  return {
    code: 'FIELD_INVALID',
    path: 'staffId',
    severity: 'error',
    message: {
      zh: `该员工已于 ${leftOn} 离职，不能为其记录 ${day} 的晨检`,
      en: `This staff member left on ${leftOn}; no morning check can be recorded for ${day}`,
    },
  };
}

/**
 * A correction must point at a record of the venue, of the same kind, that nothing corrects yet (the latest version
 * is the one to correct).
 */
function correctionRefused(record: LedgerRecord, ctx: VenueRuleContext): LedgerIssue | undefined {
  const { corrects } = record;
  if (!corrects) return undefined;
  const target = ctx.correctionTargets?.get(corrects.recordId);
  const path = 'corrects.recordId';
  if (!target) {
    return {
      code: 'FIELD_NOT_FOUND',
      path,
      severity: 'error',
      message: { zh: '要更正的记录不在本单位的台账中', en: 'The record to correct is not among the venue’s ledgers' },
    };
  }
  const reason =
    target.kind !== record.kind
      ? { zh: '更正记录须与原记录为同一种台账', en: 'a correction must be of the same ledger kind as the record' }
      : target.correctedBySeq !== undefined || ctx.claimedCorrections?.has(corrects.recordId)
        ? {
            zh: `它已被更正${target.correctedBySeq === undefined ? '' : `（第 ${target.correctedBySeq} 条）`}，请更正最新的那条`,
            en: `it has been corrected already${target.correctedBySeq === undefined ? '' : ` (record ${target.correctedBySeq})`}; correct the latest one`,
          }
        : undefined;
  if (!reason) return undefined;
  return {
    code: 'LEDGER_CORRECTION_INVALID',
    path,
    severity: 'error',
    message: ruleMessage('LEDGER_CORRECTION_INVALID', { reason }),
  };
}
