/**
 * What every ledger rule sees (profile, venue time zone, the current instant, venue kind),
 * the issue shape the rules return, and small helpers for times and durations.
 */
import { type FieldIssueCode, type FieldLabels, fieldIssue } from '../../contract/errors-fields.js';
import type { VenueKind } from '../../domain/enums.js';
import { isIsoDate } from '../../domain/ledger-dates.js';
import { LEDGER_FIELD_LABELS } from '../../domain/ledger-fields.js';
import type { FieldIssue } from '../../domain/result.js';
import type { LocalizedText } from '../../domain/text.js';
import { localDay } from '../../time.js';
import { RULE_CODES, type RuleCode, type RuleParams, type RuleSeverity, ruleMessage } from '../codes.js';
import type { RuleProfile } from '../profile.js';

/**
 * One finding on a ledger record: code, field path (dot path, `''` = the record), severity, message. A rule's
 * finding has its LEDGER_* code; a problem with the record's shape has a FIELD_* code and is an error.
 */
export interface LedgerIssue extends FieldIssue {
  readonly code: RuleCode | FieldIssueCode;
  readonly severity: RuleSeverity;
}

export interface LedgerRuleContext {
  readonly profile: RuleProfile;
  readonly timeZone: string;
  /** The current instant in epoch milliseconds. */
  readonly nowMs: number;
  /** Unknown venue kind: venue-kind rules are skipped. */
  readonly venueKind?: VenueKind;
}

export function ledgerIssue(code: RuleCode, path: string, params?: RuleParams): LedgerIssue {
  return { code, path, severity: RULE_CODES[code].severity, message: ruleMessage(code, params) };
}

/** A shape problem (FIELD_*, always an error), the field named by its ledger label (`staffId` → 从业人员). */
export function ledgerFieldIssue(
  code: FieldIssueCode,
  path: string,
  labels: FieldLabels = LEDGER_FIELD_LABELS,
): LedgerIssue {
  return { ...fieldIssue(code, path, {}, labels), severity: 'error' };
}

/** Epoch milliseconds of an ISO instant the schema already accepted. */
export function instantMs(iso: string): number {
  return Date.parse(iso);
}

/** LEDGER_TIME_IN_FUTURE when an instant is ahead of now by more than the clock-skew tolerance. */
export function futureInstant(ctx: LedgerRuleContext, iso: string | undefined, path: string): LedgerIssue[] {
  if (iso === undefined) return [];
  const toleranceMs = ctx.profile.ledger.clockSkewMinutes * 60_000;
  return instantMs(iso) > ctx.nowMs + toleranceMs
    ? [ledgerIssue('LEDGER_TIME_IN_FUTURE', path, { field: path, actual: iso })]
    : [];
}

/** LEDGER_TIME_IN_FUTURE when a calendar date is after today in the venue's time zone. */
export function futureDate(ctx: LedgerRuleContext, day: string | undefined, path: string): LedgerIssue[] {
  if (day === undefined) return [];
  return day > localDay(ctx.nowMs, ctx.timeZone)
    ? [ledgerIssue('LEDGER_TIME_IN_FUTURE', path, { field: path, actual: day })]
    : [];
}

/** FIELD_FORMAT for a `YYYY-MM-DD` that is no calendar day (2024-02-30 passes the schema's pattern). */
export function invalidDate(day: string | null | undefined, path: string): LedgerIssue[] {
  if (day === undefined || day === null || isIsoDate(day)) return [];
  return [ledgerFieldIssue('FIELD_FORMAT', path)];
}

/** A duration for messages: `10 分钟` / `10 min`, `9 分 59 秒` / `9 min 59 s`, `40 秒` / `40 s`. */
export function formatDuration(seconds: number): LocalizedText {
  const minutes = Math.floor(seconds / 60);
  const rest = Math.round((seconds - minutes * 60) * 10) / 10;
  if (minutes === 0) return { zh: `${rest} 秒`, en: `${rest} s` };
  if (rest === 0) return { zh: `${minutes} 分钟`, en: `${minutes} min` };
  return { zh: `${minutes} 分 ${rest} 秒`, en: `${minutes} min ${rest} s` };
}

/** A list of labels joined per language: `发热、腹泻` / `fever, diarrhoea`. */
export function joinLabels(labels: readonly LocalizedText[]): LocalizedText {
  return { zh: labels.map((l) => l.zh).join('、'), en: labels.map((l) => l.en).join(', ') };
}
