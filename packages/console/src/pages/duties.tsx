/**
 * 法定义务: publish a legal duty or operating procedure to a region's venues of chosen kinds, see each one's
 * read-receipt coverage (venues that read it of those it concerns) and the venues that have not read it yet.
 * Every call through the SDK.
 */
import {
  createDutiesClient,
  DUTY_CATEGORIES,
  DUTY_CATEGORY_LABELS,
  type Duty,
  type DutyCategory,
  type Region,
  VENUE_KIND_LABELS,
  VENUE_KINDS,
  type VenueKind,
} from '@brightkitchen/sdk';
import { type FormEvent, useState } from 'react';
import { chosenRegion, client } from '../api';

const dutiesClient = createDutiesClient(client);

import { useLoad } from '../components/use-load';
import { errorText, pct, time } from '../format';
import { Loaded } from './loaded';
import { writableRegions } from './regions-in-reach';
import './regulatory.css';

export function DutiesPage() {
  const [generation, setGeneration] = useState(0);
  const regionId = chosenRegion();
  const [state] = useLoad(
    () => Promise.all([dutiesClient.list({ limit: 100, ...(regionId ? { regionId } : {}) }), writableRegions()]),
    String(generation),
  );
  const [showing, setShowing] = useState<Duty | null>(null);
  // Kept here: a reload unmounts the form, and what was done must still be said.
  const [done, setDone] = useState('');
  const refresh = (message = '') => {
    setDone(message);
    setGeneration((g) => g + 1);
  };
  return (
    <>
      {done ? (
        <p className="notice-msg" role="status" data-testid="duty-done">
          {done}
        </p>
      ) : null}
      <Loaded state={state}>
        {([duties, regions]) => (
          <>
            <DutyForm regions={regions} onDone={refresh} />
            <section className="panel" data-testid="duties-list">
              <h2>已推送的法定义务与操作规范</h2>
              {duties.items.length === 0 ? (
                <p className="muted">暂无</p>
              ) : (
                <table>
                  <thead>
                    <tr>
                      <th>类别</th>
                      <th>标题</th>
                      <th>适用业态</th>
                      <th>辖区</th>
                      <th>发布时间</th>
                      <th>已读</th>
                      <th />
                    </tr>
                  </thead>
                  <tbody>
                    {duties.items.map((d) => {
                      const c = d.coverage ?? { venues: 0, read: 0 };
                      return (
                        <tr key={d.id} data-duty-id={d.id}>
                          <td>{DUTY_CATEGORY_LABELS[d.category]}</td>
                          <td>{d.title}</td>
                          <td>{d.kinds.map((k) => VENUE_KIND_LABELS[k].zh).join('、')}</td>
                          <td>{d.regionName}</td>
                          <td>{time(d.publishedAt)}</td>
                          <td data-testid="duty-coverage">{`${c.read}/${c.venues}（${pct(c.venues ? c.read / c.venues : null)}）未读 ${c.venues - c.read}`}</td>
                          <td>
                            <button type="button" onClick={() => setShowing(d)}>
                              未读单位
                            </button>
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              )}
            </section>
            {showing ? <UnreadVenues key={`${showing.id}-${generation}`} duty={showing} /> : null}
          </>
        )}
      </Loaded>
    </>
  );
}

function UnreadVenues({ duty }: { duty: Duty }) {
  const [state] = useLoad(() => dutiesClient.receipts(duty.id, 500), duty.id);
  return (
    <section className="panel" data-testid="duty-unread">
      <h2>{`「${duty.title}」未读单位`}</h2>
      <Loaded state={state}>
        {(r) => (
          <>
            <p>{`涉及 ${r.venues} 家，已读 ${r.read} 家，未读 ${r.unread} 家`}</p>
            {r.unreadVenues.length === 0 ? (
              <p className="muted">全部已读</p>
            ) : (
              <table>
                <thead>
                  <tr>
                    <th>单位</th>
                    <th>业态</th>
                    <th>辖区</th>
                  </tr>
                </thead>
                <tbody>
                  {r.unreadVenues.map((v) => (
                    <tr key={v.venueId}>
                      <td>
                        <a href={`#/venue/${v.venueId}`}>{v.venueName}</a>
                      </td>
                      <td>{VENUE_KIND_LABELS[v.kind].zh}</td>
                      <td>{v.regionName}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {r.unread > r.unreadVenues.length ? (
              <p className="muted">{`仅列出前 ${r.unreadVenues.length} 家`}</p>
            ) : null}
          </>
        )}
      </Loaded>
    </section>
  );
}

function DutyForm({ regions, onDone }: { regions: readonly Region[]; onDone: (message: string) => void }) {
  const [regionId, setRegionId] = useState(chosenRegion() ?? regions[0]?.id ?? '');
  const [category, setCategory] = useState<DutyCategory>('legal_duty');
  const [kinds, setKinds] = useState<readonly VenueKind[]>(['school_canteen']);
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [basis, setBasis] = useState('');
  const [message, setMessage] = useState('');

  const toggle = (kind: VenueKind) =>
    setKinds((ks) => (ks.includes(kind) ? ks.filter((k) => k !== kind) : [...ks, kind]));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setMessage('');
    try {
      const duty = await dutiesClient.publish({
        regionId,
        category,
        kinds: [...kinds],
        title: title.trim(),
        body: body.trim(),
        ...(basis.trim() ? { basis: basis.trim() } : {}),
      });
      onDone(`已推送「${duty.title}」至 ${duty.coverage?.venues ?? 0} 家单位`);
    } catch (error) {
      setMessage(errorText(error));
    }
  }

  return (
    <section className="panel" data-testid="duty-form">
      <h2>推送法定义务或操作规范</h2>
      <form className="form-grid" onSubmit={submit}>
        <label htmlFor="duty-region">辖区</label>
        <select id="duty-region" value={regionId} onChange={(e) => setRegionId(e.target.value)}>
          {regions.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name}
            </option>
          ))}
        </select>
        <label htmlFor="duty-category">类别</label>
        <select id="duty-category" value={category} onChange={(e) => setCategory(e.target.value as DutyCategory)}>
          {DUTY_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {DUTY_CATEGORY_LABELS[c]}
            </option>
          ))}
        </select>
        <span>适用业态</span>
        <fieldset aria-label="适用业态">
          {VENUE_KINDS.map((k) => (
            <label key={k}>
              <input type="checkbox" checked={kinds.includes(k)} onChange={() => toggle(k)} />
              {VENUE_KIND_LABELS[k].zh}
            </label>
          ))}
        </fieldset>
        <label htmlFor="duty-title">标题</label>
        <input id="duty-title" value={title} maxLength={80} onChange={(e) => setTitle(e.target.value)} required />
        <label htmlFor="duty-body">内容</label>
        <textarea
          id="duty-body"
          value={body}
          maxLength={5000}
          rows={5}
          onChange={(e) => setBody(e.target.value)}
          required
        />
        <label htmlFor="duty-basis">依据（可选）</label>
        <input id="duty-basis" value={basis} maxLength={200} onChange={(e) => setBasis(e.target.value)} />
        <span />
        <div className="panel-actions">
          <button type="submit" className="primary" disabled={kinds.length === 0}>
            推送
          </button>
        </div>
      </form>
      {message ? (
        <p className="notice-msg" role="alert" data-testid="duty-message">
          {message}
        </p>
      ) : null}
    </section>
  );
}
