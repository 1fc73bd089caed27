/**
 * `parse(schema, input)`: validates unknown input against a domain schema and returns the typed
 * value or every field issue, each with a stable code, a dot path and a message in zh and en.
 * It never throws: oversized, cyclic or hostile input (throwing getters, proxies) becomes an issue.
 */
import * as v from 'valibot';
import {
  type FieldIssueCode,
  type FieldIssueFacts,
  type FieldLabels,
  fieldIssue,
  isFieldIssueCode,
} from '../contract/errors-fields.js';
import type { FieldIssue, ParseResult } from './result.js';

/** Bounds on the input walked before validation. */
export interface ParseLimits {
  /** Values counted (every object, array, item and scalar). */
  readonly maxNodes: number;
  /** Characters in all strings and keys together (UTF-16 units). */
  readonly maxChars: number;
  /** Issues returned at most; the rest are dropped. */
  readonly maxIssues: number;
}

/** The limits, and the labels messages name fields by (e.g. `LEDGER_FIELD_LABELS`). */
export interface ParseOptions extends Partial<ParseLimits> {
  readonly labels?: FieldLabels;
}

/** Room for a complaint with three 2 MiB photos in base64, and far beyond any ledger or form. */
export const DEFAULT_PARSE_LIMITS: ParseLimits = { maxNodes: 100_000, maxChars: 10 * 1024 * 1024, maxIssues: 1000 };

/**
 * Validates `input` against `schema`, collecting every issue; never throws.
 *
 * @example
 * const result = parse(MorningCheckRecordSchema, form, { labels: LEDGER_FIELD_LABELS });
 * if (!result.ok) show(result.issues); // [{ code: 'FIELD_REQUIRED', path: 'staffId', message: { zh: '缺少从业人员', … } }]
 */
export function parse<TSchema extends v.GenericSchema>(
  schema: TSchema,
  input: unknown,
  options: ParseOptions = {},
): ParseResult<v.InferOutput<TSchema>> {
  const bounds = { ...DEFAULT_PARSE_LIMITS, ...options };
  try {
    if (exceedsLimits(input, bounds)) return { ok: false, issues: [fieldIssue('INPUT_TOO_LARGE', '')] };
    const result = v.safeParse(schema, input, { abortEarly: false, abortPipeEarly: false });
    if (result.success) return { ok: true, value: result.output };
    const issues = result.issues.slice(0, bounds.maxIssues);
    return { ok: false, issues: issues.map((issue) => toFieldIssue(issue, options.labels)) };
  } catch {
    return { ok: false, issues: [fieldIssue('INPUT_UNREADABLE', '')] };
  }
}

/**
 * Maps one valibot issue to a field issue. A schema may pin the code by giving it as the action's message
 * (`v.regex(/\S/, 'FIELD_REQUIRED')`).
 */
export function toFieldIssue(valibotIssue: v.BaseIssue<unknown>, labels?: FieldLabels): FieldIssue {
  const path = dotPath(valibotIssue.path);
  const pinned = valibotIssue.message;
  const [code, facts] = isFieldIssueCode(pinned) ? [pinned, {}] : classify(valibotIssue);
  return fieldIssue(code, path, facts, labels);
}

const ENUM_TYPES = new Set(['picklist', 'literal', 'enum', 'variant']);
const TOO_LONG_TYPES = new Set(['max_length', 'max_size', 'max_bytes', 'max_graphemes', 'max_words', 'max_entries']);
const TOO_SHORT_TYPES = new Set(['min_length', 'min_size', 'min_bytes', 'min_graphemes', 'min_words', 'min_entries']);

function classify(issue: v.BaseIssue<unknown>): [FieldIssueCode, FieldIssueFacts] {
  const { kind, type, input, expected } = issue;
  const requirement = (issue as { requirement?: unknown }).requirement;
  const limit = typeof requirement === 'number' ? requirement : undefined;
  if (kind === 'schema') {
    if (input === undefined || input === null) return ['FIELD_REQUIRED', {}];
    if (expected === 'never') return ['FIELD_UNKNOWN', {}];
    return [ENUM_TYPES.has(type) ? 'FIELD_ENUM' : 'FIELD_TYPE', {}];
  }
  const unit = Array.isArray(input) ? 'items' : 'characters';
  if (type === 'non_empty') return ['FIELD_REQUIRED', {}];
  if (TOO_SHORT_TYPES.has(type)) return isEmpty(input) ? ['FIELD_REQUIRED', {}] : ['FIELD_TOO_SHORT', { limit, unit }];
  if (TOO_LONG_TYPES.has(type)) return ['FIELD_TOO_LONG', { limit, unit }];
  if (type === 'min_value' || type === 'gt_value')
    return ['FIELD_TOO_SMALL', { limit, exclusive: type === 'gt_value' }];
  if (type === 'max_value' || type === 'lt_value')
    return ['FIELD_TOO_LARGE', { limit, exclusive: type === 'lt_value' }];
  if (type === 'integer' || type === 'safe_integer' || type === 'finite') return ['FIELD_TYPE', {}];
  return [typeof input === 'string' ? 'FIELD_FORMAT' : 'FIELD_INVALID', {}];
}

function isEmpty(input: unknown): boolean {
  return (typeof input === 'string' || Array.isArray(input)) && input.length === 0;
}

function dotPath(path: v.BaseIssue<unknown>['path']): string {
  if (!path) return '';
  return path.map((item) => String((item as { key: unknown }).key)).join('.');
}

/**
 * Walks the input once, without recursion (deep nesting cannot overflow the stack) and visiting
 * each object once (cycles end). Returns which limit is exceeded, or null.
 */
function exceedsLimits(input: unknown, limits: ParseLimits): string | null {
  const seen = new Set<object>();
  const stack: unknown[] = [input];
  let nodes = 0;
  let chars = 0;
  while (stack.length > 0) {
    const value = stack.pop();
    nodes += 1;
    if (nodes > limits.maxNodes) return `> ${limits.maxNodes} values`;
    if (typeof value === 'string') chars += value.length;
    else if (typeof value === 'object' && value !== null && !seen.has(value)) {
      seen.add(value);
      if (Array.isArray(value)) {
        if (value.length > limits.maxNodes) return `> ${limits.maxNodes} values`;
        for (const item of value) stack.push(item);
      } else {
        for (const key of Object.keys(value)) {
          chars += key.length;
          stack.push((value as Record<string, unknown>)[key]);
          if (stack.length > limits.maxNodes) return `> ${limits.maxNodes} values`;
        }
      }
    }
    if (chars > limits.maxChars) return `> ${limits.maxChars} characters`;
  }
  return null;
}
