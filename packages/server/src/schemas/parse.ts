import type { FieldIssue } from '@brightkitchen/sdk';
import * as v from 'valibot';
import { AppError } from '../errors/index.js';

/** valibot issues in the SDK's FieldIssue shape. */
export function valibotIssues(issues: readonly v.BaseIssue<unknown>[]): FieldIssue[] {
  return issues.map((issue) => ({
    code: `SCHEMA_${issue.type.toUpperCase()}`,
    path: v.getDotPath(issue) ?? '',
    message: { zh: '字段不合法', en: issue.message },
  }));
}

/** Parses input with a valibot schema or throws VALIDATION_FAILED with every field issue. */
export function parseOrThrow<TSchema extends v.GenericSchema>(schema: TSchema, input: unknown): v.InferOutput<TSchema> {
  // valibot's `object` takes any non-null object, arrays included: a JSON array is not an object body.
  if (Array.isArray(input) && schema.type === 'object') {
    throw new AppError('VALIDATION_FAILED', {
      issues: [{ code: 'SCHEMA_OBJECT', path: '', message: { zh: '须为 JSON 对象', en: 'Expected a JSON object' } }],
    });
  }
  const result = v.safeParse(schema, input);
  if (!result.success) throw new AppError('VALIDATION_FAILED', { issues: valibotIssues(result.issues) });
  return result.output;
}
