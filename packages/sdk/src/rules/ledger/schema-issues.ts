/**
 * Turns valibot issues into ledger issues: one per field, in the SDK's one vocabulary (FIELD_*, as `parse` gives
 * them, fields named by their ledger labels), except a purchase record's missing field, which breaks its own rule
 * (LEDGER_PURCHASE_FIELD_MISSING, 食品安全法 §50).
 */
import type * as v from 'valibot';
import type { LedgerKind } from '../../domain/enums.js';
import { LEDGER_FIELD_LABELS, ledgerFieldLabel } from '../../domain/ledger-fields.js';
import { toFieldIssue } from '../../domain/parse.js';
import { type LedgerIssue, ledgerFieldIssue, ledgerIssue } from './context.js';

export function schemaIssues(kind: LedgerKind, issues: readonly v.BaseIssue<unknown>[]): LedgerIssue[] {
  const seen = new Set<string>();
  const out: LedgerIssue[] = [];
  for (const issue of issues) {
    const path = (issue.path ?? []).map((item) => String(item.key)).join('.');
    if (seen.has(path)) continue;
    seen.add(path);
    if (!isMissing(issue.input)) {
      out.push({ ...(toFieldIssue(issue, LEDGER_FIELD_LABELS) as LedgerIssue), severity: 'error' });
    } else if (kind === 'purchase_inspection') {
      out.push(ledgerIssue('LEDGER_PURCHASE_FIELD_MISSING', path, { field: ledgerFieldLabel(path) }));
    } else {
      out.push(ledgerFieldIssue('FIELD_REQUIRED', path));
    }
  }
  return out;
}

/** Absent, `null`, or blank text: what a form leaves when nothing was filled in. */
function isMissing(input: unknown): boolean {
  return input === undefined || input === null || (typeof input === 'string' && input.trim() === '');
}
