import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv.js';
import { importReport, problemLine, readQuestionTable, stemKey } from './question-import.js';

const HEADER_ZH = ['题型', '题干', '选项A', '选项B', '选项C', '选项D', '选项E', '选项F', '答案', '解析', '知识点'];

function table(...rows: string[][]): string[][] {
  return [HEADER_ZH, ...rows];
}

describe('readQuestionTable', () => {
  it('reads the three kinds with Chinese headers, topic labels and the usual ways to write an answer', () => {
    const read = readQuestionTable(
      table(
        ['单选', '留样至少冷藏多久？', '24 小时', '48 小时', '', '', '', '', 'b', '不少于 48 小时。', '食品留样'],
        ['多选题', '哪些症状须暂停上岗？', '发热', '腹泻', '近视', '', '', '', 'A、B', '', 'health_management'],
        ['判断', '冷藏温度为 0–8 ℃。', '', '', '', '', '', '', '对', '', '贮存与温度控制'],
      ),
    );
    expect(read.problems).toEqual([]);
    expect(read.questions).toEqual([
      {
        row: 2,
        kind: 'single',
        stem: '留样至少冷藏多久？',
        topic: 'sample_retention',
        explanation: '不少于 48 小时。',
        options: [
          { id: 'A', text: '24 小时' },
          { id: 'B', text: '48 小时' },
        ],
        answer: 'B',
      },
      {
        row: 3,
        kind: 'multiple',
        stem: '哪些症状须暂停上岗？',
        topic: 'health_management',
        options: [
          { id: 'A', text: '发热' },
          { id: 'B', text: '腹泻' },
          { id: 'C', text: '近视' },
        ],
        answers: ['A', 'B'],
      },
      { row: 4, kind: 'true_false', stem: '冷藏温度为 0–8 ℃。', topic: 'storage_temperature', answer: true },
    ]);
  });

  it('reads English headers in any case and order, ignoring columns it does not know', () => {
    const read = readQuestionTable([
      ['No.', 'Topic', 'Type', 'Stem', 'OptionA', 'OptionB', 'Answer', 'Rule'],
      [
        '1',
        'sample_retention',
        'single',
        'How long are samples kept?',
        '24 h',
        '48 h',
        'B',
        'LEDGER_SAMPLE_DISPOSED_EARLY',
      ],
    ]);
    expect(read.problems).toEqual([]);
    expect(read.questions[0]).toMatchObject({ kind: 'single', answer: 'B', rule: 'LEDGER_SAMPLE_DISPOSED_EARLY' });
  });

  it('reports each broken row by row, column and code: empty answer, answer not an option, duplicate stem', () => {
    const read = readQuestionTable(
      table(
        ['单选', '留样多少克？', '100', '125', '', '', '', '', '', '', '食品留样'],
        ['单选', '留样多久？', '24 小时', '48 小时', '', '', '', '', 'C', '', '食品留样'],
        ['单选', '留样 多少克？', '100', '125', '', '', '', '', 'B', '', '食品留样'],
        ['问答', '什么是专间？', '', '', '', '', '', '', '略', '', '专间管理与空气消毒'],
        ['多选', '哪些要留样？', '米饭', '', '汤', '', '', '', 'AC', '', '食品留样'],
        ['判断', '留样可以不密封。', '是', '否', '', '', '', '', '错', '', '没有这个知识点'],
      ),
    );
    expect(read.questions).toEqual([]);
    expect(read.invalidRows).toBe(6);
    expect(read.problems.map((p) => [p.row, p.column, p.code])).toEqual([
      [2, '答案', 'QUESTION_ANSWER_MISSING'],
      [3, '答案', 'QUESTION_ANSWER_NOT_AN_OPTION'],
      [4, '题干', 'QUESTION_STEM_DUPLICATE'],
      [5, '题型', 'QUESTION_TYPE_UNKNOWN'],
      [6, '选项B', 'QUESTION_OPTION_GAP'],
      [7, '选项A', 'QUESTION_OPTIONS_NOT_ALLOWED'],
      [7, '知识点', 'QUESTION_TOPIC_INVALID'],
    ]);
    expect(read.problems[0]?.message).toEqual({ zh: '答案为空', en: 'The answer is empty' });
    expect(problemLine(read.problems[0] as never)).toBe(
      '第 2 行「答案」 QUESTION_ANSWER_MISSING 答案为空 / row 2 (答案): The answer is empty',
    );
  });

  it('checks the answer against the type: one option for single, two or more for multiple', () => {
    const read = readQuestionTable(
      table(
        ['单选', '甲', 'x', 'y', '', '', '', '', 'AB', '', 'law_and_duties'],
        ['多选', '乙', 'x', 'y', '', '', '', '', 'A', '', 'law_and_duties'],
        ['判断', '丙', '', '', '', '', '', '', '也许', '', 'law_and_duties'],
      ),
    );
    expect(read.problems.map((p) => p.code)).toEqual([
      'QUESTION_ANSWER_INVALID',
      'QUESTION_ANSWER_INVALID',
      'QUESTION_ANSWER_INVALID',
    ]);
  });

  it('finds a stem the bank already has, full-width and spacing aside', () => {
    const read = readQuestionTable(
      table(['判断', '冷藏温度为０–８ ℃。', '', '', '', '', '', '', '对', '', 'storage_temperature']),
      {
        existingStems: new Set([stemKey('冷藏温度为 0–8 ℃。')]),
      },
    );
    expect(read.problems.map((p) => p.code)).toEqual(['QUESTION_STEM_DUPLICATE']);
  });

  it('refuses the whole file for a missing column or no rows, before reading any row', () => {
    const missing = readQuestionTable([
      ['题型', '题干', '选项A', '选项B', '知识点'],
      ['单选', '甲', 'x', 'y', 'law_and_duties'],
    ]);
    expect(missing.fileRefused).toBe(true);
    expect(missing.problems.map((p) => [p.row, p.column, p.code])).toEqual([[1, '答案', 'IMPORT_HEADER_MISSING']]);
    expect(readQuestionTable([HEADER_ZH, ['', '']]).problems.map((p) => p.code)).toEqual(['IMPORT_EMPTY']);
    const many = readQuestionTable([
      HEADER_ZH,
      ...Array.from({ length: 5001 }, (_, i) => ['判断', `题${i}`, '', '', '', '', '', '', '对', '', 'law_and_duties']),
    ]);
    expect(many.problems.map((p) => [p.row, p.code])).toEqual([[5002, 'IMPORT_TOO_MANY_ROWS']]);
  });

  it('reads a CSV file written by a spreadsheet (BOM, quotes, CRLF)', () => {
    const csv =
      '\ufeff题型,题干,选项A,选项B,答案,解析,知识点\r\n单选,"留样""多少""克？",100 克,125 克,B,"每个品种不少于 125 克,\n学校可更多",食品留样\r\n';
    const read = readQuestionTable(parseCsv(csv));
    expect(read.problems).toEqual([]);
    expect(read.questions[0]).toMatchObject({
      stem: '留样"多少"克？',
      explanation: '每个品种不少于 125 克,\n学校可更多',
      answer: 'B',
    });
  });
});

describe('importReport', () => {
  const read = readQuestionTable(
    table(
      ['判断', '甲', '', '', '', '', '', '', '对', '', 'law_and_duties'],
      ['判断', '乙', '', '', '', '', '', '', '', '', 'law_and_duties'],
    ),
  );

  it('refuses everything when a row is broken, unless told to skip invalid rows', () => {
    expect(importReport(read, 0, false)).toMatchObject({ rows: 2, valid: 1, imported: 0, skipped: 0, refused: true });
    expect(importReport(read, 1, true)).toMatchObject({ rows: 2, valid: 1, imported: 1, skipped: 1, refused: false });
  });

  it('refuses a file-level problem even with skipInvalid', () => {
    const empty = readQuestionTable([HEADER_ZH]);
    expect(importReport(empty, 0, true).refused).toBe(true);
  });
});
