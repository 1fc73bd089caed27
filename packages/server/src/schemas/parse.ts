import { type FieldIssue, fieldIssue, toFieldIssue } from '@brightkitchen/sdk';
import * as v from 'valibot';
import { AppError } from '../errors/index.js';

/** valibot issues as field issues: the codes and messages of the SDK's `parse` (FIELD_*), never the value. */
export function valibotIssues(issues: readonly v.BaseIssue<unknown>[]): FieldIssue[] {
  return issues.map((issue) => toFieldIssue(issue));
}

/** Parses input with a valibot schema or throws VALIDATION_FAILED with every field issue. */
export function parseOrThrow<TSchema extends v.GenericSchema>(schema: TSchema, input: unknown): v.InferOutput<TSchema> {
  // valibot's `object` takes any non-null object, arrays included: a JSON array is not an object body.
  if (Array.isArray(input) && schema.type === 'object') {
    throw new AppError('VALIDATION_FAILED', { issues: [fieldIssue('FIELD_TYPE', '')] });
  }
  const result = v.safeParse(schema, input);
  if (!result.success) throw new AppError('VALIDATION_FAILED', { issues: valibotIssues(result.issues) });
  return result.output;
}
