/**
 * 检查记录: a venue's inspections (`#/inspections/venue/{venueId}`), one opened (`#/inspections/{id}`), and its
 * printable paper copy (`#/inspections/{id}/print`): venue, date, inspector, every item with its result and remark,
 * score, grade face and both signatures, styled for A4 (`@media print`).
 */
import {
  CHECKLIST_AREA_LABELS,
  type Checklist,
  type ChecklistArea,
  GRADE_FACE_LABELS,
  type GradeFace,
  type InspectionAnswer,
  type InspectionRecord,
  type InspectionResult,
  type InspectionType,
  NO_GRADE_REASON_MESSAGES,
  type NoGradeReason,
  type Venue,
} from '@brightkitchen/sdk';
import { useEffect, useState } from 'react';
import { client } from '../api';
import { DataTable } from '../components/data-table';
import { useLoad } from '../components/use-load';
import { num, time } from '../format';
import { go } from '../router';
import { NewInspection } from './inspection-new';
import { Loaded } from './loaded';
import './inspections.css';

export const RESULT_TEXT: Readonly<Record<InspectionResult, string>> = {
  conform: '符合',
  nonconform: '不符合',
  not_applicable: '不适用',
};
const TYPE_TEXT: Readonly<Record<InspectionType, string>> = {
  routine: '日常检查',
  follow_up: '复查',
  special: '专项检查',
  complaint: '投诉核查',
};

const faceText = (face: GradeFace) => GRADE_FACE_LABELS[face]?.zh ?? face;
const reasonText = (r: string) => NO_GRADE_REASON_MESSAGES[r as NoGradeReason]?.zh ?? r;

/** `route`: `['venue', venueId]`, `[id]` or `[id, 'print']`; empty: find a venue by name. */
export function InspectionsPage({ route }: { route: readonly string[] }) {
  const [first = '', second = ''] = route;
  if (first === 'venue' && second) return <VenueInspections venueId={second} />;
  if (first === 'new' && second) return <NewInspection venueId={second} />;
  if (first && second === 'print') return <PrintableRecord id={first} />;
  if (first) return <InspectionDetail id={first} />;
  return <FindVenue />;
}

function FindVenue() {
  const [q, setQ] = useState('');
  const [found, setFound] = useState<readonly Venue[] | null>(null);
  return (
    <section className="panel">
      <h2>选择单位</h2>
      <form
        className="filters"
        onSubmit={(e) => {
          e.preventDefault();
          void client.venues.list({ q: q.trim(), limit: 50 }).then((p) => setFound(p.items));
        }}
      >
        <input aria-label="单位名称" value={q} placeholder="单位名称" onChange={(e) => setQ(e.target.value)} />
        <button type="submit">查找</button>
      </form>
      {found?.length === 0 ? <p className="muted">没有找到名称相符的单位</p> : null}
      <ul>
        {(found ?? []).map((v) => (
          <li key={v.id}>
            <a href={`#/inspections/venue/${v.id}`}>{v.name}</a>
          </li>
        ))}
      </ul>
    </section>
  );
}

function VenueInspections({ venueId }: { venueId: string }) {
  const [state, reload] = useLoad(
    () => Promise.all([client.venues.get(venueId), client.inspections.list(venueId, { limit: 100 })]),
    venueId,
  );
  return (
    <Loaded state={state} retry={reload}>
      {([venue, page]) => (
        <>
          <p>
            <a href={`#/venue/${venue.id}`}>{`← ${venue.name} 单位档案`}</a>
            {' · '}
            <a href={`#/inspections/new/${venue.id}`}>新建检查记录</a>
          </p>
          <DataTable
            title={`${venue.name} · 检查记录（${page.items.length} 次）`}
            file={`检查记录-${venue.name}`}
            empty="暂无检查记录"
            rows={page.items}
            onRow={(r) => go(`inspections/${r.id}`)}
            columns={[
              { title: '检查日期', value: (r) => r.date },
              { title: '类型', value: (r) => TYPE_TEXT[r.type] ?? r.type },
              { title: '检查人员', value: (r) => r.inspector },
              { title: '检查项', value: (r) => r.items.length },
              { title: '不符合项', value: (r) => r.items.filter((i) => !i.passed).length },
              { title: '得分', value: (r) => num(r.score, 2) },
              { title: '动态等级', value: (r) => faceText(r.face) },
              {
                title: '负责人',
                value: (r) =>
                  r.countersign?.kind === 'signed'
                    ? `已签字（${r.countersign.name}）`
                    : r.countersign?.kind === 'declined'
                      ? '拒签'
                      : '—',
              },
            ]}
          />
        </>
      )}
    </Loaded>
  );
}

/** One row per answer: the checklist's title and area (the record's own title for a checked item). */
interface Row {
  readonly code: string;
  readonly area: ChecklistArea | null;
  readonly title: string;
  readonly key: boolean;
  readonly score: number | null;
  readonly result: InspectionResult;
  readonly remark: string;
  readonly photos: readonly string[];
}

function rowsOf(record: InspectionRecord, checklist: Checklist | null): Row[] {
  const items = new Map(record.items.map((i) => [i.code, i]));
  const listed = new Map((checklist?.items ?? []).map((i) => [i.code, i]));
  const answers: readonly InspectionAnswer[] =
    record.answers.length > 0
      ? record.answers
      : record.items.map((i) => ({ code: i.code, result: i.passed ? 'conform' : 'nonconform' }));
  // In the checklist's order (areas as an inspector walks the venue), whatever order the answers were given in.
  const order = new Map((checklist?.items ?? []).map((i, n) => [i.code, n]));
  const rank = (code: string) => order.get(code) ?? Number.MAX_SAFE_INTEGER;
  const sorted = [...answers].sort((a, b) => rank(a.code) - rank(b.code));
  return sorted.map((a) => {
    const item = items.get(a.code);
    const onList = listed.get(a.code);
    return {
      code: a.code,
      area: onList?.area ?? null,
      title: item?.title ?? onList?.title.zh ?? a.code,
      key: item?.key ?? onList?.key ?? false,
      score: item ? (item.passed ? item.score : 0) : null,
      result: a.result,
      remark: a.remark ?? '',
      photos: a.photos ?? [],
    };
  });
}

function useRecord(id: string) {
  return useLoad(async () => {
    const record = await client.inspections.get(id);
    const [venue, checklist] = await Promise.all([
      client.venues.get(record.venueId),
      client.inspections.checklist(record.venueId).catch(() => null),
    ]);
    return { record, venue, checklist };
  }, id);
}

function InspectionDetail({ id }: { id: string }) {
  const [state, reload] = useRecord(id);
  return (
    <Loaded state={state} retry={reload}>
      {({ record, venue, checklist }) => (
        <section className="panel" data-testid="inspection-detail">
          <header className="panel-head">
            <h2>{`${venue.name} · ${record.date} 检查记录`}</h2>
            <div className="panel-actions">
              <button type="button" onClick={() => go(`inspections/${record.id}/print`)}>
                打印检查记录
              </button>
            </div>
          </header>
          <p>
            <a href={`#/inspections/venue/${venue.id}`}>← 该单位的全部检查记录</a>
          </p>
          <Summary record={record} />
          <ItemsTable venueId={venue.id} rows={rowsOf(record, checklist)} withPhotos />
          <Signatures record={record} />
        </section>
      )}
    </Loaded>
  );
}

function Summary({ record }: { record: InspectionRecord }) {
  const failedKeys = record.items.filter((i) => i.key && !i.passed).length;
  return (
    <dl className="archive record-summary">
      <dt>检查日期</dt>
      <dd>{record.date}</dd>
      <dt>检查类型</dt>
      <dd>{TYPE_TEXT[record.type] ?? record.type}</dd>
      <dt>检查人员</dt>
      <dd>{record.inspector}</dd>
      <dt>检查项目</dt>
      <dd>{`${record.items.length} 项（不符合 ${record.items.filter((i) => !i.passed).length} 项，其中关键项 ${failedKeys} 项）`}</dd>
      <dt>得分</dt>
      <dd data-testid="record-score">{`${num(record.total, 0)} ÷ ${record.items.length} = ${num(record.score, 2)} 分`}</dd>
      <dt>动态等级</dt>
      <dd className="record-face">
        <FaceSvg face={record.face} />
        <span data-testid="record-face">{faceText(record.face)}</span>
        {record.noGradeReasons.length > 0 ? (
          <span className="muted">{`（${record.noGradeReasons.map(reasonText).join('；')}）`}</span>
        ) : null}
      </dd>
      {record.remark ? (
        <>
          <dt>备注</dt>
          <dd>{record.remark}</dd>
        </>
      ) : null}
      <dt>录入时间</dt>
      <dd>{time(record.recordedAt)}</dd>
    </dl>
  );
}

function ItemsTable({ venueId, rows, withPhotos }: { venueId: string; rows: readonly Row[]; withPhotos?: boolean }) {
  return (
    <table className="record-items">
      <thead>
        <tr>
          <th>序号</th>
          <th>检查内容</th>
          <th>关键项</th>
          <th>结果</th>
          <th>得分</th>
          <th>问题与备注</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => {
          const areaStart = r.area !== null && rows[i - 1]?.area !== r.area;
          return [
            areaStart && r.area ? (
              <tr key={`${r.area}-head`} className="area-row">
                <td colSpan={6}>{CHECKLIST_AREA_LABELS[r.area].zh}</td>
              </tr>
            ) : null,
            <tr key={r.code} className={r.result === 'nonconform' ? 'failed' : undefined} data-code={r.code}>
              <td>{r.code}</td>
              <td>{r.title}</td>
              <td>{r.key ? '★' : ''}</td>
              <td>{RESULT_TEXT[r.result]}</td>
              <td>{r.score === null ? '—' : r.score}</td>
              <td>
                {r.remark}
                {withPhotos && r.photos.length > 0 ? (
                  <span className="photo-row">
                    {r.photos.map((p) => (
                      <StoredImage key={p} venueId={venueId} photoRef={p} alt={`${r.code} 照片`} />
                    ))}
                  </span>
                ) : r.photos.length > 0 ? (
                  <span className="muted">{`（照片 ${r.photos.length} 张）`}</span>
                ) : null}
              </td>
            </tr>,
          ];
        })}
      </tbody>
    </table>
  );
}

function Signatures({ record }: { record: InspectionRecord }) {
  const c = record.countersign;
  return (
    <div className="signatures">
      <div className="signature-cell">
        <p>检查人员签名：</p>
        {record.inspectorSignature ? (
          <StoredImage venueId={record.venueId} photoRef={record.inspectorSignature} alt="检查人员签名" />
        ) : (
          <p className="muted">（未签名）</p>
        )}
        <p>{record.inspector}</p>
      </div>
      <div className="signature-cell">
        <p>被检查单位负责人签名：</p>
        {c?.kind === 'signed' ? (
          <>
            <StoredImage venueId={record.venueId} photoRef={c.signature} alt="负责人签名" />
            <p>{c.name}</p>
          </>
        ) : c?.kind === 'declined' ? (
          <p data-testid="countersign-declined">{`拒绝签字。理由：${c.reason}${c.name ? `（${c.name}）` : ''}`}</p>
        ) : (
          <p className="muted">（无）</p>
        )}
      </div>
    </div>
  );
}

/** An image in the venue's photo store, fetched with the session (an <img src> cannot send it). */
function StoredImage({ venueId, photoRef, alt }: { venueId: string; photoRef: string; alt: string }) {
  const [url, setUrl] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let made: string | null = null;
    client.ledgers.photo(venueId, photoRef).then(
      (bytes) => {
        made = URL.createObjectURL(new Blob([bytes]));
        setUrl(made);
      },
      () => setFailed(true),
    );
    return () => {
      if (made) URL.revokeObjectURL(made);
    };
  }, [venueId, photoRef]);
  if (failed) return <span className="muted">{`${alt}无法加载`}</span>;
  return url ? <img className="stored-image" src={url} alt={alt} /> : <span className="muted">加载中…</span>;
}

/** The grade face as on the door sign: 大笑脸, 笑脸, 平脸; a circle with a dash when not graded. */
function FaceSvg({ face }: { face: GradeFace }) {
  const colour =
    face === 'excellent' ? '#067d40' : face === 'good' ? '#1f6feb' : face === 'average' ? '#b26b00' : '#888';
  const mouth =
    face === 'excellent'
      ? 'M12 26 Q24 40 36 26 Z'
      : face === 'good'
        ? 'M14 28 Q24 35 34 28'
        : face === 'average'
          ? 'M14 30 L34 30'
          : 'M18 30 L30 30';
  return (
    <svg className="face-svg" width="48" height="48" viewBox="0 0 48 48" role="img" aria-label={faceText(face)}>
      <circle cx="24" cy="24" r="21" fill="none" stroke={colour} strokeWidth="3" />
      <circle cx="17" cy="19" r="2.5" fill={colour} />
      <circle cx="31" cy="19" r="2.5" fill={colour} />
      <path d={mouth} fill={face === 'excellent' ? colour : 'none'} stroke={colour} strokeWidth="3" />
    </svg>
  );
}

/** The paper copy: no navigation, A4, the venue's archive at the top; 打印 opens the browser's print dialog. */
function PrintableRecord({ id }: { id: string }) {
  const [state, reload] = useRecord(id);
  useEffect(() => {
    document.body.classList.add('printing-record');
    return () => document.body.classList.remove('printing-record');
  }, []);
  return (
    <Loaded state={state} retry={reload}>
      {({ record, venue, checklist }) => (
        <article className="printable-record" data-testid="printable-record">
          <div className="no-print print-actions">
            <button type="button" onClick={() => window.print()}>
              打印
            </button>
            <a href={`#/inspections/${record.id}`}>返回</a>
          </div>
          <h1>食品安全监督检查记录</h1>
          <p className="record-no">{`编号：${record.id}`}</p>
          <dl className="archive record-venue">
            <dt>被检查单位</dt>
            <dd data-testid="print-venue">{venue.name}</dd>
            <dt>地址</dt>
            <dd>{venue.address}</dd>
            <dt>许可证编号</dt>
            <dd>{venue.licence.number}</dd>
          </dl>
          <Summary record={record} />
          <ItemsTable venueId={venue.id} rows={rowsOf(record, checklist)} />
          <p className="record-note">
            说明：结果为“不适用”的项目不计分；得分 = 符合项得分之和 ÷
            检查项目数。本记录一式两份，检查单位与被检查单位各执一份。
          </p>
          <Signatures record={record} />
        </article>
      )}
    </Loaded>
  );
}
