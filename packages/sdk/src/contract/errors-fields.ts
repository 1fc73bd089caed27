/**
 * One vocabulary for problems in an input, whoever finds them (the SDK's `parse`, the server's JSON Schema check,
 * the ledger validator): `{ code, path, message: { zh, en } }` with a FIELD_* code. Messages name the field by its
 * label when the caller knows one (`staffId` → 从业人员) and never repeat the value.
 */
import type { FieldIssue } from '../domain/result.js';
import type { LocalizedText } from '../domain/text.js';

/** The codes of field issues a request body can have (see {@link FIELD_ISSUE_MEANINGS}). */
export const FIELD_ISSUE_CODES = [
  'FIELD_REQUIRED',
  'FIELD_TYPE',
  'FIELD_TOO_LONG',
  'FIELD_TOO_SHORT',
  'FIELD_TOO_LARGE',
  'FIELD_TOO_SMALL',
  'FIELD_FORMAT',
  'FIELD_ENUM',
  'FIELD_UNKNOWN',
  'FIELD_NOT_FOUND',
  'FIELD_INVALID',
  'INPUT_TOO_LARGE',
  'INPUT_UNREADABLE',
] as const;
/** One of {@link FIELD_ISSUE_CODES}. */
export type FieldIssueCode = (typeof FIELD_ISSUE_CODES)[number];

/** When each code is used, for docs/api.md (not shipped unless imported). */
export const FIELD_ISSUE_MEANINGS: Readonly<Record<FieldIssueCode, string>> = {
  FIELD_REQUIRED: 'Missing, `null`, or an empty (or blank) text or list where a value is needed.',
  FIELD_TYPE: 'The wrong JSON type: a text where a number is expected, a fraction for a count, a list for an object.',
  FIELD_TOO_LONG: 'A text or list longer than allowed.',
  FIELD_TOO_SHORT: 'A text or list shorter than allowed (and not empty).',
  FIELD_TOO_LARGE: 'A number above its maximum.',
  FIELD_TOO_SMALL: 'A number below its minimum.',
  FIELD_FORMAT: 'A text of the wrong form: a day, an instant, a code, a URL, a pattern.',
  FIELD_ENUM: 'A value that is not one of the allowed ones.',
  FIELD_UNKNOWN: 'A field the schema does not have.',
  FIELD_NOT_FOUND: 'A reference to something that does not exist (a region, a staff member of the venue).',
  FIELD_INVALID: 'Any other check on the field failed.',
  INPUT_TOO_LARGE: "The whole input is beyond the SDK parser's limits (values or characters); nothing was checked.",
  INPUT_UNREADABLE: 'The input could not be read at all (a throwing getter, a hostile proxy).',
};

/** The longest text an answer or an issue repeats from the input; longer text is cut and ends with `…`. */
export const ECHO_MAX_CHARS = 200;

/** `text` cut to {@link ECHO_MAX_CHARS} characters, ending in `…` when cut. */
export function clipEcho(text: string): string {
  return text.length <= ECHO_MAX_CHARS ? text : `${text.slice(0, ECHO_MAX_CHARS - 1)}…`;
}

/** Labels of fields in zh-CN and en, keyed by dot path without list indexes (`supplier.licenceNo`). */
export type FieldLabels = Readonly<Record<string, LocalizedText>>;

/** The limit a field broke, when the checker knows it; never the value itself. */
export interface FieldIssueFacts {
  /** TOO_LONG / TOO_SHORT: the length allowed; TOO_LARGE / TOO_SMALL: the bound. */
  readonly limit?: number;
  /** The bound itself is not allowed (`< 0` rather than `≤ 0`): the message then names no number. */
  readonly exclusive?: boolean;
  /** TOO_LONG / TOO_SHORT: what the length counts. */
  readonly unit?: 'characters' | 'items';
}

type Text = readonly [zh: string, en: string];

/** The sentence of each code; `{f}` is the field's name. A broken limit adds a clause in brackets. */
const MESSAGES: Readonly<Record<FieldIssueCode, Text>> = {
  FIELD_REQUIRED: ['缺少{f}', '{f} is required'],
  FIELD_TYPE: ['{f}的类型不正确', '{f} has the wrong type'],
  FIELD_TOO_LONG: ['{f}过长', '{f} is too long'],
  FIELD_TOO_SHORT: ['{f}过短', '{f} is too short'],
  FIELD_TOO_LARGE: ['{f}过大', '{f} is too large'],
  FIELD_TOO_SMALL: ['{f}过小', '{f} is too small'],
  FIELD_FORMAT: ['{f}的格式不正确', '{f} has an invalid format'],
  FIELD_ENUM: ['{f}的取值无效', '{f} is not an allowed value'],
  FIELD_UNKNOWN: ['不支持{f}', '{f} is not a known field'],
  FIELD_NOT_FOUND: ['{f}不存在', '{f} does not exist'],
  FIELD_INVALID: ['{f}无效', '{f} is invalid'],
  INPUT_TOO_LARGE: ['内容过大，无法检查', 'The input is too large to check'],
  INPUT_UNREADABLE: ['无法读取内容', 'The input could not be read'],
};

const UNITS: Readonly<Record<NonNullable<FieldIssueFacts['unit']>, Text>> = {
  characters: [' 个字', ' characters'],
  items: [' 项', ' items'],
};

/** The bracketed clause of a broken limit: `最多 500 个字` / `at most 500 characters`. */
function clause(code: FieldIssueCode, { limit, exclusive, unit }: FieldIssueFacts): Text | null {
  if (limit === undefined || exclusive) return null;
  const [zhUnit, enUnit] = unit ? UNITS[unit] : ['', ''];
  return code === 'FIELD_TOO_LONG' || code === 'FIELD_TOO_LARGE'
    ? [`最多 ${limit}${zhUnit}`, `at most ${limit}${enUnit}`]
    : [`至少 ${limit}${zhUnit}`, `at least ${limit}${enUnit}`];
}

const ROOT: LocalizedText = { zh: '内容', en: 'the input' };

/**
 * How a message names the field at `path`: its label when `labels` has one (list indexes ignored), else
 * `字段 a.b` / `field a.b`; the root (`''`) is 内容 / the input.
 */
export function fieldName(path: string, labels?: FieldLabels): LocalizedText {
  const key = path
    .split('.')
    .filter((part) => !/^\d+$/.test(part))
    .join('.');
  if (labels && Object.hasOwn(labels, key)) return labels[key] as LocalizedText;
  return path === '' ? ROOT : { zh: `字段 ${path} `, en: `field ${path}` };
}

/**
 * A field issue with its message in zh-CN and en. `path` is a dot path (`''` for the whole input), cut to
 * {@link ECHO_MAX_CHARS} since it may repeat an input's key.
 *
 * @example
 * fieldIssue('FIELD_REQUIRED', 'staffId', {}, LEDGER_FIELD_LABELS)
 * // { code: 'FIELD_REQUIRED', path: 'staffId', message: { zh: '缺少从业人员', en: 'Staff member is required' } }
 */
export function fieldIssue(
  code: FieldIssueCode,
  path: string,
  facts: FieldIssueFacts = {},
  labels?: FieldLabels,
): FieldIssue & { readonly code: FieldIssueCode } {
  const shown = clipEcho(path);
  const name = fieldName(shown, labels);
  const [zh, en] = MESSAGES[code];
  const extra = clause(code, facts);
  return {
    code,
    path: shown,
    message: {
      zh: zh.replace('{f}', name.zh).trim() + (extra ? `（${extra[0]}）` : ''),
      en: capitalize(en.replace('{f}', name.en)) + (extra ? ` (${extra[1]})` : ''),
    },
    ...(facts.limit === undefined ? {} : { facts }),
  };
}

/** True for a FIELD_* (or INPUT_*) code: a problem with the input's shape rather than a rule. */
export function isFieldIssueCode(code: unknown): code is FieldIssueCode {
  return typeof code === 'string' && Object.hasOwn(MESSAGES, code);
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
