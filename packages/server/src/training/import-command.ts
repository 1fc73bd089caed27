/**
 * `bk-questions import FILE [--region CODE|ID] [--skip-invalid] [--dry-run]`: imports a question file (.xlsx or
 * .csv) into a region's bank (or the national one) in the database the BK_* environment names, as bk-server does.
 * Prints the report: one line per problem (row, column, code, message). Exits 0 when stored (or a clean dry run),
 * 2 when refused (broken rows without --skip-invalid, a problem of the whole file, an unreadable file, an unknown
 * region, a wrong command line) with nothing stored, 1 on an unexpected failure.
 */
import { readFileSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { problemLine, QUESTION_FILE_MAX_BYTES, type QuestionImportReport } from '@brightkitchen/sdk/training';
import type { Database } from '../db/index.js';
import { isAppError } from '../errors/index.js';
import { ensureDefaultTraining } from './defaults.js';
import { formatOfName, readQuestionFile } from './question-file.js';
import { importQuestionTable } from './questions.js';

export const IMPORT_USAGE = `Usage: bk-questions import FILE [--region CODE|ID] [--skip-invalid] [--dry-run]

  FILE            a .xlsx (first worksheet) or .csv (UTF-8 or GB18030) with the headers
                  题型 题干 选项A…选项F 答案 解析 知识点 [规则]  or  type stem optionA…optionF answer explanation topic [rule]
  --region        the region (its code or id) whose bank receives the questions; absent: the national bank
  --skip-invalid  store the valid rows and leave out the broken ones (default: all or nothing)
  --dry-run       check and report only

The database is the one bk-server uses (BK_DATABASE_URL, else BK_DATA_DIR's SQLite file).
Exit status: 0 stored (or a clean dry run), 2 refused (nothing stored), 1 failure.
`;

export interface ImportCommandIo {
  out(line: string): void;
  err(line: string): void;
}

/** Runs the command on an open database; answers the exit status. */
export async function runImportCommand(
  database: Database,
  argv: readonly string[],
  io: ImportCommandIo,
): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    io.err(`bk-questions: ${error instanceof Error ? error.message : String(error)}\n\n${IMPORT_USAGE}`);
    return 2;
  }
  if (parsed.help) {
    io.out(IMPORT_USAGE);
    return 0;
  }
  const { file, region, skipInvalid, dryRun } = parsed;
  const format = formatOfName(file);
  if (!format) {
    io.err(`bk-questions: ${file}: 只支持 .xlsx 或 .csv 文件 / only .xlsx or .csv files`);
    return 2;
  }
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    io.err(`bk-questions: ${file}: 无法读取文件 / cannot read the file`);
    return 2;
  }
  if (size > QUESTION_FILE_MAX_BYTES) {
    io.err(
      `bk-questions: ${file}: 文件超过 ${QUESTION_FILE_MAX_BYTES / 1024 / 1024} MB / the file is larger than ${QUESTION_FILE_MAX_BYTES / 1024 / 1024} MB`,
    );
    return 2;
  }
  await ensureDefaultTraining(database);
  let regionId: string | null = null;
  if (region) {
    const row = await database.db
      .selectFrom('regions')
      .select('id')
      .where((eb) => eb.or([eb('id', '=', region), eb('code', '=', region)]))
      .executeTakeFirst();
    if (!row) {
      io.err(`bk-questions: 没有该地区 / no region ${region}`);
      return 2;
    }
    regionId = row.id;
  }
  let report: QuestionImportReport;
  try {
    const table = await readQuestionFile(readFileSync(file), format);
    report = await importQuestionTable(database, table, {
      regionId,
      skipInvalid,
      dryRun,
      createdBy: 'cli:bk-questions',
    });
  } catch (error) {
    if (isAppError(error) && error.code === 'QUESTION_FILE_UNREADABLE') {
      io.err(`bk-questions: ${file}: ${error.text.zh} / ${error.text.en}`);
      return 2;
    }
    throw error;
  }
  for (const problem of report.problems) io.err(problemLine(problem));
  if (report.problemCount > report.problems.length) {
    io.err(
      `… 另有 ${report.problemCount - report.problems.length} 个问题 / ${report.problemCount - report.problems.length} more problems`,
    );
  }
  const counts = `rows ${report.rows}, valid ${report.valid}, imported ${report.imported}, skipped ${report.skipped}, problems ${report.problemCount}`;
  if (report.refused) {
    io.err(`未导入任何试题（全部或全不）/ refused, nothing imported: ${counts}`);
    return 2;
  }
  io.out(`${dryRun ? '检查完成（未写入）/ dry run' : '导入完成 / imported'}: ${counts}`);
  return 0;
}

function parse(argv: readonly string[]) {
  const { values, positionals } = parseArgs({
    args: [...argv],
    options: {
      region: { type: 'string' },
      'skip-invalid': { type: 'boolean' },
      'dry-run': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: true,
    strict: true,
  });
  if (values.help) return { help: true as const, file: '', region: undefined, skipInvalid: false, dryRun: false };
  const [command, file, ...extra] = positionals;
  if (command !== 'import') throw new Error(command ? `unknown command ${command}` : 'a command is needed');
  if (!file) throw new Error('import needs a FILE');
  if (extra.length > 0) throw new Error(`unexpected ${extra.join(' ')}`);
  return {
    help: false as const,
    file,
    region: values.region,
    skipInvalid: values['skip-invalid'] === true,
    dryRun: values['dry-run'] === true,
  };
}
