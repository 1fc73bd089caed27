/**
 * 单位 page, the venue's records: its latest inspection grade, ledgers, devices, complaints and notices, consumer
 * ratings — each read from the venue's own routes through the SDK (a route the caller may not read shows nothing).
 */
import {
  type Complaint,
  type DeviceDetail,
  GRADE_FACE_LABELS,
  LEDGER_KIND_LABELS,
  type LedgerListEntry,
  LOCATION_KIND_LABELS,
  type Notice,
  type Page,
  type PublicVenueProfile,
  RATING_ASPECTS,
  type RatingSummary,
  type Venue,
} from '@brightkitchen/sdk';
import { client } from '../api';
import { DataTable } from '../components/data-table';
import { useLoad } from '../components/use-load';
import { num, pct, time } from '../format';
import { Loaded } from './loaded';

const DEVICE_KIND_TEXT: Readonly<Record<string, string>> = {
  sensor: '传感器',
  switch: '开关',
  camera: '摄像头',
  nvr: '录像机',
  access_terminal: '门禁',
  gateway: '网关',
};
const COMPLAINT_STATE_TEXT: Readonly<Record<string, string>> = {
  submitted: '待处理',
  in_progress: '处理中',
  resolved: '已办结',
  rejected: '不予受理',
};
const NOTICE_STATE_TEXT: Readonly<Record<string, string>> = { sent: '待回复', answered: '已回复', closed: '已关闭' };
/** 量化分级 annual grades as bureaus write them (A 优秀, B 良好, C 一般; none: not graded). */
const ANNUAL_GRADE_TEXT: Readonly<Record<string, string>> = {
  A: 'A 级（优秀）',
  B: 'B 级（良好）',
  C: 'C 级（一般）',
  none: '不评级',
};
const ASPECT_TEXT: Readonly<Record<string, string>> = { dishes: '菜品', hygiene: '卫生', service: '服务' };

const onlineText = (online: boolean | null) => (online === null ? '未上报' : online ? '在线' : '离线');
const METRIC_TEXT: Readonly<Record<string, string>> = { temperature: '温度', humidity: '湿度', power: '功率' };
/** Last readings as a person reads them: 温度 3.6 ℃ (℃ the one temperature unit in Chinese text). */
function readingsText(readings: DeviceDetail['status']['readings']): string {
  const parts = Object.entries(readings).map(([metric, r]) => {
    const unit = r.unit === '°C' || r.unit === 'C' ? ' ℃' : r.unit ? ` ${r.unit}` : '';
    return `${METRIC_TEXT[metric] ?? metric} ${r.value}${unit}`;
  });
  return parts.join('；') || '—';
}

interface Records {
  readonly profile: PublicVenueProfile | null;
  readonly ledgers: Page<LedgerListEntry> | null;
  /** Each device with its live status (a venue has a handful). */
  readonly devices: readonly DeviceDetail[];
  readonly complaints: Page<Complaint> | null;
  readonly notices: Page<Notice> | null;
  readonly ratings: RatingSummary | null;
}

/** Each part on its own: one refused or failing route leaves the others shown. */
async function loadRecords(venue: Venue): Promise<Records> {
  const quiet = <T,>(p: Promise<T>) => p.catch(() => null);
  const [profile, ledgers, devices, complaints, notices, ratings] = await Promise.all([
    quiet(client.publicVenues.get(venue.publicCode)),
    quiet(client.ledgers.list(venue.id, { limit: 30 })),
    quiet(client.devices.list(venue.id)),
    quiet(client.complaints.list({ venueId: venue.id, limit: 30 })),
    quiet(client.notices.list({ venueId: venue.id, limit: 30 })),
    quiet(client.ratings.summary(venue.id)),
  ]);
  const details = await Promise.all((devices?.items ?? []).slice(0, 30).map((d) => quiet(client.devices.get(d.id))));
  return {
    profile,
    ledgers,
    devices: details.filter((d): d is DeviceDetail => d !== null),
    complaints,
    notices,
    ratings,
  };
}

export function VenueRecords({ venue }: { venue: Venue }) {
  const [state] = useLoad(() => loadRecords(venue), venue.id);
  return (
    <Loaded state={state}>
      {(r) => (
        <>
          <Inspection profile={r.profile} />
          <DataTable
            title="台账记录（最近 30 条）"
            file={`台账-${venue.name}`}
            rows={r.ledgers?.items ?? []}
            empty="暂无台账记录"
            columns={[
              { title: '日期', value: (e) => e.localDay },
              { title: '类型', value: (e) => LEDGER_KIND_LABELS[e.kind]?.zh ?? e.kind },
              { title: '提交时间', value: (e) => time(e.createdAt) },
              { title: '问题', value: (e) => e.issues.map((i) => i.message.zh).join('；') || '—' },
              { title: '更正', value: (e) => (e.correctedBy ? '已被更正' : '') },
            ]}
          />
          <DataTable
            title="设备"
            file={`设备-${venue.name}`}
            rows={r.devices}
            empty="未接入设备"
            columns={[
              { title: '名称', value: ({ device: d }) => d.name },
              { title: '类型', value: ({ device: d }) => DEVICE_KIND_TEXT[d.kind] ?? d.kind },
              { title: '位置', value: ({ device: d }) => LOCATION_KIND_LABELS[d.locationKind]?.zh ?? d.locationKind },
              { title: '状态', value: ({ status }) => onlineText(status.online) },
              { title: '最后上报', value: ({ status }) => (status.lastSeenAt ? time(status.lastSeenAt) : '—') },
              { title: '最新读数', value: ({ status }) => readingsText(status.readings) },
              { title: '厂商', value: ({ device: d }) => [d.vendor, d.model].filter(Boolean).join(' ') },
            ]}
          />
          <DataTable
            title="投诉"
            file={`投诉-${venue.name}`}
            rows={r.complaints?.items ?? []}
            empty="暂无投诉"
            columns={[
              { title: '提交时间', value: (c) => time(c.submittedAt) },
              { title: '内容', value: (c) => c.text },
              { title: '状态', value: (c) => COMPLAINT_STATE_TEXT[c.state] ?? c.state },
            ]}
          />
          <DataTable
            title="告知书"
            file={`告知书-${venue.name}`}
            rows={r.notices?.items ?? []}
            empty="暂无告知书"
            columns={[
              { title: '发出时间', value: (n) => time(n.sentAt) },
              { title: '状态', value: (n) => NOTICE_STATE_TEXT[n.state] ?? n.state },
              { title: '回复时间', value: (n) => (n.answeredAt ? time(n.answeredAt) : '—') },
              { title: '回复', value: (n) => n.answer ?? '—' },
            ]}
          />
          <Ratings summary={r.ratings} />
        </>
      )}
    </Loaded>
  );
}

/** The latest inspection as its grade shows it (no route lists a venue's inspections yet). */
function Inspection({ profile }: { profile: PublicVenueProfile | null }) {
  const dynamic = profile?.grade.dynamic ?? null;
  const annual = profile?.grade.annual ?? null;
  return (
    <section className="panel" data-testid="venue-inspection">
      <h2>监督检查</h2>
      {dynamic ? (
        <dl className="archive">
          <dt>最近检查</dt>
          <dd>{dynamic.inspectedOn}</dd>
          <dt>动态等级</dt>
          <dd>{`${GRADE_FACE_LABELS[dynamic.face]?.zh ?? dynamic.face}（${num(dynamic.score, 1)} 分）`}</dd>
          <dt>年度等级</dt>
          <dd>{annual ? `${annual.year} 年 ${ANNUAL_GRADE_TEXT[annual.grade] ?? annual.grade}` : '—'}</dd>
        </dl>
      ) : (
        <p className="muted">暂无检查记录</p>
      )}
    </section>
  );
}

function Ratings({ summary }: { summary: RatingSummary | null }) {
  return (
    <section className="panel" data-testid="venue-ratings">
      <h2>{`消费者评价（${summary?.count ?? 0} 条，满意率 ${pct(summary?.satisfactionRate)}）`}</h2>
      {summary && summary.count > 0 ? (
        <dl className="archive">
          {RATING_ASPECTS.map((aspect) => {
            const faces = summary.aspects[aspect];
            return [
              <dt key={`${aspect}-t`}>{ASPECT_TEXT[aspect]}</dt>,
              <dd key={`${aspect}-d`}>
                {`满意 ${faces.satisfied} · 一般 ${faces.neutral} · 不满意 ${faces.dissatisfied}`}
              </dd>,
            ];
          })}
        </dl>
      ) : (
        <p className="muted">暂无评价</p>
      )}
    </section>
  );
}
