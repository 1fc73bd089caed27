/**
 * validateLedger: schema then food-safety rules for one ledger record of unknown shape.
 * Never throws. `ok` is false exactly when an issue has severity `error` (the record is refused);
 * warnings keep the record, and those whose code opens an alert are returned by `ledgerAlerts`.
 */
import * as v from 'valibot';
import { LEDGER_KINDS, type LedgerKind, type VenueKind } from '../../domain/enums.js';
import { LEDGER_RECORD_SCHEMAS, type LedgerRecord } from '../../domain/ledger.js';
import { DEFAULT_TIME_ZONE, localDay } from '../../time.js';
import { isRuleCode, RULE_CODES, type RuleCode } from '../codes.js';
import { NATIONAL_PROFILE, type RuleProfile } from '../profile.js';
import { checkAccompanyingMeal } from './accompanying-meal.js';
import { checkAirDisinfection } from './air-disinfection.js';
import { type LedgerIssue, type LedgerRuleContext, ledgerFieldIssue, ledgerIssue } from './context.js';
import { checkMorningCheck } from './morning-check.js';
import { checkPurchaseInspection } from './purchase-inspection.js';
import { checkSampleRetention } from './sample-retention.js';
import { schemaIssues } from './schema-issues.js';
import { checkTablewareDisinfection } from './tableware-disinfection.js';

/** Options of {@link validateLedger}: the venue's kind, time zone and rule profile, and the current time. */
export interface LedgerValidationOptions {
  /** The venue's kind; without it, venue-kind rules (accompanying meals) are skipped. */
  readonly venueKind?: VenueKind;
  /** The venue's time zone for day boundaries; Asia/Shanghai by default. */
  readonly timeZone?: string;
  /** The current instant (for "in the future" checks); now by default. */
  readonly now?: string | number | Date;
  /** The resolved rule profile of the venue; NATIONAL_PROFILE by default. */
  readonly profile?: RuleProfile;
}

/** {@link validateLedger}'s answer: ok, every issue (errors and warnings), and the typed record. */
export interface LedgerValidationResult {
  readonly ok: boolean;
  readonly issues: readonly LedgerIssue[];
  /** The typed record, whenever its shape was valid (also when a rule refused it). */
  readonly record?: LedgerRecord;
}

/**
 * @example
 * const result = validateLedger(form, { venueKind: 'school_canteen', profile });
 * if (!result.ok) showIssues(result.issues);
 */
export function validateLedger(record: unknown, options: LedgerValidationOptions = {}): LedgerValidationResult {
  try {
    return validateUnsafe(record, options);
  } catch (error) {
    return finish([ledgerIssue('LEDGER_INTERNAL_ERROR', '', { detail: describeError(error) })]);
  }
}

/** The alert-worthy issues of a result (unfit staff, expired goods, a warm special room …). */
export function ledgerAlerts(result: LedgerValidationResult): LedgerIssue[] {
  return result.issues.filter((issue) => isRuleCode(issue.code) && RULE_CODES[issue.code].opensAlert);
}

const UNFIT_CODES: ReadonlySet<LedgerIssue['code']> = new Set<RuleCode>([
  'LEDGER_MORNING_FEVER',
  'LEDGER_MORNING_SYMPTOM',
  'LEDGER_MORNING_HAND_CHECK',
  'LEDGER_STAFF_HEALTH_CERT_INVALID',
  'LEDGER_STAFF_TRAINING_CERT_INVALID',
]);

/** True when a morning check found the staff member unfit to handle food that day. */
export function isStaffUnfit(result: LedgerValidationResult): boolean {
  return result.issues.some((issue) => UNFIT_CODES.has(issue.code));
}

function validateUnsafe(input: unknown, options: LedgerValidationOptions): LedgerValidationResult {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return finish([ledgerFieldIssue(input === null || input === undefined ? 'FIELD_REQUIRED' : 'FIELD_TYPE', '')]);
  }
  const kind: unknown = (input as { kind?: unknown }).kind;
  if (!isLedgerKind(kind)) {
    return finish([ledgerIssue('LEDGER_KIND_UNKNOWN', 'kind', { actual: describeValue(kind) })]);
  }
  const parsed = v.safeParse(LEDGER_RECORD_SCHEMAS[kind], input);
  if (!parsed.success) return finish(schemaIssues(kind, parsed.issues));
  const ctx = contextOf(options);
  return finish(checkRules(parsed.output, ctx), parsed.output);
}

function checkRules(record: LedgerRecord, ctx: LedgerRuleContext): LedgerIssue[] {
  switch (record.kind) {
    case 'morning_check':
      return checkMorningCheck(record, ctx);
    case 'purchase_inspection':
      return checkPurchaseInspection(record, ctx);
    case 'tableware_disinfection':
      return checkTablewareDisinfection(record, ctx);
    case 'sample_retention':
      return checkSampleRetention(record, ctx);
    case 'air_disinfection':
      return checkAirDisinfection(record, ctx);
    case 'accompanying_meal':
      return checkAccompanyingMeal(record, ctx);
  }
}

function contextOf(options: LedgerValidationOptions): LedgerRuleContext {
  const nowMs = options.now === undefined ? Date.now() : new Date(options.now).getTime();
  if (Number.isNaN(nowMs)) throw new RangeError(`invalid "now": ${describeValue(options.now)}`);
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  // Fails on an unknown zone for every record, not only for those whose rules read a local day.
  localDay(nowMs, timeZone);
  return {
    profile: options.profile ?? NATIONAL_PROFILE,
    timeZone,
    nowMs,
    ...(options.venueKind === undefined ? {} : { venueKind: options.venueKind }),
  };
}

function finish(issues: LedgerIssue[], record?: LedgerRecord): LedgerValidationResult {
  const ok = !issues.some((issue) => issue.severity === 'error');
  return record === undefined ? { ok, issues } : { ok, issues, record };
}

function isLedgerKind(value: unknown): value is LedgerKind {
  return typeof value === 'string' && (LEDGER_KINDS as readonly string[]).includes(value);
}

function describeValue(value: unknown): string {
  if (typeof value === 'string') return value.length > 60 ? `${value.slice(0, 60)}…` : value;
  if (typeof value === 'number' || typeof value === 'boolean' || value === null || value === undefined) {
    return String(value);
  }
  return typeof value;
}

function describeError(error: unknown): string {
  try {
    return error instanceof Error ? error.message : describeValue(error);
  } catch {
    return 'unknown error';
  }
}
