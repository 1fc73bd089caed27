/**
 * `bk-server import venues|inspections FILE [--skip-invalid]`: a register file (CSV or .xlsx) into the database of
 * the configuration (BK_* variables). Exit 0 when imported, 2 when any row is bad (nothing imported, unless
 * `--skip-invalid`) or the file is refused, 1 on another failure. The report lists each bad row.
 */
import { readFile, stat } from 'node:fs/promises';
import type { ServerConfig } from '../config.js';
import { migrateToLatest, openDatabase } from '../db/index.js';
import { ImportRefused, type ImportReport, importRegister, type RegisterKind } from './import-register.js';
import { csvRows, fileHead, IMPORT_LIMITS, isZip, looksLikeText, type SheetCell, xlsxRows } from './read-sheet.js';

export const IMPORT_USAGE = `bk-server import venues|inspections FILE [--skip-invalid]
  Imports a bureau register (CSV or .xlsx, Chinese or English headers; see README "Registers").
  Any bad row: nothing is imported, exit code 2, each bad row reported. --skip-invalid imports the good rows.
`;

/** The register's rows from a file, told CSV or .xlsx by its first bytes; a refusal as `{ refused }`. */
export async function registerRows(
  path: string,
): Promise<{ rows: AsyncIterable<SheetCell[]> | Iterable<SheetCell[]> } | { refused: string; code: string }> {
  const size = (await stat(path)).size;
  if (size > IMPORT_LIMITS.maxBytes) {
    return { code: 'IMPORT_TOO_LARGE', refused: `the file is over ${IMPORT_LIMITS.maxBytes / 1024 / 1024} MB` };
  }
  const head = await fileHead(path);
  if (isZip(head)) return { rows: xlsxRows(path) };
  if (!looksLikeText(head)) return { code: 'IMPORT_NOT_A_SHEET', refused: 'the file is neither CSV nor .xlsx' };
  return { rows: csvRows(await readFile(path, 'utf8')) };
}

/** The report as lines: a summary, then each problem (row, column, code, zh / en). */
export function formatReport(report: ImportReport): string {
  const lines = [
    report.imported
      ? `导入完成 imported: ${report.rows} rows, ${report.created} created, ${report.updated} updated, ${report.skipped} skipped`
      : `未导入 nothing imported: ${report.rows} rows, ${report.problems.length} problems`,
  ];
  for (const p of report.problems) {
    lines.push(`  row ${p.row}, ${p.column}: ${p.code} — ${p.message.zh} / ${p.message.en}`);
  }
  return `${lines.join('\n')}\n`;
}

function progressLine(): (phase: 'check' | 'write', done: number, total: number) => void {
  const stream = process.stderr;
  let last = '';
  return (phase, done, total) => {
    const percent = total === 0 ? 100 : Math.floor((done / total) * 100);
    const label = phase === 'check' ? '检查 checking' : '写入 writing';
    const line = `[import] ${label} ${done}/${total} (${percent}%)`;
    if (stream.isTTY) stream.write(`\r${line.padEnd(60)}${done === total ? '\n' : ''}`);
    else if (`${phase}${Math.floor(percent / 25)}` !== last) stream.write(`${line}\n`);
    last = `${phase}${Math.floor(percent / 25)}`;
  };
}

/** Runs the command; resolves to the exit code. */
export async function runImportCommand(config: ServerConfig, args: readonly string[]): Promise<number> {
  const skipInvalid = args.includes('--skip-invalid');
  const rest = args.filter((a) => a !== '--skip-invalid');
  const [kind, file, ...extra] = rest;
  if ((kind !== 'venues' && kind !== 'inspections') || !file || extra.length > 0) {
    process.stderr.write(IMPORT_USAGE);
    return 2;
  }
  const source = await registerRows(file);
  if ('refused' in source) {
    console.error(`bk-server import: ${source.code}: ${source.refused}`);
    return 2;
  }
  const database = openDatabase(config.database);
  try {
    await migrateToLatest(database);
    const started = performance.now();
    const report = await importRegister(database, kind as RegisterKind, source.rows, {
      skipInvalid,
      onProgress: progressLine(),
    });
    process.stdout.write(formatReport(report));
    console.error(`[import] ${((performance.now() - started) / 1000).toFixed(1)} s`);
    return report.imported ? 0 : 2;
  } catch (error) {
    if (error instanceof ImportRefused) {
      console.error(`bk-server import: ${error.code}: ${error.message}`);
      return 2;
    }
    throw error;
  } finally {
    await database.close();
  }
}
