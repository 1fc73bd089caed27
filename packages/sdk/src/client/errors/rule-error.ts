import type { FieldIssue } from '../../domain/result.js';
import { BrightKitchenError } from './bright-kitchen-error.js';

/** A field issue as the server sends it in `details.issues`: a `FieldIssue` with an optional severity. */
export type RuleIssue = FieldIssue & { readonly severity?: string };

/**
 * A record refused by the food-safety or validation rules (the server's `details.issues`).
 * `code` is the server's code (e.g. `VALIDATION_FAILED`); `issues` lists every field at fault.
 */
export class RuleError extends BrightKitchenError {
  readonly issues: readonly RuleIssue[];

  constructor(code: string, message: string, issues: readonly RuleIssue[], status?: number, details?: unknown) {
    super(code, message, { status, details: details ?? { issues } });
    this.name = 'RuleError';
    this.issues = issues;
  }
}
