/** Turns valibot issues into ledger issues: one per field, LEDGER_SCHEMA (or the purchase ledger's own code). */
import type * as v from 'valibot';
import type { LedgerKind } from '../../domain/enums.js';
import { ledgerFieldLabel } from '../../domain/ledger-fields.js';
import type { LocalizedText } from '../../domain/text.js';
import { type LedgerIssue, ledgerIssue } from './context.js';

const REQUIRED: LocalizedText = { zh: '缺少必填项', en: 'required' };

export function schemaIssues(kind: LedgerKind, issues: readonly v.BaseIssue<unknown>[]): LedgerIssue[] {
  const seen = new Set<string>();
  const out: LedgerIssue[] = [];
  for (const issue of issues) {
    const path = (issue.path ?? []).map((item) => String(item.key)).join('.');
    if (seen.has(path)) continue;
    seen.add(path);
    const field = ledgerFieldLabel(path);
    if (isMissing(issue.input)) {
      // The purchase ledger's "all fields present" rule has its own code (食品安全法 §50).
      out.push(
        kind === 'purchase_inspection'
          ? ledgerIssue('LEDGER_PURCHASE_FIELD_MISSING', path, { field })
          : ledgerIssue('LEDGER_SCHEMA', path, { field, problem: REQUIRED }),
      );
    } else {
      const expected = issue.type === 'check' ? issue.message : (issue.expected ?? issue.type);
      out.push(
        ledgerIssue('LEDGER_SCHEMA', path, { field, problem: { zh: `应为 ${expected}`, en: `expected ${expected}` } }),
      );
    }
  }
  return out;
}

function isMissing(input: unknown): boolean {
  return input === undefined || (typeof input === 'string' && input.trim() === '');
}
