import type { FieldIssueFacts } from '../contract/errors-fields.js';
import type { LocalizedText } from './text.js';

/** One problem found in an input: a stable code, the field at fault (dot path, `''` for the root) and a message. */
export interface FieldIssue {
  readonly code: string;
  readonly path: string;
  readonly message: LocalizedText;
  /**
   * The limit broken, when the checker knows it (never the value): lets a form write its own sentence, with the
   * field's label and unit (`体温不能高于 45 ℃`).
   */
  readonly facts?: FieldIssueFacts;
}

/** The outcome of parsing unknown input: the typed value, or every field problem. Never thrown. */
export type ParseResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly issues: readonly FieldIssue[] };
