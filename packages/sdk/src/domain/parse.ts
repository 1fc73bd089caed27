/**
 * `parse(schema, input)`: validates unknown input against a domain schema and returns the typed
 * value or every field issue, each with a stable code, a dot path and a message in zh and en.
 * It never throws: oversized, cyclic or hostile input (throwing getters, proxies) becomes an issue.
 */
import * as v from 'valibot';
import type { FieldIssue, ParseResult } from './result.js';
import type { LocalizedText } from './text.js';

export const FIELD_ISSUE_CODES = [
  'FIELD_REQUIRED',
  'FIELD_TYPE',
  'FIELD_TOO_LONG',
  'FIELD_TOO_SHORT',
  'FIELD_OUT_OF_RANGE',
  'FIELD_FORMAT',
  'FIELD_UNKNOWN_VALUE',
  'INPUT_TOO_LARGE',
  'INPUT_UNREADABLE',
] as const;
export type FieldIssueCode = (typeof FIELD_ISSUE_CODES)[number];

/** Bounds on the input walked before validation. */
export interface ParseLimits {
  /** Values counted (every object, array, item and scalar). */
  readonly maxNodes: number;
  /** Characters in all strings and keys together (UTF-16 units). */
  readonly maxChars: number;
  /** Issues returned at most; the rest are dropped. */
  readonly maxIssues: number;
}

/** Room for a complaint with three 2 MiB photos in base64, and far beyond any ledger or form. */
export const DEFAULT_PARSE_LIMITS: ParseLimits = { maxNodes: 100_000, maxChars: 10 * 1024 * 1024, maxIssues: 1000 };

/** Validates `input` against `schema`, collecting every issue; never throws. */
export function parse<TSchema extends v.GenericSchema>(
  schema: TSchema,
  input: unknown,
  limits: Partial<ParseLimits> = {},
): ParseResult<v.InferOutput<TSchema>> {
  const bounds = { ...DEFAULT_PARSE_LIMITS, ...limits };
  try {
    const tooLarge = exceedsLimits(input, bounds);
    if (tooLarge) return { ok: false, issues: [issue('INPUT_TOO_LARGE', '', tooLarge)] };
    const result = v.safeParse(schema, input, { abortEarly: false, abortPipeEarly: false });
    if (result.success) return { ok: true, value: result.output };
    return { ok: false, issues: result.issues.slice(0, bounds.maxIssues).map(toFieldIssue) };
  } catch {
    return { ok: false, issues: [issue('INPUT_UNREADABLE', '', null)] };
  }
}

/** Maps one valibot issue to a field issue. A schema may pin the code by giving it as the action's message. */
export function toFieldIssue(valibotIssue: v.BaseIssue<unknown>): FieldIssue {
  const path = dotPath(valibotIssue.path);
  const pinned = FIELD_ISSUE_CODES.find((code) => code === valibotIssue.message);
  return issue(pinned ?? codeOf(valibotIssue), path, valibotIssue.expected);
}

const UNKNOWN_VALUE_TYPES = new Set(['picklist', 'literal', 'enum', 'variant']);
const TOO_LONG_TYPES = new Set(['max_length', 'max_size', 'max_bytes', 'max_graphemes', 'max_words', 'max_entries']);
const TOO_SHORT_TYPES = new Set(['min_length', 'min_size', 'min_bytes', 'min_graphemes', 'min_words', 'min_entries']);
const RANGE_TYPES = new Set(['min_value', 'max_value', 'gt_value', 'lt_value', 'value', 'not_value']);
const NUMBER_KIND_TYPES = new Set(['integer', 'safe_integer', 'finite']);

function codeOf(valibotIssue: v.BaseIssue<unknown>): FieldIssueCode {
  const { kind, type, input } = valibotIssue;
  if (kind === 'schema') {
    if (input === undefined || input === null) return 'FIELD_REQUIRED';
    return UNKNOWN_VALUE_TYPES.has(type) ? 'FIELD_UNKNOWN_VALUE' : 'FIELD_TYPE';
  }
  if (type === 'non_empty') return 'FIELD_REQUIRED';
  if (TOO_SHORT_TYPES.has(type)) return isEmpty(input) ? 'FIELD_REQUIRED' : 'FIELD_TOO_SHORT';
  if (TOO_LONG_TYPES.has(type)) return 'FIELD_TOO_LONG';
  if (RANGE_TYPES.has(type)) return 'FIELD_OUT_OF_RANGE';
  if (NUMBER_KIND_TYPES.has(type)) return 'FIELD_TYPE';
  return 'FIELD_FORMAT';
}

function isEmpty(input: unknown): boolean {
  return (typeof input === 'string' || Array.isArray(input)) && input.length === 0;
}

function dotPath(path: v.BaseIssue<unknown>['path']): string {
  if (!path) return '';
  return path.map((item) => String((item as { key: unknown }).key)).join('.');
}

type Template = (field: string, expected: string) => LocalizedText;

const MESSAGES: Readonly<Record<FieldIssueCode, Template>> = {
  FIELD_REQUIRED: (f) => ({ zh: `缺少必填项：${f}`, en: `${f} is required` }),
  FIELD_TYPE: (f, e) => ({
    zh: `${f} 的类型不正确${e && `（应为 ${e}）`}`,
    en: `${f} has the wrong type${e && ` (expected ${e})`}`,
  }),
  FIELD_TOO_LONG: (f, e) => ({
    zh: `${f} 过长${e && `（应 ${e}）`}`,
    en: `${f} is too long${e && ` (expected ${e})`}`,
  }),
  FIELD_TOO_SHORT: (f, e) => ({
    zh: `${f} 过短${e && `（应 ${e}）`}`,
    en: `${f} is too short${e && ` (expected ${e})`}`,
  }),
  FIELD_OUT_OF_RANGE: (f, e) => ({
    zh: `${f} 超出范围${e && `（应 ${e}）`}`,
    en: `${f} is out of range${e && ` (expected ${e})`}`,
  }),
  FIELD_FORMAT: (f) => ({ zh: `${f} 的格式不正确`, en: `${f} has an invalid format` }),
  FIELD_UNKNOWN_VALUE: (f, e) => ({
    zh: `${f} 的取值无效${e && `（可选 ${e}）`}`,
    en: `${f} is not an allowed value${e && ` (one of ${e})`}`,
  }),
  INPUT_TOO_LARGE: (_f, e) => ({ zh: `输入过大（${e}）`, en: `The input is too large (${e})` }),
  INPUT_UNREADABLE: () => ({ zh: '无法读取输入', en: 'The input could not be read' }),
};

function issue(code: FieldIssueCode, path: string, expected: string | null): FieldIssue {
  const shown = expected && expected.length <= 200 ? expected : '';
  const field = path === '' ? 'input' : path;
  return { code, path, message: MESSAGES[code](field, shown) };
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
