/**
 * Reading a question file (.xlsx or CSV, as a table of text cells) into questions, with a report of every problem
 * by row and column. Headers in Chinese or English: 题型/type, 题干/stem, 选项A…选项F/optionA…optionF,
 * 答案/answer, 解析/explanation, 知识点/topic, and optionally 规则/rule. Pure: the server reads the file's cells,
 * this decides what they mean.
 */
import type { LocalizedText } from '../domain/text.js';
import { OPTION_IDS, type OptionId, type Question, RULE_REF_PATTERN } from './question.js';
import { topicOf } from './topics.js';

/** The codes of an import problem (see {@link QUESTION_IMPORT_MESSAGES}). */
export type QuestionImportCode = keyof typeof QUESTION_IMPORT_MESSAGES;

/** What each problem means, in zh-CN and en. */
export const QUESTION_IMPORT_MESSAGES = {
  IMPORT_EMPTY: { zh: '文件中没有试题', en: 'The file holds no questions' },
  IMPORT_TOO_MANY_ROWS: { zh: '试题过多，每个文件最多 5000 题', en: 'Too many rows: at most 5000 questions a file' },
  IMPORT_HEADER_MISSING: { zh: '缺少必需的列', en: 'A required column is missing' },
  IMPORT_HEADER_DUPLICATE: { zh: '列名重复', en: 'The column appears twice' },
  QUESTION_TYPE_UNKNOWN: {
    zh: '题型应为单选、多选或判断',
    en: 'The type must be single, multiple or true/false',
  },
  QUESTION_STEM_MISSING: { zh: '题干为空', en: 'The stem is empty' },
  QUESTION_STEM_TOO_LONG: { zh: '题干过长（最多 500 字）', en: 'The stem is too long (at most 500 characters)' },
  QUESTION_STEM_DUPLICATE: { zh: '题干与其他试题重复', en: 'The stem repeats another question' },
  QUESTION_OPTIONS_TOO_FEW: { zh: '选择题至少需要两个选项', en: 'A choice question needs at least two options' },
  QUESTION_OPTION_GAP: { zh: '选项应从 A 起连续填写', en: 'Options must be filled in order from A' },
  QUESTION_OPTION_TOO_LONG: { zh: '选项过长（最多 200 字）', en: 'The option is too long (at most 200 characters)' },
  QUESTION_OPTION_REPEATED: { zh: '选项内容重复', en: 'Two options have the same text' },
  QUESTION_OPTIONS_NOT_ALLOWED: { zh: '判断题不填写选项', en: 'A true/false question has no options' },
  QUESTION_ANSWER_MISSING: { zh: '答案为空', en: 'The answer is empty' },
  QUESTION_ANSWER_NOT_AN_OPTION: { zh: '答案不在选项之中', en: 'The answer is not one of the options' },
  QUESTION_ANSWER_INVALID: {
    zh: '答案不符合题型（单选一个选项，多选至少两个，判断填“对”或“错”）',
    en: 'The answer does not fit the type (one option, two or more, or true/false)',
  },
  QUESTION_EXPLANATION_TOO_LONG: {
    zh: '解析过长（最多 1000 字）',
    en: 'The explanation is too long (at most 1000 characters)',
  },
  QUESTION_TOPIC_MISSING: { zh: '知识点为空', en: 'The topic is empty' },
  QUESTION_TOPIC_INVALID: {
    zh: '知识点应为平台的知识点名称或英文代码（小写字母、数字、下划线）',
    en: 'The topic must be a platform topic name or a code (lower-case letters, digits, underscores)',
  },
  QUESTION_RULE_INVALID: {
    zh: '规则代码只能包含字母、数字和 _:.-（最多 64 个）',
    en: 'A rule code has only letters, digits and _:.- (at most 64)',
  },
} as const satisfies Record<string, LocalizedText>;

/** One problem: the spreadsheet row (the header is row 1), the column as the file names it, a code and a message. */
export interface QuestionImportProblem {
  readonly row: number;
  readonly column: string;
  readonly code: QuestionImportCode;
  readonly message: LocalizedText;
}

/** A question read from a file, before the bank gives it an id. */
export type ImportedQuestion = DistributiveOmit<Question, 'id'> & { readonly row: number };
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** The most data rows a file may have. */
export const QUESTION_IMPORT_MAX_ROWS = 5000;

type Field = 'type' | 'stem' | OptionField | 'answer' | 'explanation' | 'topic' | 'rule';
type OptionField = `option${OptionId}`;

const REQUIRED: readonly Field[] = ['type', 'stem', 'answer', 'topic'];

/** The headers each field is known by (compared without spaces, English case-insensitively). */
const HEADERS: Readonly<Record<Field, readonly string[]>> = {
  type: ['题型', 'type'],
  stem: ['题干', 'stem'],
  ...(Object.fromEntries(OPTION_IDS.map((id) => [`option${id}`, [`选项${id}`, `option${id}`]])) as unknown as Record<
    OptionField,
    readonly string[]
  >),
  answer: ['答案', 'answer'],
  explanation: ['解析', 'explanation'],
  topic: ['知识点', 'topic'],
  rule: ['规则', 'rule'],
};

const KIND_WORDS: Readonly<Record<string, Question['kind']>> = {
  单选: 'single',
  单选题: 'single',
  单项选择: 'single',
  单项选择题: 'single',
  single: 'single',
  single_choice: 'single',
  多选: 'multiple',
  多选题: 'multiple',
  多项选择: 'multiple',
  多项选择题: 'multiple',
  multiple: 'multiple',
  multiple_choice: 'multiple',
  判断: 'true_false',
  判断题: 'true_false',
  true_false: 'true_false',
  truefalse: 'true_false',
};

const TRUE_WORDS = new Set(['对', '正确', '是', '√', '✓', 'T', 'TRUE', 'Y', 'YES']);
const FALSE_WORDS = new Set(['错', '错误', '否', '×', '✗', 'X', 'F', 'FALSE', 'N', 'NO']);

/** A stem made comparable: full-width forms folded (NFKC), no white space, lower case. */
export function stemKey(stem: string): string {
  return stem.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}

function headerKey(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}

export interface ReadQuestionsOptions {
  /** Stem keys ({@link stemKey}) already in the bank: a row repeating one is a duplicate. */
  readonly existingStems?: ReadonlySet<string>;
}

export interface ReadQuestionsResult {
  /** Data rows read (blank rows skipped). */
  readonly rows: number;
  /** The rows without problems, as questions. */
  readonly questions: readonly ImportedQuestion[];
  readonly problems: readonly QuestionImportProblem[];
  /** Rows with at least one problem. */
  readonly invalidRows: number;
  /** A problem of the whole file (headers, size): no row can be imported. */
  readonly fileRefused: boolean;
}

function problem(row: number, column: string, code: QuestionImportCode): QuestionImportProblem {
  return { row, column, code, message: QUESTION_IMPORT_MESSAGES[code] };
}

/** Reads a table (first row: headers) into questions and problems; see the module's comment for the columns. */
export function readQuestionTable(
  table: readonly (readonly string[])[],
  options: ReadQuestionsOptions = {},
): ReadQuestionsResult {
  const [header = [], ...body] = table;
  const columns = new Map<Field, { index: number; name: string }>();
  const problems: QuestionImportProblem[] = [];
  const byHeader = new Map<string, Field>();
  for (const [field, names] of Object.entries(HEADERS) as [Field, readonly string[]][]) {
    for (const name of names) byHeader.set(headerKey(name), field);
  }
  header.forEach((cell, index) => {
    const field = byHeader.get(headerKey(cell ?? ''));
    if (!field) return; // Other columns (序号, 难度 …) are left alone.
    if (columns.has(field)) problems.push(problem(1, cell, 'IMPORT_HEADER_DUPLICATE'));
    else columns.set(field, { index, name: cell.trim() });
  });
  for (const field of REQUIRED) {
    if (!columns.has(field)) problems.push(problem(1, HEADERS[field][0] as string, 'IMPORT_HEADER_MISSING'));
  }
  const dataRows = body
    .map((cells, i) => ({ cells, row: i + 2 }))
    .filter(({ cells }) => cells.some((c) => (c ?? '').trim() !== ''));
  if (problems.length === 0 && dataRows.length === 0) problems.push(problem(2, '', 'IMPORT_EMPTY'));
  if (dataRows.length > QUESTION_IMPORT_MAX_ROWS) {
    problems.push(problem((dataRows[QUESTION_IMPORT_MAX_ROWS] as { row: number }).row, '', 'IMPORT_TOO_MANY_ROWS'));
  }
  if (problems.length > 0) {
    return { rows: dataRows.length, questions: [], problems, invalidRows: 0, fileRefused: true };
  }

  const seen = new Set(options.existingStems ?? []);
  const questions: ImportedQuestion[] = [];
  let invalidRows = 0;
  for (const { cells, row } of dataRows) {
    const rowProblems: QuestionImportProblem[] = [];
    const cell = (field: Field) => {
      const column = columns.get(field);
      return column ? (cells[column.index] ?? '').trim() : '';
    };
    const col = (field: Field) => columns.get(field)?.name ?? (HEADERS[field][0] as string);
    const flag = (field: Field, code: QuestionImportCode) => rowProblems.push(problem(row, col(field), code));

    const kindWord = cell('type');
    const kind = KIND_WORDS[kindWord] ?? KIND_WORDS[kindWord.toLowerCase()];
    if (!kind) flag('type', 'QUESTION_TYPE_UNKNOWN');

    const stem = cell('stem');
    if (stem === '') flag('stem', 'QUESTION_STEM_MISSING');
    else if (stem.length > 500) flag('stem', 'QUESTION_STEM_TOO_LONG');
    else if (seen.has(stemKey(stem))) flag('stem', 'QUESTION_STEM_DUPLICATE');

    const written = OPTION_IDS.map((id) => ({ id, text: cell(`option${id}`) }));
    const lastFilled = written.reduce((last, o, i) => (o.text !== '' ? i : last), -1);
    const options = written.slice(0, lastFilled + 1);
    if (kind === 'true_false') {
      if (options.length > 0) flag(`option${OPTION_IDS[0]}`, 'QUESTION_OPTIONS_NOT_ALLOWED');
    } else if (kind) {
      const gap = options.find((o) => o.text === '');
      if (gap) flag(`option${gap.id}`, 'QUESTION_OPTION_GAP');
      else if (options.length < 2) flag(`option${OPTION_IDS[options.length] ?? 'A'}`, 'QUESTION_OPTIONS_TOO_FEW');
      const long = options.find((o) => o.text.length > 200);
      if (long) flag(`option${long.id}`, 'QUESTION_OPTION_TOO_LONG');
      const texts = options.map((o) => stemKey(o.text)).filter((t) => t !== '');
      if (new Set(texts).size !== texts.length) flag(`option${OPTION_IDS[0]}`, 'QUESTION_OPTION_REPEATED');
    }

    const answerText = cell('answer');
    let answer: OptionId | OptionId[] | boolean | undefined;
    if (answerText === '') flag('answer', 'QUESTION_ANSWER_MISSING');
    else if (kind === 'true_false') {
      const word = answerText.toUpperCase();
      if (TRUE_WORDS.has(word)) answer = true;
      else if (FALSE_WORDS.has(word)) answer = false;
      else flag('answer', 'QUESTION_ANSWER_INVALID');
    } else if (kind) {
      const letters = answerText.toUpperCase().replace(/[\s,，、;；/]/g, '');
      const valid = /^[A-Z]+$/.test(letters) ? Array.from(letters) : null;
      const offered = new Set(options.filter((o) => o.text !== '').map((o) => o.id as string));
      if (!valid || new Set(valid).size !== valid.length) flag('answer', 'QUESTION_ANSWER_INVALID');
      else if (valid.some((l) => !offered.has(l))) flag('answer', 'QUESTION_ANSWER_NOT_AN_OPTION');
      else if (kind === 'single' ? valid.length !== 1 : valid.length < 2) flag('answer', 'QUESTION_ANSWER_INVALID');
      else answer = kind === 'single' ? (valid[0] as OptionId) : (valid.sort() as OptionId[]);
    }

    const explanation = cell('explanation');
    if (explanation.length > 1000) flag('explanation', 'QUESTION_EXPLANATION_TOO_LONG');
    const topicText = cell('topic');
    const topic = topicText === '' ? undefined : topicOf(topicText);
    if (topicText === '') flag('topic', 'QUESTION_TOPIC_MISSING');
    else if (!topic) flag('topic', 'QUESTION_TOPIC_INVALID');
    const rule = cell('rule');
    if (rule !== '' && !RULE_REF_PATTERN.test(rule)) flag('rule', 'QUESTION_RULE_INVALID');

    if (stem !== '') seen.add(stemKey(stem));
    if (rowProblems.length > 0 || !kind || answer === undefined || !topic) {
      problems.push(...rowProblems);
      invalidRows += 1;
      continue;
    }
    const common = {
      row,
      stem,
      topic,
      ...(explanation ? { explanation } : {}),
      ...(rule ? { rule } : {}),
    };
    const choices = options.map((o) => ({ id: o.id, text: o.text }));
    if (kind === 'true_false') questions.push({ ...common, kind, answer: answer as boolean });
    else if (kind === 'single') questions.push({ ...common, kind, options: choices, answer: answer as OptionId });
    else questions.push({ ...common, kind, options: choices, answers: answer as OptionId[] });
  }
  return { rows: dataRows.length, questions, problems, invalidRows, fileRefused: false };
}

/** The report of an import (`POST /v1/training/questions/import`, `bk-questions import`). */
export interface QuestionImportReport {
  /** Data rows in the file. */
  readonly rows: number;
  /** Rows without problems. */
  readonly valid: number;
  /** Questions stored (0 when refused or a dry run). */
  readonly imported: number;
  /** Rows left out under `skipInvalid`. */
  readonly skipped: number;
  /** Nothing stored: a problem and no `skipInvalid`, or a problem of the whole file. */
  readonly refused: boolean;
  /** The problems, at most {@link QUESTION_IMPORT_REPORT_MAX} of them. */
  readonly problems: readonly QuestionImportProblem[];
  /** All problems found (more than `problems` lists when it was cut). */
  readonly problemCount: number;
}

/** The most problems a report lists. */
export const QUESTION_IMPORT_REPORT_MAX = 500;

/** The report of what `readQuestionTable` found, `imported` questions stored. */
export function importReport(read: ReadQuestionsResult, imported: number, skipInvalid: boolean): QuestionImportReport {
  const refused = read.fileRefused || (read.problems.length > 0 && !skipInvalid);
  return {
    rows: read.rows,
    valid: read.questions.length,
    imported,
    skipped: refused ? 0 : read.invalidRows,
    refused,
    problems: read.problems.slice(0, QUESTION_IMPORT_REPORT_MAX),
    problemCount: read.problems.length,
  };
}

/** One problem as a line of text (the CLI prints these): `第 5 行「答案」QUESTION_ANSWER_MISSING 答案为空 / The answer is empty`. */
export function problemLine(p: QuestionImportProblem): string {
  const where = p.column ? `第 ${p.row} 行「${p.column}」` : `第 ${p.row} 行`;
  return `${where} ${p.code} ${p.message.zh} / row ${p.row}${p.column ? ` (${p.column})` : ''}: ${p.message.en}`;
}
