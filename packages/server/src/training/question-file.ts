/**
 * A question file's cells as text: the first worksheet of an .xlsx (exceljs), or a CSV in UTF-8 (with or without
 * a BOM) or GB18030 (what Excel on a Chinese Windows saves). Anything else: QUESTION_FILE_UNREADABLE.
 */

import { parseCsv, QUESTION_IMPORT_MAX_ROWS } from '@brightkitchen/sdk/training';
import ExcelJS from 'exceljs';
import { AppError } from '../errors/index.js';

export type QuestionFileFormat = 'xlsx' | 'csv';

/** The format a file name says (`.xlsx`, `.csv`), or undefined. */
export function formatOfName(name: string): QuestionFileFormat | undefined {
  const lower = name.toLowerCase();
  if (lower.endsWith('.xlsx')) return 'xlsx';
  if (lower.endsWith('.csv')) return 'csv';
  return undefined;
}

function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
  }
  return '';
}

/** The table of a file: rows of text cells (the header first). */
export async function readQuestionFile(bytes: Uint8Array, format: QuestionFileFormat): Promise<string[][]> {
  if (format === 'csv') {
    if (bytes.includes(0)) throw new AppError('QUESTION_FILE_UNREADABLE', { format });
    return parseCsv(decodeText(bytes));
  }
  // An .xlsx is a zip: "PK\x03\x04".
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b)
    throw new AppError('QUESTION_FILE_UNREADABLE', { format });
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    throw new AppError('QUESTION_FILE_UNREADABLE', { format });
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const rows: string[][] = [];
  // One row past the limit is enough for the report to say the file is too long.
  const last = Math.min(sheet.rowCount, QUESTION_IMPORT_MAX_ROWS + 2);
  for (let r = 1; r <= last; r++) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= Math.min(row.cellCount, 40); c++) cells.push(cellText(row.getCell(c).value));
    rows.push(cells);
  }
  return rows;
}
