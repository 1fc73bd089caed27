/**
 * The error body every failing route answers: `{ code, message: { zh, en }, details? }`, with the field issues in
 * `details.issues`. An app picks the language from `message`; no part of it repeats more than 200 characters
 * of the input.
 */
import * as v from 'valibot';
import { LocalizedTextSchema } from '../domain/primitives.js';
import type { FieldIssue } from '../domain/result.js';
import type { LocalizedText } from '../domain/text.js';
import { API_ERRORS, type ApiErrorCode } from './errors.js';

/** `details` of an error body: field issues when some input was at fault, else facts of the code. */
export interface ApiErrorDetails {
  /** Each field at fault: FIELD_* codes, or the rule codes of a ledger record (with their severity). */
  readonly issues?: readonly (FieldIssue & { readonly severity?: string })[];
  readonly [fact: string]: unknown;
}

/** The body of every error answer. */
export interface ApiErrorBody {
  readonly code: ApiErrorCode;
  readonly message: LocalizedText;
  readonly details?: ApiErrorDetails;
}

/** A field issue on the wire. */
export const ApiErrorIssueSchema = v.object({
  code: v.string(),
  path: v.string(),
  message: LocalizedTextSchema,
  severity: v.optional(v.picklist(['error', 'warning'])),
});

/** {@link ApiErrorBody} as a schema, for the OpenAPI document and for checking answers in tests. */
export const ApiErrorBodySchema = v.object({
  code: v.picklist(Object.keys(API_ERRORS) as ApiErrorCode[]),
  message: LocalizedTextSchema,
  details: v.optional(v.looseObject({ issues: v.optional(v.array(ApiErrorIssueSchema)) })),
});
