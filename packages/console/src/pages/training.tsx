/**
 * 培训考核: coverage of the regulator's regions (trained, certified, expiring, uncertified) by district and venue
 * kind with the topics learners fail, a certificate looked up by its code and revoked, and questions imported into
 * the bank (.xlsx or CSV, checked first).
 */
import { VENUE_KIND_LABELS } from '@brightkitchen/sdk';
import {
  createTrainingClient,
  normalizeCertificateCode,
  type PublicCertificate,
  type QuestionImportReport,
} from '@brightkitchen/sdk/training';
import { type ChangeEvent, useState } from 'react';
import { client } from '../api';
import { DataTable } from '../components/data-table';
import { useLoad } from '../components/use-load';
import { base64 } from '../file-base64';
import { errorText, pct } from '../format';
import { CoursesSection } from './courses';
import { Loaded } from './loaded';

const training = createTrainingClient(client);

export function TrainingPage() {
  const [state] = useLoad(() => training.coverage());
  return (
    <>
      <Loaded state={state}>
        {(coverage) => (
          <>
            <section className="panel" data-testid="training-coverage">
              <h2>{`培训覆盖（${coverage.day}）：从业人员 ${coverage.total.staff} 人，持有效合格证 ${coverage.total.certified} 人（${pct(coverage.total.certifiedShare)}），30 天内到期 ${coverage.total.expiring} 人，未取得 ${coverage.total.uncertified} 人`}</h2>
            </section>
            <DataTable
              title="各区县培训覆盖"
              file="培训覆盖-区县"
              rows={coverage.byDistrict}
              columns={[
                { title: '区县', value: (r) => r.name },
                { title: '从业人员', value: (r) => r.staff },
                { title: '已培训', value: (r) => r.trained },
                { title: '持证', value: (r) => r.certified },
                { title: '持证率', value: (r) => pct(r.certifiedShare) },
                { title: '即将到期', value: (r) => r.expiring },
                { title: '未取得', value: (r) => r.uncertified },
              ]}
            />
            <DataTable
              title="各业态培训覆盖"
              file="培训覆盖-业态"
              rows={coverage.byVenueKind}
              columns={[
                { title: '业态', value: (r) => VENUE_KIND_LABELS[r.kind]?.zh ?? r.kind },
                { title: '从业人员', value: (r) => r.staff },
                { title: '持证', value: (r) => r.certified },
                { title: '持证率', value: (r) => pct(r.certifiedShare) },
                { title: '未取得', value: (r) => r.uncertified },
              ]}
            />
            <DataTable
              title="错误率最高的知识点"
              file="易错知识点"
              rows={coverage.failingTopics}
              columns={[
                { title: '知识点', value: (r) => r.label.zh },
                { title: '作答', value: (r) => r.answered },
                { title: '答错', value: (r) => r.wrong },
                { title: '错误率', value: (r) => pct(r.wrongShare) },
              ]}
            />
          </>
        )}
      </Loaded>
      <CoursesSection />
      <CertificateCheck />
      <QuestionImport />
    </>
  );
}

function CertificateCheck() {
  const [code, setCode] = useState('');
  const [found, setFound] = useState<(PublicCertificate & { code: string; id?: string }) | null>(null);
  const [message, setMessage] = useState('');
  async function look() {
    setMessage('');
    setFound(null);
    try {
      const typed = normalizeCertificateCode(code) ?? code.trim();
      const checked = await training.verify(typed);
      // The regulator's own view of it (its id, to revoke): the list of the regions' certificates.
      const own = (await training.certificates({ code: typed })).items[0];
      setFound({ ...checked, code: typed, ...(own ? { id: own.id } : {}) });
    } catch (error) {
      setMessage(errorText(error));
    }
  }
  async function revoke() {
    if (!found?.id) return;
    const reason = window.prompt('撤销原因（将记入审计日志）');
    if (!reason) return;
    try {
      // The answer says where it stands now (the public check may be cached by the browser for a while).
      const revoked = await training.revokeCertificate(found.id, reason);
      setFound({ ...found, valid: revoked.valid, reason: 'revoked' });
      setMessage('已撤销');
    } catch (error) {
      setMessage(errorText(error));
    }
  }
  return (
    <section className="panel">
      <h2>合格证核验与撤销</h2>
      <div className="import-form">
        <input value={code} onChange={(e) => setCode(e.target.value)} placeholder="证书编号" aria-label="证书编号" />
        <button type="button" disabled={!code.trim()} onClick={() => void look()}>
          核验
        </button>
      </div>
      {found ? (
        <p data-testid="certificate-found">
          {`${found.holder} · ${found.venue} · ${found.course} · ${found.issuedOn} 至 ${found.expiresOn} · ${found.valid ? '有效' : '无效'}`}
          {found.valid && found.id ? (
            <button type="button" onClick={() => void revoke()} style={{ marginLeft: 12 }}>
              撤销
            </button>
          ) : null}
        </p>
      ) : null}
      {message ? <p role="status">{message}</p> : null}
    </section>
  );
}

function QuestionImport() {
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<QuestionImportReport | null>(null);
  const [message, setMessage] = useState('');
  async function send(dryRun: boolean) {
    if (!file) return;
    setMessage('');
    try {
      const format = file.name.toLowerCase().endsWith('.xlsx') ? 'xlsx' : 'csv';
      const answer = await training.importQuestions({ format, fileBase64: await base64(file), dryRun });
      setReport(answer);
      setMessage(
        dryRun ? `检查完成：${answer.rows} 行，${answer.problemCount} 处问题` : `已导入 ${answer.imported} 题`,
      );
    } catch (error) {
      setMessage(errorText(error));
    }
  }
  return (
    <>
      <section className="panel">
        <h2>题库导入</h2>
        <div className="import-form">
          <input
            type="file"
            accept=".csv,.xlsx"
            aria-label="试题文件"
            onChange={(e: ChangeEvent<HTMLInputElement>) => setFile(e.target.files?.[0] ?? null)}
          />
          <button type="button" disabled={!file} onClick={() => void send(true)}>
            检查
          </button>
          <button type="button" className="primary" disabled={!file} onClick={() => void send(false)}>
            导入
          </button>
        </div>
        <p className="muted">
          表头：题型、题干、选项A…选项F、答案、解析、知识点（或 type、stem、optionA…F、answer、explanation、topic）。
        </p>
        {message ? <p role="status">{message}</p> : null}
      </section>
      {report && report.problems.length > 0 ? (
        <DataTable
          title="问题行"
          file="题库问题行"
          rows={report.problems}
          columns={[
            { title: '行', value: (p) => p.row },
            { title: '列', value: (p) => p.column },
            { title: '代码', value: (p) => p.code },
            { title: '说明', value: (p) => p.message.zh },
          ]}
        />
      ) : null}
    </>
  );
}
