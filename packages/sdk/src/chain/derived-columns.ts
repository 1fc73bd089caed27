/**
 * The stored columns a ledger record determines, checked against it: what catches an edited column of a record
 * whose hash (version 1) does not cover it, and a chain rewritten and re-hashed from some record on.
 */
import type { VenueKind } from '../domain/enums.js';
import type { LedgerRecord } from '../domain/ledger.js';
import { ledgerRecordDay } from '../rules/ledger/record-day.js';
import { retentionUntil } from '../rules/ledger/retention.js';
import { validateLedger } from '../rules/ledger/validate.js';
import { NATIONAL_PROFILE, type RuleProfile } from '../rules/profile.js';
import type { ColumnProblem } from './chain-problem.js';
import { LEDGER_HASH_VERSION } from './hash-entry-v2.js';
import type { ChainedEntry } from './verify-chain.js';

/** The venue's facts the columns are derived with. */
export interface DerivedColumnsOptions {
  /** The venue's time zone (the export's `timeZone`). */
  readonly timeZone: string;
  readonly venueKind?: VenueKind;
  /**
   * The rule profiles the venue may have been judged by: the national one (default) and its current one. The
   * profile can change after a record was written, so a column passes when it holds under one of them.
   */
  readonly profiles?: readonly RuleProfile[];
}

const issueKey = (issue: { code?: unknown; path?: unknown }) => `${String(issue.code)} at ${String(issue.path)}`;

/** The warnings the rules find in the record under every profile (a warning of one profile only may be new). */
function derivedWarnings(entry: ChainedEntry, options: DerivedColumnsOptions, profiles: readonly RuleProfile[]) {
  let common: Set<string> | undefined;
  for (const profile of profiles) {
    const result = validateLedger(entry.record, {
      timeZone: options.timeZone,
      profile,
      now: entry.createdAt,
      ...(options.venueKind ? { venueKind: options.venueKind } : {}),
    });
    const keys = new Set(result.issues.filter((i) => i.severity === 'warning').map(issueKey));
    common = common ? new Set([...common].filter((key) => keys.has(key))) : keys;
  }
  return common ?? new Set<string>();
}

function check(entry: ChainedEntry, options: DerivedColumnsOptions, profiles: readonly RuleProfile[]): ColumnProblem[] {
  const record = entry.record as LedgerRecord;
  const out: ColumnProblem[] = [];
  if (record.kind !== entry.kind) out.push({ column: 'kind', detail: `${entry.kind}, the record is ${record.kind}` });
  const day = ledgerRecordDay(record, options.timeZone);
  if (entry.localDay !== undefined && entry.localDay !== day) {
    out.push({ column: 'localDay', detail: `${entry.localDay}, the record's day is ${day}` });
  }
  if (entry.retainUntil !== undefined) {
    const least = profiles.map((p) => retentionUntil(record, p, options.timeZone)).sort()[0]!;
    if (entry.retainUntil < least) {
      out.push({ column: 'retainUntil', detail: `${entry.retainUntil}, the rules keep the record until ${least}` });
    }
  }
  // A version 2 hash covers the issues; a version 1 record's must hold every warning the rules find.
  if (entry.hashVersion !== LEDGER_HASH_VERSION && entry.issues !== undefined) {
    const stored = Array.isArray(entry.issues) ? new Set(entry.issues.map(issueKey)) : new Set<string>();
    const missing = [...derivedWarnings(entry, options, profiles)].filter((key) => !stored.has(key));
    if (missing.length > 0) out.push({ column: 'issues', detail: `without the warning ${missing.join(', ')}` });
  }
  return out;
}

/**
 * A `columns` check for {@link verifyChain}: the kind column is the record's kind, `localDay` is the record's day
 * in the venue's zone (`ledgerRecordDay`), `retainUntil` is no earlier than the retention rules allow
 * (`retentionUntil`), and a version 1 record's `issues` hold every warning the rules find in it.
 * @example verifyChain(exported.records, { columns: derivedLedgerColumns({ timeZone: exported.timeZone }) })
 */
export function derivedLedgerColumns(options: DerivedColumnsOptions): (entry: ChainedEntry) => ColumnProblem[] {
  const profiles = options.profiles && options.profiles.length > 0 ? options.profiles : [NATIONAL_PROFILE];
  return (entry) => {
    const record = entry.record as { kind?: unknown } | null;
    if (typeof record !== 'object' || record === null || typeof record.kind !== 'string') {
      return [{ column: 'record', detail: 'not a ledger record' }];
    }
    try {
      return check(entry, options, profiles);
    } catch {
      // A body the rules cannot read: its hash says whether it was edited.
      return [{ column: 'record', detail: 'the rules cannot read the record' }];
    }
  };
}
