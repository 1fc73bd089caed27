/**
 * 整改通知: the notices of the regions in view, overdue ones highlighted; one opened to read the operator's
 * answers with their photos, accept or send back with a remark, and plan a re-inspection; a new notice opened
 * from a venue or an alert (`#/rectifications/new/{venueId}/{sourceKind}/{sourceId}`). Every call through the SDK.
 */
import {
  RECTIFICATION_SOURCE_KINDS,
  RECTIFICATION_SOURCE_LABELS,
  RECTIFICATION_STATE_LABELS,
  type Rectification,
  type RectificationSourceKind,
} from '@brightkitchen/sdk';
import { type FormEvent, useEffect, useState } from 'react';
import { client } from '../api';
import { useLoad } from '../components/use-load';
import { errorText, time } from '../format';
import { go } from '../router';
import { Loaded } from './loaded';
import './regulatory.css';

type Filter = 'all' | 'open' | 'answered' | 'overdue' | 'closed';
const FILTERS: readonly [Filter, string][] = [
  ['all', '全部'],
  ['open', '待整改'],
  ['answered', '待复核'],
  ['overdue', '已逾期'],
  ['closed', '已销号'],
];

export function RectificationsPage({ route }: { route: readonly string[] }) {
  const [first, venueId, sourceKind, sourceId] = route;
  if (first === 'new') return <OpenRectification venueId={venueId ?? ''} kind={sourceKind} sourceId={sourceId} />;
  if (first) return <RectificationDetail id={first} />;
  return (
    <>
      <RectificationList />
      <ReinspectionPlan />
    </>
  );
}

/** The re-inspections planned from notices not yet closed, soonest first: the regulator's visits to make. */
function ReinspectionPlan() {
  const [state] = useLoad(() => client.rectifications.list({ limit: 500 }));
  return (
    <section className="panel" data-testid="reinspection-plan">
      <h2>复查安排</h2>
      <Loaded state={state}>
        {(page) => {
          const planned = page.items
            .filter((r) => r.reinspectOn && r.state !== 'closed')
            .sort((x, y) => (x.reinspectOn ?? '').localeCompare(y.reinspectOn ?? ''));
          return planned.length === 0 ? (
            <p className="muted">暂无复查安排</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th>复查日期</th>
                  <th>单位</th>
                  <th>依据</th>
                  <th>整改期限</th>
                </tr>
              </thead>
              <tbody>
                {planned.map((r) => (
                  <tr key={r.id} className="clickable" onClick={() => go(`rectifications/${r.id}`)}>
                    <td>{r.reinspectOn}</td>
                    <td>{r.venueName ?? r.venueId}</td>
                    <td>{r.obligation}</td>
                    <td>{r.deadline}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          );
        }}
      </Loaded>
    </section>
  );
}

function RectificationList() {
  const [filter, setFilter] = useState<Filter>('all');
  const [state] = useLoad(
    () =>
      client.rectifications.list({
        limit: 200,
        ...(filter === 'overdue' ? { overdue: true } : filter === 'all' ? {} : { state: filter }),
      }),
    filter,
  );
  return (
    <section className="panel">
      <header className="panel-head">
        <h2>整改通知</h2>
      </header>
      <fieldset className="filters" aria-label="筛选">
        {FILTERS.map(([f, label]) => (
          <button key={f} type="button" className={f === filter ? 'on' : undefined} onClick={() => setFilter(f)}>
            {label}
          </button>
        ))}
      </fieldset>
      <Loaded state={state}>
        {(page) =>
          page.items.length === 0 ? (
            <p className="muted">暂无整改通知</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th>单位</th>
                  <th>依据</th>
                  <th>来源</th>
                  <th>整改期限</th>
                  <th>状态</th>
                  <th>复查日期</th>
                  <th>下达时间</th>
                </tr>
              </thead>
              <tbody>
                {page.items.map((r) => (
                  <tr
                    key={r.id}
                    data-rectification-id={r.id}
                    className={`clickable${r.overdue ? ' overdue' : ''}`}
                    onClick={() => go(`rectifications/${r.id}`)}
                  >
                    <td>{r.venueName ?? r.venueId}</td>
                    <td>{r.obligation}</td>
                    <td>{RECTIFICATION_SOURCE_LABELS[r.source.kind]}</td>
                    <td>{r.overdue ? `${r.deadline}（已逾期）` : r.deadline}</td>
                    <td>{RECTIFICATION_STATE_LABELS[r.state]}</td>
                    <td>{r.reinspectOn ?? '—'}</td>
                    <td>{time(r.issuedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </Loaded>
    </section>
  );
}

/** A stored photo of the venue, fetched through the SDK with the session (an <img> cannot send it). */
function VenuePhoto({ venueId, photoRef }: { venueId: string; photoRef: string }) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    let made: string | null = null;
    client.ledgers.photo(venueId, photoRef).then(
      (bytes) => {
        made = URL.createObjectURL(new Blob([bytes]));
        setUrl(made);
      },
      () => setUrl(null),
    );
    return () => {
      if (made) URL.revokeObjectURL(made);
    };
  }, [venueId, photoRef]);
  return url ? <img src={url} alt="整改照片" /> : <span className="muted">照片加载中…</span>;
}

function RectificationDetail({ id }: { id: string }) {
  const [state, reload] = useLoad(() => client.rectifications.get(id), id);
  const [remark, setRemark] = useState('');
  const [day, setDay] = useState('');
  const [message, setMessage] = useState('');
  async function act(work: () => Promise<Rectification>) {
    setMessage('');
    try {
      await work();
      reload();
    } catch (error) {
      setMessage(errorText(error));
    }
  }
  return (
    <Loaded state={state}>
      {(r) => (
        <>
          <section className="panel" data-testid="rectification-detail">
            <header className="panel-head">
              <h2>{`责令整改通知书 · ${r.venueName ?? r.venueId}`}</h2>
              <div className="panel-actions">
                <button type="button" onClick={() => go('rectifications')}>
                  返回列表
                </button>
              </div>
            </header>
            <dl className="archive">
              <dt>状态</dt>
              <dd data-testid="rectification-state">{RECTIFICATION_STATE_LABELS[r.state]}</dd>
              <dt>整改期限</dt>
              <dd className={r.overdue ? 'notice-msg' : undefined}>
                {r.overdue ? `${r.deadline}（已逾期）` : r.deadline}
              </dd>
              <dt>依据</dt>
              <dd>{r.obligation}</dd>
              <dt>来源</dt>
              <dd>{RECTIFICATION_SOURCE_LABELS[r.source.kind]}</dd>
              <dt>发现的问题</dt>
              <dd>{r.findings}</dd>
              <dt>整改要求</dt>
              <dd>{r.requirement}</dd>
              <dt>复查日期</dt>
              <dd>{r.reinspectOn ?? '未安排'}</dd>
              {r.escalatedAt ? (
                <>
                  <dt>逾期上报</dt>
                  <dd>{time(r.escalatedAt)}</dd>
                </>
              ) : null}
            </dl>
          </section>
          <section className="panel">
            <h2>商户答复与复核</h2>
            {r.responses.length === 0 ? <p className="muted">商户尚未答复</p> : null}
            {r.responses.map((resp, i) => (
              <div key={resp.at} className="evidence" data-testid="rectification-response">
                <p>{`第 ${i + 1} 次答复（${time(resp.at)}）：${resp.text}`}</p>
                <div className="photo-row">
                  {resp.photos.map((ref) => (
                    <VenuePhoto key={ref} venueId={r.venueId} photoRef={ref} />
                  ))}
                </div>
                {r.reviews[i] ? (
                  <p className="muted">{`复核：${r.reviews[i]?.decision === 'accept' ? '通过' : '退回'}${r.reviews[i]?.remark ? `，${r.reviews[i]?.remark}` : ''}`}</p>
                ) : null}
              </div>
            ))}
            {r.state === 'answered' ? (
              <div className="form-grid">
                <label htmlFor="review-remark">复核意见</label>
                <textarea id="review-remark" value={remark} onChange={(e) => setRemark(e.target.value)} />
                <span />
                <div className="panel-actions">
                  <button
                    type="button"
                    className="primary"
                    onClick={() =>
                      act(() =>
                        client.rectifications.review(r.id, { decision: 'accept', ...(remark ? { remark } : {}) }),
                      )
                    }
                  >
                    通过，销号
                  </button>
                  <button
                    type="button"
                    onClick={() =>
                      remark.trim()
                        ? act(() => client.rectifications.review(r.id, { decision: 'reject', remark: remark.trim() }))
                        : setMessage('退回整改请写明原因')
                    }
                  >
                    退回整改
                  </button>
                </div>
              </div>
            ) : null}
            {r.state !== 'closed' ? (
              <div className="form-grid">
                <label htmlFor="reinspect-day">安排复查</label>
                <div className="panel-actions">
                  <input id="reinspect-day" type="date" value={day} onChange={(e) => setDay(e.target.value)} />
                  <button
                    type="button"
                    disabled={!day}
                    onClick={() => act(() => client.rectifications.planReinspection(r.id, day))}
                  >
                    保存复查日期
                  </button>
                </div>
              </div>
            ) : null}
            {message ? (
              <p className="notice-msg" role="alert">
                {message}
              </p>
            ) : null}
          </section>
        </>
      )}
    </Loaded>
  );
}

function OpenRectification({ venueId, kind, sourceId }: { venueId: string; kind?: string; sourceId?: string }) {
  const initialKind = (RECTIFICATION_SOURCE_KINDS as readonly string[]).includes(kind ?? '')
    ? (kind as RectificationSourceKind)
    : 'other';
  const [form, setForm] = useState({
    venueId,
    kind: initialKind,
    sourceId: sourceId ?? '',
    obligation: '食品安全法 第五十五条',
    findings: '',
    requirement: '',
    deadline: '',
  });
  const [message, setMessage] = useState('');
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [key]: e.target.value }));
  async function submit(e: FormEvent) {
    e.preventDefault();
    setMessage('');
    try {
      const opened = await client.rectifications.open(form.venueId.trim(), {
        source: { kind: form.kind, ...(form.sourceId.trim() ? { id: form.sourceId.trim() } : {}) },
        obligation: form.obligation.trim(),
        findings: form.findings.trim(),
        requirement: form.requirement.trim(),
        deadline: form.deadline,
      });
      go(`rectifications/${opened.id}`);
    } catch (error) {
      setMessage(errorText(error));
    }
  }
  return (
    <section className="panel">
      <h2>下达整改通知</h2>
      <form className="form-grid" onSubmit={submit}>
        <label htmlFor="r-venue">单位编号</label>
        <input id="r-venue" value={form.venueId} onChange={set('venueId')} required />
        <label htmlFor="r-kind">来源</label>
        <select id="r-kind" value={form.kind} onChange={set('kind')}>
          {RECTIFICATION_SOURCE_KINDS.map((k) => (
            <option key={k} value={k}>
              {RECTIFICATION_SOURCE_LABELS[k]}
            </option>
          ))}
        </select>
        <label htmlFor="r-source">来源编号</label>
        <input
          id="r-source"
          value={form.sourceId}
          onChange={set('sourceId')}
          placeholder="检查、预警、告知或抽检的编号"
        />
        <label htmlFor="r-obligation">依据</label>
        <input id="r-obligation" value={form.obligation} onChange={set('obligation')} required />
        <label htmlFor="r-findings">发现的问题</label>
        <textarea id="r-findings" value={form.findings} onChange={set('findings')} required />
        <label htmlFor="r-requirement">整改要求</label>
        <textarea id="r-requirement" value={form.requirement} onChange={set('requirement')} required />
        <label htmlFor="r-deadline">整改期限</label>
        <input id="r-deadline" type="date" value={form.deadline} onChange={set('deadline')} required />
        <span />
        <div className="panel-actions">
          <button type="submit" className="primary">
            下达
          </button>
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
