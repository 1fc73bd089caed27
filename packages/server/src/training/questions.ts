/**
 * The question bank's import: a table read by the SDK's `readQuestionTable` (row-level problems), all or nothing
 * unless `skipInvalid`, in one transaction; duplicates checked against the scope's bank.
 */
import { importReport, type QuestionImportReport, readQuestionTable, stemKey } from '@brightkitchen/sdk/training';
import { type Database, newId, toJson } from '../db/index.js';
import { bankChanged } from './bank.js';

export interface ImportOptions {
  /** `null`: the national bank. */
  readonly regionId: string | null;
  readonly skipInvalid: boolean;
  readonly dryRun: boolean;
  readonly createdBy: string;
}

/** Imports the questions of a table into a region's bank (or the national one); answers the report. */
export async function importQuestionTable(
  database: Database,
  table: readonly (readonly string[])[],
  options: ImportOptions,
  now: Date = new Date(),
): Promise<QuestionImportReport> {
  const scope = options.regionId ?? 'national';
  const { db } = database;
  return db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('training_questions').select('stem_key').where('scope', '=', scope).execute();
    const read = readQuestionTable(table, { existingStems: new Set(existing.map((r) => r.stem_key)) });
    const preview = importReport(read, 0, options.skipInvalid);
    if (preview.refused || options.dryRun || read.questions.length === 0) return preview;
    const at = now.toISOString();
    const rows = read.questions.map(({ row: _row, ...question }) => {
      const id = newId('qst');
      return {
        id,
        region_id: options.regionId,
        scope,
        topic: question.topic,
        kind: question.kind,
        stem_key: stemKey(question.stem),
        state: 'active',
        source: 'import',
        data: toJson({ id, ...question }),
        created_by: options.createdBy,
        created_at: at,
      };
    });
    for (let i = 0; i < rows.length; i += 200) {
      await trx
        .insertInto('training_questions')
        .values(rows.slice(i, i + 200))
        .execute();
    }
    bankChanged(database);
    return importReport(read, rows.length, options.skipInvalid);
  });
}
