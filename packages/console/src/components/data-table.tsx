/** A table with its export buttons (.xlsx and CSV of exactly the rows shown; none on an empty table). */
import { useState } from 'react';
import { type Column, downloadCsv, downloadXlsx } from '../export';

export interface DataTableProps<T> {
  readonly title: string;
  /** File name of the exports (no extension). */
  readonly file: string;
  readonly columns: readonly Column<T>[];
  readonly rows: readonly T[];
  readonly onRow?: (row: T) => void;
  readonly empty?: string;
}

export function DataTable<T>({ title, file, columns, rows, onRow, empty = '暂无数据' }: DataTableProps<T>) {
  const [busy, setBusy] = useState(false);
  return (
    <section className="panel">
      <header className="panel-head">
        <h2>{title}</h2>
        {rows.length === 0 ? null : (
          <div className="panel-actions">
            <button
              type="button"
              disabled={busy}
              onClick={() => {
                setBusy(true);
                downloadXlsx(file, columns, rows).finally(() => setBusy(false));
              }}
            >
              导出 Excel
            </button>
            <button type="button" onClick={() => downloadCsv(file, columns, rows)}>
              导出 CSV
            </button>
          </div>
        )}
      </header>
      {rows.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <table>
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c.title}>{c.title}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows have no id in common; their order is the table's
              <tr key={i} className={onRow ? 'clickable' : undefined} onClick={onRow ? () => onRow(row) : undefined}>
                {columns.map((c) => (
                  <td key={c.title}>{c.value(row)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
