/**
 * 红黑榜: compute a draft of a region's red and black lists for a month or quarter (the documented formula, every
 * listed venue with its factors), take a venue off with a reason, publish — once per region and period — and see
 * the history of drafts and publications. Every call through the SDK's lists client.
 */
import type { Region } from '@brightkitchen/sdk';
import {
  createListsClient,
  type LISTING_FACTORS,
  LISTING_REASON_MESSAGES,
  type ListEntry,
  type ListSet,
  monthPeriod,
} from '@brightkitchen/sdk/listing';
import { type FormEvent, useState } from 'react';
import { chosenRegion, client } from '../api';
import { useLoad } from '../components/use-load';
import { errorText, time } from '../format';
import { go } from '../router';
import { Loaded } from './loaded';
import { writableRegions } from './regions-in-reach';
import './regulatory.css';

const lists = createListsClient(client);

const FACTOR_NAMES: Record<(typeof LISTING_FACTORS)[number], string> = {
  dynamic_grade: '动态等级',
  annual_grade: '年度等级',
  consumer_rating: '顾客满意',
  ledger_completion: '台账完成',
  ai_violations: 'AI 违规',
  unresolved_alerts: '未处置告警',
  complaints_upheld: '投诉属实',
};

export function ListsPage({ route }: { route: readonly string[] }) {
  const [id] = route;
  return id ? <ListSetView id={id} /> : <ListsHome />;
}

function ListsHome() {
  const regionId = chosenRegion();
  const [state] = useLoad(() =>
    Promise.all([lists.list({ limit: 50, ...(regionId ? { regionId } : {}) }), writableRegions()]),
  );
  return (
    <Loaded state={state}>
      {([history, regions]) => (
        <>
          <DraftForm regions={regions} />
          <section className="panel" data-testid="lists-history">
            <h2>历次红黑榜</h2>
            {history.items.length === 0 ? (
              <p className="muted">暂无</p>
            ) : (
              <table>
                <thead>
                  <tr>
                    <th>期间</th>
                    <th>范围</th>
                    <th>状态</th>
                    <th>红榜</th>
                    <th>黑榜</th>
                    <th>评定单位</th>
                    <th>计算 / 发布时间</th>
                  </tr>
                </thead>
                <tbody>
                  {history.items.map((set) => (
                    <tr key={set.id} className="clickable" onClick={() => go(`lists/${set.id}`)}>
                      <td>{set.period}</td>
                      <td>{set.scopeName ?? regions.find((r) => r.id === set.regionId)?.name ?? set.regionId}</td>
                      <td>{set.state === 'published' ? '已发布' : '草稿'}</td>
                      <td>{set.red}</td>
                      <td>{set.black}</td>
                      <td>{set.venues}</td>
                      <td>{time(set.publishedAt ?? set.computedAt)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        </>
      )}
    </Loaded>
  );
}

function DraftForm({ regions }: { regions: readonly Region[] }) {
  const [regionId, setRegionId] = useState(chosenRegion() ?? regions[0]?.id ?? '');
  const [period, setPeriod] = useState(() => monthPeriod(new Date(), 1));
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');
  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setMessage('');
    try {
      const draft = await lists.draft({ regionId, period: period.trim() });
      go(`lists/${draft.id}`);
    } catch (error) {
      setMessage(errorText(error));
    } finally {
      setBusy(false);
    }
  }
  return (
    <section className="panel" data-testid="lists-form">
      <h2>计算红黑榜</h2>
      <form className="form-grid" onSubmit={submit}>
        <label htmlFor="lists-region">辖区</label>
        <select id="lists-region" value={regionId} onChange={(e) => setRegionId(e.target.value)}>
          {regions.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name}
            </option>
          ))}
        </select>
        <label htmlFor="lists-period">期间（月 2026-11 或季度 2026-Q4）</label>
        <input id="lists-period" value={period} onChange={(e) => setPeriod(e.target.value)} required />
        <span />
        <div className="panel-actions">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? '计算中…' : '计算草稿'}
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

function ListSetView({ id }: { id: string }) {
  const [generation, setGeneration] = useState(0);
  const [state] = useLoad(() => lists.get(id), `${id}-${generation}`);
  const [message, setMessage] = useState('');
  const act = async (work: () => Promise<unknown>, done: string) => {
    setMessage('');
    try {
      await work();
      setMessage(done);
      setGeneration((g) => g + 1);
    } catch (error) {
      setMessage(errorText(error));
    }
  };
  return (
    <Loaded state={state}>
      {(set) => (
        <>
          <section className="panel" data-testid="list-set">
            <h2>{`${set.period} 红黑榜${set.scopeName ? ` · ${set.scopeName}` : ''}（${set.state === 'published' ? '已发布' : '草稿'}）`}</h2>
            <p className="muted">
              {`评定 ${set.venues} 家，数据期间 ${set.from} 至 ${set.to}；计算于 ${time(set.computedAt)}${set.publishedAt ? `，发布于 ${time(set.publishedAt)}` : ''}`}
            </p>
            {set.state === 'draft' ? (
              <div className="panel-actions">
                <button
                  type="button"
                  className="primary"
                  onClick={() => void act(() => lists.publish(set.id), '已发布：消费者已可在小程序看到红黑榜')}
                >
                  发布
                </button>
              </div>
            ) : null}
            {message ? (
              <p className="notice-msg" role="status" data-testid="list-message">
                {message}
              </p>
            ) : null}
          </section>
          <EntryTable title="红榜" set={set} entries={set.red} act={act} />
          <EntryTable title="黑榜" set={set} entries={set.black} act={act} />
        </>
      )}
    </Loaded>
  );
}

function EntryTable({
  title,
  set,
  entries,
  act,
}: {
  title: string;
  set: ListSet;
  entries: readonly ListEntry[];
  act: (work: () => Promise<unknown>, done: string) => Promise<void>;
}) {
  const exclude = (entry: ListEntry) => {
    const reason = window.prompt(`将「${entry.name}」移出${title}的原因`)?.trim();
    if (reason)
      void act(() => lists.exclude(set.id, { venueId: entry.venueId, reason }), `已将「${entry.name}」移出${title}`);
  };
  return (
    <section className="panel" data-testid={`list-${title === '红榜' ? 'red' : 'black'}`}>
      <h2>{`${title}（${entries.filter((e) => !e.exclusion).length} 家）`}</h2>
      {entries.length === 0 ? (
        <p className="muted">本期无</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>单位</th>
              <th>得分</th>
              <th>各项（分）</th>
              <th>说明</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.venueId} className={entry.exclusion ? 'muted' : undefined}>
                <td style={{ minWidth: '10em' }}>
                  <a href={`#/venue/${entry.venueId}`}>{entry.name}</a>
                </td>
                <td>{entry.score}</td>
                <td>{entry.factors.map((f) => `${FACTOR_NAMES[f.factor]} ${f.contribution}`).join('；')}</td>
                <td>
                  <strong>{entry.reasons.map((r) => LISTING_REASON_MESSAGES[r].zh).join('；')}</strong>
                  <br />
                  {entry.exclusion
                    ? `已移出：${entry.exclusion.reason}`
                    : entry.factors.map((f) => f.explanation.zh).join('；')}
                </td>
                <td>
                  {set.state === 'draft' && !entry.exclusion ? (
                    <button type="button" onClick={() => exclude(entry)}>
                      移出
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
