/** Prints benchmark rows as an aligned Markdown table (pasteable into the README). */
export type Row = Record<string, string | number>;

export function printTable(title: string, rows: readonly Row[]): void {
  if (rows.length === 0) return;
  const headers = Object.keys(rows[0] as Row);
  const cells = rows.map((r) => headers.map((h) => String(r[h] ?? '')));
  const widths = headers.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? '').length)));
  const line = (values: readonly string[]) => `| ${values.map((v, i) => v.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  console.log(`\n### ${title}\n`);
  console.log(line(headers));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const c of cells) console.log(line(c));
}
