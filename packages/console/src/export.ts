/**
 * Every table exports what it shows: CSV (UTF-8 with a BOM, so Excel opens Chinese text right) and .xlsx (exceljs,
 * loaded only when asked for).
 */
export interface Column<T> {
  readonly title: string;
  readonly value: (row: T) => string | number;
}

function save(name: string, blob: Blob): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

const csvCell = (value: string | number) => {
  const text = String(value);
  // A cell starting like a formula is written as text (no formula injection into the regulator's Excel).
  const safe = /^[=+\-@]/.test(text) && typeof value === 'string' ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

export function toCsv<T>(columns: readonly Column<T>[], rows: readonly T[]): string {
  const lines = [columns.map((c) => csvCell(c.title)).join(',')];
  for (const row of rows) lines.push(columns.map((c) => csvCell(c.value(row))).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export function downloadCsv<T>(name: string, columns: readonly Column<T>[], rows: readonly T[]): void {
  save(`${name}.csv`, new Blob([toCsv(columns, rows)], { type: 'text/csv;charset=utf-8' }));
}

export async function downloadXlsx<T>(name: string, columns: readonly Column<T>[], rows: readonly T[]): Promise<void> {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(name.slice(0, 31));
  sheet.addRow(columns.map((c) => c.title)).font = { bold: true };
  for (const row of rows) sheet.addRow(columns.map((c) => c.value(row)));
  sheet.columns.forEach((column) => {
    column.width = 18;
  });
  const buffer = await book.xlsx.writeBuffer();
  save(
    `${name}.xlsx`,
    new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }),
  );
}
