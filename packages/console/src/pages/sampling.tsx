/**
 * 抽检任务: the week's sampling suggestions (from the risk plan) each turned into a task with one click, the
 * tasks of the regions in view, and the laboratory's result recorded for a task (items tested, lab report photo);
 * a failure opens a rectification notice, linked from the task. Every call through the SDK.
 */
import {
  type Me,
  SAMPLING_STATE_LABELS,
  type SamplingItem,
  type SamplingTask,
  type SamplingTaskInput,
} from '@brightkitchen/sdk';
import type { SamplingSuggestion } from '@brightkitchen/sdk/warehouse';
import { type FormEvent, useState } from 'react';
import { client, warehouse } from '../api';
import { useLoad } from '../components/use-load';
import { base64 } from '../file-base64';
import { errorText, time } from '../format';
import { go } from '../router';
import { Loaded } from './loaded';
import './regulatory.css';

const TARGET_FOODS: Readonly<Record<SamplingSuggestion['target'], string>> = {
  cold_chain: '冷藏熟食, 冷冻肉类',
  kitchen_hygiene: '餐饮具, 凉拌菜',
  complaint: '投诉涉及的菜品',
};

/** A local day `days` from today, Asia/Shanghai. */
const dayAhead = (days: number) => new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);

export function SamplingPage() {
  const [generation, setGeneration] = useState(0);
  const [state] = useLoad(
    () =>
      Promise.all([
        warehouse.plan().catch(() => null),
        client.sampling.list({ limit: 200 }),
        client.request<Me>({ method: 'GET', path: '/v1/me' }),
      ]),
    String(generation),
  );
  const [recording, setRecording] = useState<SamplingTask | null>(null);
  const refresh = () => setGeneration((g) => g + 1);

  const [assigning, setAssigning] = useState<SamplingSuggestion | null>(null);

  return (
    <Loaded state={state}>
      {([plan, tasks, me]) => {
        const assigned = new Set(tasks.items.filter((t) => t.state === 'assigned').map((t) => t.venueId));
        return (
          <>
            <section className="panel">
              <h2>{plan ? `本周抽检建议（${plan.weekOf} 起）` : '本周抽检建议'}</h2>
              {!plan || plan.sampling.length === 0 ? <p className="muted">暂无抽检建议</p> : null}
              {plan && plan.sampling.length > 0 ? (
                <table>
                  <thead>
                    <tr>
                      <th>单位</th>
                      <th>方向</th>
                      <th>依据次数</th>
                      <th />
                    </tr>
                  </thead>
                  <tbody>
                    {plan.sampling.map((s) => (
                      <tr key={`${s.venueId}-${s.target}`} data-suggestion-venue={s.venueId}>
                        <td>{s.name}</td>
                        <td>{s.reason.zh}</td>
                        <td>{s.evidence}</td>
                        <td>
                          {assigned.has(s.venueId) ? (
                            <span className="muted">已安排</span>
                          ) : (
                            <button type="button" onClick={() => setAssigning(s)}>
                              安排抽检
                            </button>
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              ) : null}
            </section>
            <section className="panel">
              <h2>抽检任务</h2>
              {tasks.items.length === 0 ? (
                <p className="muted">暂无抽检任务</p>
              ) : (
                <table>
                  <thead>
                    <tr>
                      <th>单位</th>
                      <th>样品</th>
                      <th>原因</th>
                      <th>抽检人</th>
                      <th>期限</th>
                      <th>结果</th>
                      <th />
                    </tr>
                  </thead>
                  <tbody>
                    {tasks.items.map((t) => (
                      <tr key={t.id} data-task-id={t.id} className={t.state === 'failed' ? 'overdue' : undefined}>
                        <td>{t.venueName ?? t.venueId}</td>
                        <td>{t.foods.join('、')}</td>
                        <td>{t.reason}</td>
                        <td>{t.inspectorName ?? ''}</td>
                        <td>{t.deadline}</td>
                        <td>{SAMPLING_STATE_LABELS[t.state]}</td>
                        <td>
                          {t.state === 'assigned' ? (
                            <button type="button" onClick={() => setRecording(t)}>
                              录入结果
                            </button>
                          ) : t.result?.rectificationId ? (
                            <button type="button" onClick={() => go(`rectifications/${t.result?.rectificationId}`)}>
                              查看整改通知
                            </button>
                          ) : (
                            <span className="muted">{t.result ? time(t.result.recordedAt) : ''}</span>
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </section>
            {assigning ? (
              <AssignForm
                key={assigning.venueId}
                suggestion={assigning}
                me={me}
                onDone={() => {
                  setAssigning(null);
                  refresh();
                }}
              />
            ) : null}
            {recording ? (
              <ResultForm
                task={recording}
                onDone={() => {
                  setRecording(null);
                  refresh();
                }}
              />
            ) : null}
          </>
        );
      }}
    </Loaded>
  );
}

/** A task from a suggestion: foods and reason prefilled, an inspector of the venue's region (the caller first). */
function AssignForm({ suggestion, me, onDone }: { suggestion: SamplingSuggestion; me: Me; onDone: () => void }) {
  const [inspectors] = useLoad(() => client.sampling.inspectors(suggestion.venueId), suggestion.venueId);
  const [foods, setFoods] = useState(TARGET_FOODS[suggestion.target]);
  const [reason, setReason] = useState(suggestion.reason.zh);
  const [deadline, setDeadline] = useState(dayAhead(7));
  const [inspectorId, setInspectorId] = useState(me.user.id);
  const [message, setMessage] = useState('');

  async function submit(e: FormEvent) {
    e.preventDefault();
    setMessage('');
    const input: SamplingTaskInput = {
      foods: foods
        .split(/[,，、]/)
        .map((f) => f.trim())
        .filter(Boolean),
      reason: reason.trim(),
      source: { kind: 'plan' },
      deadline,
      inspectorId,
    };
    try {
      await client.sampling.create(suggestion.venueId, input);
      onDone();
    } catch (error) {
      setMessage(errorText(error));
    }
  }

  return (
    <section className="panel" data-testid="sampling-assign-form">
      <h2>{`安排抽检 · ${suggestion.name}`}</h2>
      <Loaded state={inspectors}>
        {(list) => (
          <form className="form-grid" onSubmit={submit}>
            <label htmlFor="s-foods">样品</label>
            <input id="s-foods" value={foods} onChange={(e) => setFoods(e.target.value)} required />
            <label htmlFor="s-reason">原因</label>
            <input id="s-reason" value={reason} onChange={(e) => setReason(e.target.value)} required />
            <label htmlFor="s-deadline">完成期限</label>
            <input
              id="s-deadline"
              type="date"
              value={deadline}
              onChange={(e) => setDeadline(e.target.value)}
              required
            />
            <label htmlFor="s-inspector">抽检人员</label>
            <select id="s-inspector" value={inspectorId} onChange={(e) => setInspectorId(e.target.value)}>
              {list.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
            <span />
            <div className="panel-actions">
              <button type="submit" className="primary">
                下达抽检任务
              </button>
            </div>
          </form>
        )}
      </Loaded>
      {message ? (
        <p className="notice-msg" role="alert">
          {message}
        </p>
      ) : null}
    </section>
  );
}

type ItemDraft = SamplingItem;

function ResultForm({ task, onDone }: { task: SamplingTask; onDone: () => void }) {
  const [items, setItems] = useState<ItemDraft[]>(
    task.foods.map((food) => ({ name: `菌落总数（${food}）`, value: '', limit: '', verdict: 'pass' })),
  );
  const [testedOn, setTestedOn] = useState(dayAhead(0));
  const [file, setFile] = useState<File | null>(null);
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const edit = (i: number, patch: Partial<ItemDraft>) =>
    setItems((list) => list.map((item, j) => (j === i ? { ...item, ...patch } : item)));
  const failed = items.some((item) => item.verdict === 'fail');

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setMessage('');
    try {
      let labReport: string | undefined;
      if (file) {
        const contentType =
          file.type === 'image/png' ? 'image/png' : file.type === 'image/webp' ? 'image/webp' : 'image/jpeg';
        const stored = await client.request<{ ref: string }>({
          method: 'POST',
          path: `/v1/venues/${encodeURIComponent(task.venueId)}/ledger-photos`,
          body: { contentType, dataBase64: await base64(file) },
        });
        labReport = stored.ref;
      }
      const recorded = await client.sampling.recordResult(task.id, {
        outcome: failed ? 'fail' : 'pass',
        testedOn,
        items,
        ...(labReport ? { labReport } : {}),
      });
      if (recorded.result?.rectificationId) go(`rectifications/${recorded.result.rectificationId}`);
      else onDone();
    } catch (error) {
      setMessage(errorText(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel" data-testid="sampling-result-form">
      <h2>{`录入抽检结果 · ${task.venueName ?? task.venueId}`}</h2>
      <form onSubmit={submit}>
        <table>
          <thead>
            <tr>
              <th>检测项目</th>
              <th>检测值</th>
              <th>限值</th>
              <th>判定</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place, in order
              <tr key={i}>
                <td>
                  <input
                    aria-label={`项目 ${i + 1}`}
                    value={item.name}
                    onChange={(e) => edit(i, { name: e.target.value })}
                    required
                  />
                </td>
                <td>
                  <input
                    aria-label={`检测值 ${i + 1}`}
                    value={item.value}
                    onChange={(e) => edit(i, { value: e.target.value })}
                    required
                  />
                </td>
                <td>
                  <input
                    aria-label={`限值 ${i + 1}`}
                    value={item.limit}
                    onChange={(e) => edit(i, { limit: e.target.value })}
                    required
                  />
                </td>
                <td>
                  <select
                    aria-label={`判定 ${i + 1}`}
                    value={item.verdict}
                    onChange={(e) => edit(i, { verdict: e.target.value as ItemDraft['verdict'] })}
                  >
                    <option value="pass">合格</option>
                    <option value="fail">不合格</option>
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="form-grid">
          <label htmlFor="tested-on">报告日期</label>
          <input id="tested-on" type="date" value={testedOn} onChange={(e) => setTestedOn(e.target.value)} required />
          <label htmlFor="lab-report">检验报告照片</label>
          <input id="lab-report" type="file" accept="image/*" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
          <span />
          <p className={failed ? 'notice-msg' : 'muted'}>
            {failed ? '结论：不合格。提交后将记录食品安全事件（6 个月内不评定动态等级）并下达整改通知。' : '结论：合格'}
          </p>
          <span />
          <div className="panel-actions">
            <button type="submit" className="primary" disabled={busy}>
              提交结果
            </button>
          </div>
        </div>
      </form>
      {message ? (
        <p className="notice-msg" role="alert">
          {message}
        </p>
      ) : null}
    </section>
  );
}
