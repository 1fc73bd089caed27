import type { ApiErrorCode } from '../../contract/errors.js';
import type { FieldIssue } from '../../domain/result.js';
import type { LocalizedText } from '../../domain/text.js';
import { BrightKitchenError } from './bright-kitchen-error.js';

/** A field issue as the server sends it in `details.issues`: a `FieldIssue` with an optional severity. */
export type RuleIssue = FieldIssue & { readonly severity?: string };

/**
 * Input refused by the food-safety or validation rules (the server's `details.issues`, or the client's own check).
 * `code` is the API's code (`VALIDATION_FAILED`, `LEDGER_RULE_VIOLATION` …); `issues` lists every field at fault,
 * each with its FIELD_* or rule code and message.
 */
export class RuleError extends BrightKitchenError {
  declare readonly code: ApiErrorCode;
  readonly issues: readonly RuleIssue[];

  constructor(
    code: ApiErrorCode,
    text: LocalizedText,
    issues: readonly RuleIssue[],
    status?: number,
    details?: unknown,
  ) {
    super(code, text, { status, details: details ?? { issues } });
    this.name = 'RuleError';
    this.issues = issues;
  }
}
