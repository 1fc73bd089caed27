/**
 * Ajv's errors as field issues in the SDK's one vocabulary (`fieldIssue`, FIELD_* codes): the same code, path and
 * message the SDK's `parse` gives for the same schema. Ajv does not hand over the value, so the caller passes
 * the validated data (body, query …) to tell a missing value (`null`, `''`) from a wrong one.
 */
import { type FieldIssue, type FieldIssueCode, type FieldIssueFacts, fieldIssue } from '@brightkitchen/sdk';

interface AjvLikeError {
  readonly keyword?: string;
  readonly instancePath?: string;
  readonly params?: Record<string, unknown>;
}

type Mapped = readonly [FieldIssueCode, FieldIssueFacts?];

export function ajvErrorsToIssues(errors: readonly AjvLikeError[], context?: string, data?: unknown): FieldIssue[] {
  const seen = new Set<string>();
  const issues: FieldIssue[] = [];
  for (const error of errors) {
    const pointer = (error.instancePath ?? '').split('/').slice(1).map(unescapePointer);
    const leaf = leafOf(error);
    const fieldPath = leaf === undefined ? pointer : [...pointer, leaf];
    const path = [context && context !== 'body' ? context : '', ...fieldPath].filter(Boolean).join('.');
    // One issue per field, like `parse`: a union's branches would otherwise each add one.
    if (seen.has(path)) continue;
    seen.add(path);
    const [code, facts] = classify(error, valueAt(data, pointer));
    issues.push(fieldIssue(code, path, facts));
  }
  return issues;
}

function leafOf(error: AjvLikeError): string | undefined {
  if (error.keyword === 'required') return String(error.params?.missingProperty ?? '');
  if (error.keyword === 'additionalProperties') return String(error.params?.additionalProperty ?? '');
  return undefined;
}

function classify({ keyword, params }: AjvLikeError, value: unknown): Mapped {
  const limit = typeof params?.limit === 'number' ? params.limit : undefined;
  switch (keyword) {
    case 'required':
      return ['FIELD_REQUIRED'];
    case 'type':
      return value === null ? ['FIELD_REQUIRED'] : ['FIELD_TYPE'];
    case 'minLength':
    case 'minItems':
      return isEmpty(value)
        ? ['FIELD_REQUIRED']
        : ['FIELD_TOO_SHORT', { limit, unit: keyword === 'minItems' ? 'items' : 'characters' }];
    case 'maxLength':
    case 'maxItems':
      return ['FIELD_TOO_LONG', { limit, unit: keyword === 'maxItems' ? 'items' : 'characters' }];
    case 'minProperties':
      return ['FIELD_TOO_SHORT', { limit, unit: 'items' }];
    case 'maxProperties':
      return ['FIELD_TOO_LONG', { limit, unit: 'items' }];
    case 'minimum':
    case 'exclusiveMinimum':
      return ['FIELD_TOO_SMALL', { limit, exclusive: keyword === 'exclusiveMinimum' }];
    case 'maximum':
    case 'exclusiveMaximum':
      return ['FIELD_TOO_LARGE', { limit, exclusive: keyword === 'exclusiveMaximum' }];
    case 'pattern':
    case 'format':
      return ['FIELD_FORMAT'];
    case 'enum':
    case 'const':
      return ['FIELD_ENUM'];
    case 'additionalProperties':
      return ['FIELD_UNKNOWN'];
    case 'multipleOf':
      return ['FIELD_TYPE'];
    default:
      return [typeof value === 'string' ? 'FIELD_FORMAT' : 'FIELD_INVALID'];
  }
}

function isEmpty(value: unknown): boolean {
  return (typeof value === 'string' || Array.isArray(value)) && value.length === 0;
}

function unescapePointer(segment: string): string {
  return segment.replaceAll('~1', '/').replaceAll('~0', '~');
}

/** The value at a JSON pointer's segments, or undefined. */
function valueAt(data: unknown, segments: readonly string[]): unknown {
  let current = data;
  for (const segment of segments) {
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, segment)) return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}
