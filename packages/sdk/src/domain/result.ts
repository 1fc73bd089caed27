import type { LocalizedText } from './text.js';

/** One problem found in an input: a stable code, the field at fault (dot path, `''` for the root) and a message. */
export interface FieldIssue {
  readonly code: string;
  readonly path: string;
  readonly message: LocalizedText;
}

/** The outcome of parsing unknown input: the typed value, or every field problem. Never thrown. */
export type ParseResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly issues: readonly FieldIssue[] };
