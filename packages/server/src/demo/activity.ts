/**
 * What people did around the demo venues, as table rows: consumer ratings, notices (some answered),
 * complaints (some with a photo), AI-captured violations as alerts (older ones resolved) and inspections.
 */
import {
  FACES,
  type Face,
  type InspectionItem,
  type Notice,
  type NoticeInput,
  VIOLATION_LABELS,
  type ViolationType,
} from '@brightkitchen/sdk';
import {
  type AlertsTable,
  type ComplaintPhotosTable,
  type ComplaintsTable,
  type InspectionsTable,
  type NoticesTable,
  newId,
  type RatingsTable,
  toJson,
} from '../db/index.js';
import { inspectionRow } from '../inspections/index.js';
import { noticeRow, toNotice } from '../notices/service.js';
import { personName } from './names.js';
import type { Random } from './random.js';
import type { DemoVenuePlan } from './venues.js';

const at = (day: string, hour: number, minute: number) =>
  new Date(`${day}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00+08:00`).toISOString();

/** Mostly satisfied faces; a venue's own "mood" shifts the odds. */
function face(random: Random, mood: number): Face {
  const r = random.next();
  if (r < 0.62 + mood) return 'satisfied';
  return r < 0.9 + mood / 2 ? 'neutral' : (FACES[2] as Face);
}

const COMMENTS = [
  '菜品新鲜，味道不错',
  '后厨干净透明，放心',
  '服务热情',
  '分量足，价格实惠',
  '等餐时间有点长',
  '餐具很干净',
  '口味偏咸',
];

export function ratingRows(
  plans: readonly DemoVenuePlan[],
  consumerIds: readonly string[],
  days: readonly string[],
  random: Random,
  nowMs: number,
): RatingsTable[] {
  const rows: RatingsTable[] = [];
  for (const { venue } of plans) {
    const mood = (random.next() - 0.5) * 0.3;
    const n = random.int(2, 18);
    const seen = new Set<string>();
    for (let i = 0; i < n; i++) {
      const consumerId = random.pick(consumerIds);
      const day = random.pick(days);
      const key = `${consumerId}|${day}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const createdAt = at(day, random.int(11, 20), random.int(0, 59));
      if (Date.parse(createdAt) > nowMs) continue;
      rows.push({
        id: newId('rat'),
        venue_id: venue.id,
        consumer_id: consumerId,
        local_day: day,
        dishes: face(random, mood),
        hygiene: face(random, mood),
        service: face(random, mood),
        comment: random.chance(0.3) ? random.pick(COMMENTS) : null,
        created_at: createdAt,
      });
    }
  }
  return rows;
}

const CONSUMER_NOTICES: readonly NoticeInput[] = [
  {
    subject: '后厨垃圾桶未加盖',
    body: '通过明厨亮灶直播看到后厨垃圾桶未加盖，请及时整改。',
    obligation: '餐饮服务食品安全操作规范 第7.1条',
  },
  {
    subject: '工作人员未戴口罩',
    body: '就餐时看到备餐人员未佩戴口罩，请加强管理。',
    obligation: '食品安全法 第三十三条',
  },
  {
    subject: '餐具有油渍',
    body: '今天午餐使用的餐具有明显油渍，请检查清洗消毒流程。',
    obligation: '食品安全法 第三十三条',
  },
];
const REGULATOR_NOTICES: readonly NoticeInput[] = [
  {
    subject: '留样记录不完整',
    body: '检查发现留样记录缺少留样人签字，请于期限内整改并上传记录。',
    obligation: '餐饮服务食品安全操作规范 第7.9条',
  },
  {
    subject: '从业人员健康证过期',
    body: '经查你单位有从业人员健康证明已过期，请立即调离接触直接入口食品岗位。',
    obligation: '食品安全法 第四十五条',
  },
];
const ANSWERS = [
  '已整改，感谢监督。',
  '已组织全体员工培训并完成整改，整改照片已上传。',
  '已安排专人负责，今后每日检查。',
];

export function noticeRows(
  plans: readonly DemoVenuePlan[],
  consumerIds: readonly string[],
  regulatorOf: (regionId: string) => string | undefined,
  days: readonly string[],
  random: Random,
  nowMs: number,
): NoticesTable[] {
  const rows: NoticesTable[] = [];
  plans.forEach(({ venue }, i) => {
    if (i % 6 !== 0) return;
    const regulator = regulatorOf(venue.regionId);
    const fromRegulator = regulator !== undefined && random.chance(0.4);
    const day = random.pick(days.slice(0, -1));
    const sentAt = at(day, random.int(9, 17), random.int(0, 59));
    const input: NoticeInput = fromRegulator
      ? { ...random.pick(REGULATOR_NOTICES), deadline: days[days.length - 1] as string }
      : random.pick(CONSUMER_NOTICES);
    const senderId = fromRegulator && regulator ? regulator : random.pick(consumerIds);
    const row = noticeRow(venue.id, senderId, fromRegulator ? 'regulator' : 'consumer', input, sentAt);
    if (random.chance(0.5)) {
      const answeredAt = new Date(Math.min(Date.parse(sentAt) + random.int(2, 30) * 3_600_000, nowMs)).toISOString();
      const answer = random.pick(ANSWERS);
      const notice: Notice = { ...toNotice(row), state: 'answered', answer, answeredAt };
      rows.push({
        ...row,
        state: 'answered',
        data: toJson(notice),
        answer,
        answered_by: null,
        answered_at: answeredAt,
      });
    } else {
      rows.push(row);
    }
  });
  return rows;
}

/** A 1×1 PNG: the demo complaints' photo (real PNG bytes, so type checks and viewers accept it). */
const DEMO_PHOTO = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==',
  'base64',
);
const COMPLAINT_TEXTS = [
  '吃完午饭后肚子不舒服，怀疑食材不新鲜。',
  '在菜里吃出了头发。',
  '后厨有老鼠出没。',
  '外卖包装破损，饭菜洒了。',
];

export function complaintRows(
  plans: readonly DemoVenuePlan[],
  consumerIds: readonly string[],
  days: readonly string[],
  random: Random,
): { complaints: ComplaintsTable[]; photos: ComplaintPhotosTable[] } {
  const complaints: ComplaintsTable[] = [];
  const photos: ComplaintPhotosTable[] = [];
  plans.forEach(({ venue }, i) => {
    if (i % 9 !== 4) return;
    const id = newId('cmp');
    const submittedAt = at(random.pick(days.slice(0, -1)), random.int(11, 21), random.int(0, 59));
    const withPhoto = random.chance(0.6);
    const state = random.pick(['submitted', 'in_progress', 'resolved'] as const);
    const data = {
      id,
      venueId: venue.id,
      text: random.pick(COMPLAINT_TEXTS),
      location: { ...venue.coordinates, address: venue.address },
      photos: withPhoto ? [{ contentType: 'image/png', size: DEMO_PHOTO.length }] : [],
      state,
      submittedAt,
    };
    complaints.push({
      id,
      venue_id: venue.id,
      sender_id: random.pick(consumerIds),
      state,
      data: toJson(data),
      photo_count: withPhoto ? 1 : 0,
      created_at: submittedAt,
    });
    if (withPhoto) photos.push({ complaint_id: id, n: 0, content_type: 'image/png', bytes: DEMO_PHOTO });
  });
  return { complaints, photos };
}

const LIKELY_VIOLATIONS: readonly ViolationType[] = [
  'no_hat',
  'no_hat',
  'no_mask',
  'no_mask',
  'no_uniform',
  'phone_use',
  'bin_uncovered',
  'smoking',
  'rodent',
  'stranger',
];
const FIXES = [
  '已提醒当事员工规范佩戴并组织班前培训',
  '已加盖并安排专人巡查',
  '已约谈当事人并纳入考核',
  '已联系消杀公司处理',
];

export function violationAlertRows(
  plans: readonly DemoVenuePlan[],
  random: Random,
  nowMs: number,
  /** A venue's latent risk (0–1) at city scale: a riskier kitchen is caught more often. */
  riskOf?: (venueId: string) => number,
): AlertsTable[] {
  const rows: AlertsTable[] = [];
  for (const { venue } of plans) {
    if (!venue.hasLiveVideo) continue;
    const n = riskOf ? Math.round(random.next() * 10 * riskOf(venue.id)) : random.int(0, 4);
    for (let i = 0; i < n; i++) {
      const type = random.pick(LIKELY_VIOLATIONS);
      const openedMs = nowMs - random.int(1, 29 * 24) * 3_600_000 - random.int(0, 3_599_000);
      const openedAt = new Date(openedMs).toISOString();
      const old = nowMs - openedMs > 2 * 86_400_000;
      const label = VIOLATION_LABELS[type];
      const done = old && random.chance(0.9);
      const resolvedAt = done ? new Date(openedMs + random.int(10, 120) * 60_000).toISOString() : null;
      rows.push({
        id: newId('alr'),
        venue_id: venue.id,
        source: 'violation',
        type,
        severity: type === 'rodent' || type === 'smoking' ? 'critical' : 'warning',
        state: done ? 'resolved' : 'open',
        subject: `cam-${venue.publicCode}-${random.int(1, 4)}`,
        message: toJson({ zh: `AI 抓拍：${label.zh}`, en: `AI capture: ${label.en}` }),
        details: toJson({ confidence: Math.round((0.8 + random.next() * 0.19) * 100) / 100 }),
        opened_at: openedAt,
        acknowledged_at: resolvedAt,
        acknowledged_by: null,
        resolved_at: resolvedAt,
        resolved_by: null,
        corrective_action: done ? random.pick(FIXES) : null,
      });
    }
  }
  // One open alert per camera and violation type, as the live platform keeps it (and the database enforces):
  // an earlier capture of the same kind on the same camera was dealt with half an hour after it.
  const open = new Set<string>();
  for (const row of [...rows].sort((a, b) => (a.opened_at < b.opened_at ? 1 : -1))) {
    if (row.state === 'resolved') continue;
    const key = `${row.subject}\u0000${row.type}`;
    if (!open.has(key)) {
      open.add(key);
      continue;
    }
    const resolvedAt = new Date(Date.parse(row.opened_at) + 30 * 60_000).toISOString();
    Object.assign(row, {
      state: 'resolved',
      acknowledged_at: resolvedAt,
      resolved_at: resolvedAt,
      corrective_action: FIXES[0] ?? null,
    });
  }
  return rows;
}

const CHECKLIST: readonly Pick<InspectionItem, 'code' | 'title' | 'key'>[] = [
  { code: '1.1', title: '许可证照齐全有效并公示', key: true },
  { code: '2.1', title: '从业人员健康证明有效', key: true },
  { code: '2.2', title: '晨检记录完整', key: false },
  { code: '3.1', title: '原料进货查验及索证索票', key: true },
  { code: '3.2', title: '食品贮存分类分架、离地离墙', key: false },
  { code: '4.1', title: '加工制作生熟分开', key: true },
  { code: '4.2', title: '专间操作符合要求', key: false },
  { code: '5.1', title: '餐饮具清洗消毒', key: true },
  { code: '5.2', title: '食品留样', key: false },
  { code: '6.1', title: '防鼠防蝇设施', key: false },
];

export function inspectionRows(
  plans: readonly DemoVenuePlan[],
  today: string,
  random: Random,
  shiftDay: (day: string, days: number) => string,
  /** A venue's latent risk (0–1) at city scale: a riskier kitchen fails more items; absent, chance alone. */
  riskOf?: (venueId: string) => number,
): InspectionsTable[] {
  const rows: InspectionsTable[] = [];
  for (const { venue } of plans) {
    // Quality below 0.05 fails items (key ones too): likely for the riskiest kitchens, never for careful ones.
    const quality = riskOf ? (1 - riskOf(venue.id)) * 0.7 + random.next() * 0.3 - 0.2 : random.next();
    const n = random.int(1, 3);
    for (let i = 0; i < n; i++) {
      const date = shiftDay(today, -random.int(7, 340));
      if (date < venue.licence.issuedOn) continue;
      const items = CHECKLIST.map((item) => {
        const floor = quality > 0.25 ? 8 : quality > 0.05 ? 6 : 4;
        const score = Math.min(10, floor + random.int(0, 10 - floor));
        return { ...item, score, passed: score >= 6 };
      });
      rows.push(
        inspectionRow(
          { venueId: venue.id, inspector: `${personName(random)}（市场监管所）`, date, items },
          null,
          at(date, 10, 0),
        ),
      );
    }
  }
  return rows;
}
