/**
 * Reading a register file: CSV (UTF-8, with or without a BOM; comma, quotes as RFC 4180) or .xlsx (the first
 * worksheet, read with exceljs's streaming reader so a large sheet never sits whole in memory). The kind is told
 * by the file's first bytes (an .xlsx is a zip: `PK\x03\x04`), never by its name.
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { parseCsv } from '@brightkitchen/sdk';
import ExcelJS from 'exceljs';

/** A sheet row's cells as read (strings, numbers, dates, or `{ formula }` for a formula cell). */
export type SheetCell = string | number | boolean | Date | { readonly formula: string } | null;

/** Row and size limits of an import (a refused file changes nothing). */
export const IMPORT_LIMITS = {
  /** The largest upload or file accepted, in bytes. */
  maxBytes: 50 * 1024 * 1024,
  /** The most data rows (below the header) in one file. */
  maxRows: 200_000,
} as const;

/** Whether bytes start like a zip (an .xlsx). */
export function isZip(head: Uint8Array): boolean {
  return head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
}

/** Whether bytes look like text a CSV may hold (no NUL byte, and valid UTF-8). */
export function looksLikeText(head: Uint8Array): boolean {
  if (head.includes(0)) return false;
  try {
    // `stream`: a character cut at the end of the sample is not an error.
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/** The rows of a CSV text (the first is the header), blank lines left out. A BOM is dropped. */
export function* csvRows(text: string): Generator<string[]> {
  for (const row of parseCsv(text)) if (row.some((f) => f !== '')) yield row;
}

function cellValue(value: ExcelJS.CellValue): SheetCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if (typeof value === 'object') {
    if ('formula' in value || 'sharedFormula' in value) {
      const v = value as { formula?: string; sharedFormula?: string };
      return { formula: v.formula ?? v.sharedFormula ?? '' };
    }
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return String(value.text);
    if ('error' in value) return String(value.error);
  }
  return String(value);
}

/** The rows of the first worksheet of an .xlsx file (the first is the header), streamed. */
export async function* xlsxRows(path: string): AsyncGenerator<SheetCell[]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(createReadStream(path), {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    worksheets: 'emit',
  });
  for await (const sheet of reader) {
    for await (const row of sheet) {
      const values = row.values as ExcelJS.CellValue[];
      const cells: SheetCell[] = [];
      for (let c = 1; c < values.length; c++) cells.push(cellValue(values[c]));
      if (cells.some((cell) => cell !== null && cell !== '')) yield cells;
    }
    return; // the first worksheet only
  }
}

/** A file's first bytes. */
export async function fileHead(path: string, bytes = 4096): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const buffer = new Uint8Array(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}
