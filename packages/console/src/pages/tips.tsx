/**
 * 贴士与预警: write a food-safety tip or consumer alert (消费预警) for a region with its validity (entered and shown in
 * Asia/Shanghai), see what is in force (or everything), and withdraw one. A consumer alert goes to the consumers who
 * opted in by WeChat; the table shows how many messages were delivered. Every call through the SDK.
 */
import {
  createTipsClient,
  type Region,
  TIP_KIND_LABELS,
  TIP_STATE_LABELS,
  type Tip,
  type TipKind,
} from '@brightkitchen/sdk';
import { type FormEvent, useState } from 'react';
import { chosenRegion, client } from '../api';

const tipsClient = createTipsClient(client);

import { useLoad } from '../components/use-load';
import { errorText, time } from '../format';
import { Loaded } from './loaded';
import { shanghaiInstant, shanghaiLocal, writableRegions } from './regions-in-reach';
import './regulatory.css';

const DAY_MS = 86_400_000;

export function TipsPage() {
  const [generation, setGeneration] = useState(0);
  const [all, setAll] = useState(false);
  const regionId = chosenRegion();
  const [state] = useLoad(
    () =>
      Promise.all([
        tipsClient.list({ limit: 200, ...(regionId ? { regionId } : {}), ...(all ? {} : { state: 'in_force' }) }),
        writableRegions(),
      ]),
    `${generation}-${all}`,
  );
  // Kept here: a reload unmounts the form, and what was done must still be said.
  const [done, setDone] = useState('');
  const refresh = (message = '') => {
    setDone(message);
    setGeneration((g) => g + 1);
  };
  return (
    <>
      {done ? (
        <p className="notice-msg" role="status" data-testid="tip-done">
          {done}
        </p>
      ) : null}
      <Loaded state={state}>
        {([tips, regions]) => (
          <>
            <TipForm regions={regions} onDone={refresh} />
            <section className="panel" data-testid="tips-list">
              <h2>{all ? '全部贴士与预警' : '生效中的贴士与预警'}</h2>
              <div className="panel-actions">
                <label>
                  <input type="checkbox" checked={all} onChange={(e) => setAll(e.target.checked)} />
                  显示未生效、已过期和已撤回的
                </label>
              </div>
              {tips.items.length === 0 ? (
                <p className="muted">暂无</p>
              ) : (
                <TipTable tips={tips.items} onDone={refresh} />
              )}
            </section>
          </>
        )}
      </Loaded>
    </>
  );
}

function TipTable({ tips, onDone }: { tips: readonly Tip[]; onDone: (message: string) => void }) {
  const [message, setMessage] = useState('');
  async function withdraw(tip: Tip) {
    const reason = window.prompt(`撤回「${tip.title}」的原因（可不填）`) ?? undefined;
    try {
      await tipsClient.withdraw(tip.id, reason ? { reason } : {});
      onDone(`已撤回「${tip.title}」`);
    } catch (error) {
      setMessage(errorText(error));
    }
  }
  return (
    <>
      <table>
        <thead>
          <tr>
            <th>类别</th>
            <th>标题</th>
            <th>辖区</th>
            <th>有效期</th>
            <th>状态</th>
            <th>微信通知</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {tips.map((t) => (
            <tr key={t.id} data-tip-id={t.id} className={t.kind === 'consumer_alert' ? 'overdue' : undefined}>
              <td>{TIP_KIND_LABELS[t.kind]}</td>
              <td>{t.title}</td>
              <td>{t.regionName}</td>
              <td>{`${time(t.validFrom)} 至 ${time(t.validUntil)}`}</td>
              <td>{TIP_STATE_LABELS[t.state]}</td>
              <td>{t.kind === 'consumer_alert' ? `已送达 ${t.delivered} 人` : '—'}</td>
              <td>
                {t.state === 'in_force' || t.state === 'scheduled' ? (
                  <button type="button" onClick={() => void withdraw(t)}>
                    撤回
                  </button>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {message ? (
        <p className="notice-msg" role="alert">
          {message}
        </p>
      ) : null}
    </>
  );
}

function TipForm({ regions, onDone }: { regions: readonly Region[]; onDone: (message: string) => void }) {
  const [regionId, setRegionId] = useState(chosenRegion() ?? regions[0]?.id ?? '');
  const [kind, setKind] = useState<TipKind>('consumer_alert');
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [link, setLink] = useState('');
  const [from, setFrom] = useState(() => shanghaiLocal(Date.now()));
  const [until, setUntil] = useState(() => shanghaiLocal(Date.now() + 7 * DAY_MS));
  const [message, setMessage] = useState('');

  async function submit(event: FormEvent) {
    event.preventDefault();
    setMessage('');
    try {
      const tip = await tipsClient.create({
        regionId,
        kind,
        title: title.trim(),
        body: body.trim(),
        ...(link.trim() ? { link: link.trim() } : {}),
        validFrom: shanghaiInstant(from),
        validUntil: shanghaiInstant(until),
      });
      onDone(`已发布「${tip.title}」（${TIP_STATE_LABELS[tip.state]}）`);
    } catch (error) {
      setMessage(errorText(error));
    }
  }

  return (
    <section className="panel" data-testid="tip-form">
      <h2>发布贴士或消费预警</h2>
      <form className="form-grid" onSubmit={submit}>
        <label htmlFor="tip-region">辖区</label>
        <select id="tip-region" value={regionId} onChange={(e) => setRegionId(e.target.value)}>
          {regions.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name}
            </option>
          ))}
        </select>
        <label htmlFor="tip-kind">类别</label>
        <select id="tip-kind" value={kind} onChange={(e) => setKind(e.target.value as TipKind)}>
          <option value="consumer_alert">{TIP_KIND_LABELS.consumer_alert}</option>
          <option value="tip">{TIP_KIND_LABELS.tip}</option>
        </select>
        <label htmlFor="tip-title">标题</label>
        <input id="tip-title" value={title} maxLength={60} onChange={(e) => setTitle(e.target.value)} required />
        <label htmlFor="tip-body">内容</label>
        <textarea
          id="tip-body"
          value={body}
          maxLength={2000}
          rows={4}
          onChange={(e) => setBody(e.target.value)}
          required
        />
        <label htmlFor="tip-link">链接（可选）</label>
        <input id="tip-link" type="url" value={link} onChange={(e) => setLink(e.target.value)} />
        <label htmlFor="tip-from">生效时间（北京时间）</label>
        <input id="tip-from" type="datetime-local" value={from} onChange={(e) => setFrom(e.target.value)} required />
        <label htmlFor="tip-until">截止时间（北京时间）</label>
        <input id="tip-until" type="datetime-local" value={until} onChange={(e) => setUntil(e.target.value)} required />
        <span />
        <div className="panel-actions">
          <button type="submit" className="primary">
            发布
          </button>
        </div>
      </form>
      {message ? (
        <p className="notice-msg" role="alert" data-testid="tip-message">
          {message}
        </p>
      ) : null}
    </section>
  );
}
