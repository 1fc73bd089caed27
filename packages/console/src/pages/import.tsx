/**
 * 登记表导入: the bureau's registers (venues, inspection history) from CSV or .xlsx. "检查" checks only (dryRun);
 * "导入" imports all or nothing, or the good rows with "跳过错误行"; every bad row is listed by row and column.
 */
import {
  BrightKitchenError,
  REGISTER_HEADERS,
  type RegisterImportReport,
  type RegisterUploadKind,
} from '@brightkitchen/sdk';
import { type ChangeEvent, useState } from 'react';
import { warehouse } from '../api';
import { DataTable } from '../components/data-table';
import { base64 } from '../file-base64';
import { errorText } from '../format';

const KINDS: Record<RegisterUploadKind, string> = { venues: '单位登记表（许可证）', inspections: '检查记录' };

/** A report's column key as the register's Chinese header names it (`licenceNo` → 许可证编号). */
const HEADER_OF: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(REGISTER_HEADERS).map(([header, key]) => [key, header]),
);
const columnText = (column: string) => (HEADER_OF[column] ? `${HEADER_OF[column]}（${column}）` : column);

export function ImportPage() {
  const [kind, setKind] = useState<RegisterUploadKind>('venues');
  const [file, setFile] = useState<File | null>(null);
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<RegisterImportReport | null>(null);
  const [message, setMessage] = useState('');

  async function send(dryRun: boolean) {
    if (!file) return;
    setBusy(true);
    setMessage('');
    try {
      const answer = await warehouse.importRegister(kind, { fileBase64: await base64(file), skipInvalid, dryRun });
      setReport(answer);
      setMessage(
        dryRun
          ? `检查完成：${answer.rows} 行，${answer.problems.length} 处问题`
          : `导入完成：新增 ${answer.created}，更新 ${answer.updated}，跳过 ${answer.skipped}`,
      );
    } catch (error) {
      const refused =
        error instanceof BrightKitchenError
          ? (error.details as { report?: RegisterImportReport } | undefined)?.report
          : undefined;
      setReport(refused ?? null);
      setMessage(errorText(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <section className="panel import">
        <h2>登记表导入</h2>
        <div className="import-form">
          <select value={kind} onChange={(e) => setKind(e.target.value as RegisterUploadKind)} aria-label="登记表类型">
            {(Object.keys(KINDS) as RegisterUploadKind[]).map((k) => (
              <option key={k} value={k}>
                {KINDS[k]}
              </option>
            ))}
          </select>
          {/* The browser's own file button speaks its UI language (English in some); ours speaks Chinese. */}
          <label className="file-pick">
            <input
              type="file"
              accept=".csv,.xlsx"
              aria-label="登记表文件"
              onChange={(e: ChangeEvent<HTMLInputElement>) => setFile(e.target.files?.[0] ?? null)}
            />
            <span className="file-button">选择文件</span>
            <span className="file-name">{file ? file.name : '未选择文件（CSV 或 .xlsx）'}</span>
          </label>
          <label>
            <input type="checkbox" checked={skipInvalid} onChange={(e) => setSkipInvalid(e.target.checked)} />
            跳过错误行
          </label>
          <button type="button" disabled={!file || busy} onClick={() => void send(true)}>
            检查
          </button>
          <button type="button" className="primary" disabled={!file || busy} onClick={() => void send(false)}>
            导入
          </button>
        </div>
        <p className="muted">
          表头可用登记表的中文列名（单位名称、许可证编号、主体业态、经营地址、所属区县、发证日期、许可证有效期至、经度、纬度…）或英文键名；许可证编号相同的单位会更新而不会重复。
        </p>
        {message ? (
          <p role="status" data-testid="import-result">
            {message}
          </p>
        ) : null}
      </section>
      {report && report.problems.length > 0 ? (
        <DataTable
          title="问题行"
          file="登记表问题行"
          rows={report.problems}
          columns={[
            { title: '行', value: (p) => p.row },
            { title: '列', value: (p) => columnText(p.column) },
            { title: '代码', value: (p) => p.code },
            { title: '说明', value: (p) => p.message.zh },
          ]}
        />
      ) : null}
    </>
  );
}
