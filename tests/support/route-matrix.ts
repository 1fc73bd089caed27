/**
 * Who may call each route of the API, as data: one entry per route of GET /openapi.json (keyed
 * `METHOD /path`), the callers allowed, and a valid request for them. The tenant-isolation matrix and
 * the bad-input suite both walk it; a route without an entry fails them.
 */

import { randomBytes, randomInt } from 'node:crypto';
import { monthPeriod } from '@brightkitchen/sdk/listing';
import { issueAccessToken } from '../../packages/server/src/auth/access-token.js';
import type { FakeWechat } from '../../packages/server/src/testing/fake-wechat.js';
import { TEST_PASSWORD } from '../../packages/server/src/testing/fixtures.js';
import { inspectionBody } from '../../packages/server/src/testing/inspection-answers.js';
import { purchase } from '../../packages/server/src/testing/ledger-records.js';
import { liveSmsCode } from '../../packages/server/src/testing/sms-codes.js';
import type { TestServer } from '../../packages/server/src/testing/test-server.js';
import type { Caller } from './as-caller.js';
import type { OpenApiRoute } from './openapi.js';
import { pngBase64, type TwoVenueCity } from './two-venue-city.js';
import { spareChannel } from './venue-camera.js';

export const CALLERS = [
  'consumerA',
  'staffA',
  'managerA',
  'consumerB',
  'staffB',
  'managerB',
  'regulatorA',
  'regulatorOther',
  'partner',
  'admin',
  'anonymous',
  'forgedToken',
  'expiredToken',
  'otherVenueToken',
] as const;
export type CallerName = (typeof CALLERS)[number];

/** Callers on B's side of the wall (and outsiders): nothing private to venue A may reach them. */
export const B_SIDE: readonly CallerName[] = [
  'consumerB',
  'staffB',
  'managerB',
  'regulatorOther',
  'otherVenueToken',
  'anonymous',
  'forgedToken',
  'expiredToken',
];
/** Bad credentials: on a protected route always 401; on a public one they count as nobody. */
export const BAD_TOKENS: readonly CallerName[] = ['forgedToken', 'expiredToken'];

/** Every caller holding a valid user token. */
const USERS: readonly CallerName[] = CALLERS.filter(
  (c) => c !== 'partner' && c !== 'anonymous' && !BAD_TOKENS.includes(c),
);
const EVERYONE: readonly CallerName[] = CALLERS.filter((c) => !BAD_TOKENS.includes(c));
const A_STAFF: readonly CallerName[] = ['staffA', 'managerA'];
const A_MEMBERS: readonly CallerName[] = [...A_STAFF, 'admin'];
const A_OVERSIGHT: readonly CallerName[] = [...A_MEMBERS, 'regulatorA'];
const OPERATORS_AND_REGULATORS: readonly CallerName[] = [
  'staffA',
  'managerA',
  'staffB',
  'managerB',
  'regulatorA',
  'regulatorOther',
  'admin',
  'otherVenueToken',
];
const CONSUMERS: readonly CallerName[] = ['consumerA', 'consumerB'];

export interface Call {
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
}

export interface MatrixEntry {
  /** Who may act; everyone else must be refused (forged and expired tokens follow `anonymous`). */
  readonly allow: readonly CallerName[];
  /** A valid request for an allowed caller (fresh for each call: keys and logins are unique). */
  readonly call?: (ctx: Ctx) => Call | Promise<Call>;
  /** Path values for this route, made fresh for each call (a DELETE needs a new thing each time). */
  readonly params?: (ctx: Ctx) => Record<string, string> | Promise<Record<string, string>>;
}

export interface Ctx {
  readonly server: TestServer;
  readonly city: TwoVenueCity;
  readonly wechat: FakeWechat;
}

const unique = (prefix: string) => `${prefix}-${randomBytes(5).toString('hex')}`;
/** A mainland mobile number no other call uses. */
const uniquePhone = () => `13${randomInt(100_000_000, 1_000_000_000)}`;

/** A local day `days` from now in Asia/Shanghai (UTC+8). */
const daysAhead = (days: number) => new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);
const rectificationBody = () => ({
  source: { kind: 'other' },
  obligation: '食品安全法 第五十五条',
  findings: '生熟食品混放。',
  requirement: '生熟分开存放。',
  deadline: daysAhead(5),
});
const samplingBody = (inspectorId: string) => ({
  foods: ['凉拌菜'],
  reason: '本周计划建议抽检',
  source: { kind: 'plan' },
  deadline: daysAhead(3),
  inspectorId,
});
/** A new open notice of venue A (answered by its staff when `answered`): each call acts on a fresh one. */
async function freshRectification({ server, city }: Ctx, answered = false): Promise<Record<string, string>> {
  const res = await server.request<{ id: string }>(`/v1/venues/${city.a.venueId}/rectifications`, {
    token: city.regulator.token,
    body: rectificationBody(),
  });
  if (answered) {
    await server.request(`/v1/rectifications/${res.body.id}/responses`, {
      token: city.staffer.token,
      body: { text: '已整改。', photos: [city.a.photoRef] },
    });
  }
  return { rectificationId: res.body.id };
}

/** The month now, `YYYY-MM` (a list's period). */
const thisMonth = () => monthPeriod(new Date());
/**
 * A fresh draft of A's district with venue A on the red list, stored directly (a small city lists nobody), under
 * its own scope name so each publication is the first of its kind.
 */
async function freshDraft({ server, city }: Ctx): Promise<Record<string, string>> {
  const venue = await server.database.db
    .selectFrom('venues')
    .select(['name', 'public_code', 'kind'])
    .where('id', '=', city.a.venueId)
    .executeTakeFirstOrThrow();
  const entry = {
    venueId: city.a.venueId,
    name: venue.name,
    publicCode: venue.public_code,
    kind: venue.kind,
    regionId: city.a.regionId,
    list: 'red',
    score: 90,
    face: 'excellent',
    reasons: ['RED_EXCELLENT'],
    factors: [],
  };
  const id = unique('lst');
  const today = new Date().toISOString().slice(0, 10);
  await server.database.db
    .insertInto('list_sets')
    .values({
      id,
      region_id: city.a.regionId,
      period: thisMonth(),
      scope_name: unique('scope'),
      state: 'draft',
      data: JSON.stringify({ from: today, to: today, venues: 1, red: [entry], black: [] }),
      created_at: new Date().toISOString(),
      computed_by: city.regulator.user.id,
      published_at: null,
      published_by: null,
    })
    .execute();
  return { listId: id };
}

/** A new sensor of venue A (a removal needs one each call). */
async function freshDevice({ server, city }: Ctx): Promise<Record<string, string>> {
  const res = await server.request<{ device: { id: string } }>(`/v1/venues/${city.a.venueId}/devices`, {
    token: city.manager.token,
    body: { kind: 'sensor', vendor: 'tasmota', locationKind: 'fridge', name: '冰柜', binding: { topic: unique('th') } },
  });
  return { deviceId: res.body.device.id };
}

/** A tip of venue A's district, in force for a month (a fresh one each call: a withdrawal needs a new one). */
const tipBody = (regionId: string, kind: 'tip' | 'consumer_alert' = 'tip') => ({
  regionId,
  kind,
  title: '谨防野生菌中毒',
  body: '不采、不买、不吃来历不明的野生菌。',
  validFrom: new Date(Date.now() - 3_600_000).toISOString(),
  validUntil: new Date(Date.now() + 30 * 86_400_000).toISOString(),
});
const dutyBody = (regionId: string) => ({
  regionId,
  category: 'legal_duty',
  kinds: ['school_canteen'],
  title: '每餐次留样不少于125克',
  body: '每餐次的食品成品应当留样，每个品种不少于125克，冷藏存放48小时以上。',
});
async function freshTip({ server, city }: Ctx): Promise<Record<string, string>> {
  const res = await server.request<{ id: string }>('/v1/tips', {
    token: city.regulator.token,
    body: tipBody(city.a.regionId),
  });
  return { tipId: res.body.id };
}
async function freshDuty({ server, city }: Ctx): Promise<Record<string, string>> {
  const res = await server.request<{ id: string }>('/v1/duties', {
    token: city.regulator.token,
    body: dutyBody(city.a.regionId),
  });
  return { dutyId: res.body.id };
}

/** Keyed by `METHOD /path` as the OpenAPI document names them. */
export const MATRIX: Readonly<Record<string, MatrixEntry>> = {
  'POST /v1/auth/login': {
    allow: EVERYONE,
    call: ({ city }) => ({ body: { login: city.manager.login, password: TEST_PASSWORD } }),
  },
  'POST /v1/auth/wechat': {
    allow: EVERYONE,
    call: ({ wechat }) => {
      const code = unique('code');
      wechat.addCode(code, unique('openid'));
      return { body: { code } };
    },
  },
  'POST /v1/auth/sms/code': { allow: EVERYONE, call: () => ({ body: { phone: uniquePhone() } }) },
  'POST /v1/auth/sms': {
    allow: EVERYONE,
    call: async ({ server }) => {
      const phone = uniquePhone();
      return { body: { phone, code: await liveSmsCode(server, phone) } };
    },
  },
  // A consumer links a number (a fresh one each call: a number stays with the first consumer who holds it).
  'POST /v1/me/phone': {
    allow: CONSUMERS,
    call: async ({ server }) => {
      const phone = uniquePhone();
      return { body: { phone, code: await liveSmsCode(server, phone) } };
    },
  },
  'POST /v1/auth/refresh': {
    allow: EVERYONE,
    call: async ({ server, city }) => {
      const login = await server.request<{ refreshToken: string }>('/v1/auth/login', {
        body: { login: city.consumerB.login, password: 'a-long-password' },
      });
      return { body: { refreshToken: login.body.refreshToken } };
    },
  },
  'GET /v1/me': { allow: [...USERS, 'partner'] },
  'GET /v1/regions': { allow: [...USERS, 'partner'] },
  // Regulators read their regions' entries (filtered, not refused), admins everything.
  'GET /v1/audit': { allow: ['regulatorA', 'regulatorOther', 'admin'] },
  'POST /v1/regions': { allow: ['admin'], call: () => ({ body: { name: '新区', code: unique('R') } }) },
  // The rules a kitchen is held to are public to users; only the region's regulators (and admin) change them.
  'GET /v1/regions/{regionId}/rule-profile': { allow: [...USERS, 'partner'] },
  'PUT /v1/regions/{regionId}/rule-profile': {
    allow: ['regulatorA', 'admin'],
    call: () => ({ body: { overrides: { ledger: { sample: { minGrams: 125 } } } } }),
  },
  'GET /v1/venues/{venueId}/rule-profile': { allow: A_OVERSIGHT },
  'GET /v1/venues': {
    allow: [
      'staffA',
      'managerA',
      'staffB',
      'managerB',
      'regulatorA',
      'regulatorOther',
      'admin',
      'partner',
      'otherVenueToken',
    ],
  },
  'POST /v1/venues': {
    allow: ['regulatorA', 'admin'],
    call: ({ city }) => ({
      body: {
        regionId: city.a.regionId,
        name: '新开小吃店',
        kind: 'snack_bar',
        licence: { number: unique('JY'), issuedOn: '2024-01-01', expiresOn: '2029-01-01' },
        address: '聊城市东昌府区 9 号',
        coordinates: { lat: 36.4, lng: 115.9 },
        timeZone: 'Asia/Shanghai',
        hasLiveVideo: false,
      },
    }),
  },
  'GET /v1/venues/{venueId}': { allow: [...A_OVERSIGHT, 'partner'] },
  'PATCH /v1/venues/{venueId}': {
    allow: ['managerA', 'regulatorA', 'admin'],
    call: () => ({ body: { name: '第一中学食堂' } }),
  },
  'GET /v1/venues/{venueId}/staff': { allow: A_MEMBERS },
  'POST /v1/venues/{venueId}/staff': {
    allow: ['managerA', 'admin'],
    call: () => ({
      body: { name: '王五', role: 'cook', healthCertificate: { number: unique('HC'), expiresOn: '2030-01-01' } },
    }),
  },
  'PATCH /v1/venues/{venueId}/staff/{staffId}': {
    allow: ['managerA', 'admin'],
    call: () => ({ body: { name: '张三', leftOn: null } }),
  },
  'GET /v1/venues/{venueId}/members': { allow: ['managerA', 'admin'] },
  'POST /v1/venues/{venueId}/members': {
    allow: ['managerA', 'admin'],
    call: () => ({ body: { login: unique('member'), password: 'a-long-password', role: 'operator_staff' } }),
  },
  'POST /v1/venues/{venueId}/ledgers': {
    allow: A_STAFF,
    call: () => ({ body: purchase(), headers: { 'idempotency-key': unique('iso-ledger') } }),
  },
  'GET /v1/venues/{venueId}/ledgers': { allow: A_OVERSIGHT },
  'POST /v1/venues/{venueId}/ledgers/batch': {
    allow: A_STAFF,
    call: () => ({ body: { records: [{ idempotencyKey: unique('iso-batch'), record: purchase() }] } }),
  },
  'GET /v1/venues/{venueId}/ledgers/today': { allow: A_OVERSIGHT },
  'GET /v1/venues/{venueId}/ledgers/{recordId}': { allow: A_OVERSIGHT },
  'GET /v1/venues/{venueId}/ledgers/chain/verify': { allow: A_OVERSIGHT },
  'GET /v1/venues/{venueId}/ledgers/export': { allow: A_OVERSIGHT },
  'POST /v1/venues/{venueId}/ratings': {
    allow: CONSUMERS,
    call: () => ({ body: { faces: { dishes: 'satisfied', hygiene: 'neutral', service: 'satisfied' } } }),
  },
  'GET /v1/venues/{venueId}/ratings/summary': { allow: EVERYONE },
  'POST /v1/venues/{venueId}/notices': {
    allow: [...CONSUMERS, 'regulatorA'],
    call: () => ({ body: { subject: '请整改', body: '垃圾桶未加盖。' } }),
  },
  'GET /v1/notices': { allow: [...CONSUMERS, ...OPERATORS_AND_REGULATORS] },
  'POST /v1/notices/{noticeId}/answer': { allow: A_STAFF, call: () => ({ body: { answer: '已整改，谢谢监督。' } }) },
  'POST /v1/venues/{venueId}/complaints': {
    allow: CONSUMERS,
    call: () => ({ body: { text: '有异味', photos: [{ contentType: 'image/png', dataBase64: pngBase64() }] } }),
  },
  'GET /v1/complaints': { allow: [...CONSUMERS, ...OPERATORS_AND_REGULATORS] },
  'GET /v1/complaints/{complaintId}/photos/{n}': { allow: ['consumerA', ...A_OVERSIGHT] },
  'POST /v1/venues/{venueId}/ledger-photos': {
    allow: A_OVERSIGHT,
    call: () => ({ body: { contentType: 'image/png', dataBase64: pngBase64(64 + Math.floor(Math.random() * 64)) } }),
  },
  'GET /v1/venues/{venueId}/ledger-photos/{ref}': { allow: A_OVERSIGHT },
  'GET /v1/venues/{venueId}/checklist': { allow: A_OVERSIGHT },
  'GET /v1/venues/{venueId}/inspections': { allow: A_OVERSIGHT },
  'GET /v1/inspections/{inspectionId}': { allow: A_OVERSIGHT },
  'POST /v1/venues/{venueId}/inspections': {
    allow: ['regulatorA'],
    call: ({ city }) => ({ body: inspectionBody(city.a.photoRef, { failing: ['1.4'] }) }),
  },
  // Red/black lists: A's regulator drafts, reviews and publishes its district's; anyone reads published ones.
  'POST /v1/lists/drafts': {
    allow: ['regulatorA'],
    call: ({ city }) => ({ body: { regionId: city.a.regionId, period: thisMonth() } }),
  },
  'GET /v1/lists': { allow: ['regulatorA', 'admin'] },
  'GET /v1/lists/{listId}': { allow: ['regulatorA', 'admin'], params: (ctx) => freshDraft(ctx) },
  'POST /v1/lists/{listId}/exclusions': {
    allow: ['regulatorA'],
    params: (ctx) => freshDraft(ctx),
    call: ({ city }) => ({ body: { venueId: city.a.venueId, reason: '已核实为误报' } }),
  },
  'POST /v1/lists/{listId}/publish': { allow: ['regulatorA'], params: (ctx) => freshDraft(ctx) },
  'GET /v1/public/lists': { allow: EVERYONE },
  'GET /v1/open/lists': { allow: EVERYONE },
  // Rectification notices: A's regulator opens and reviews, A's people answer; B's side never sees A's.
  'POST /v1/venues/{venueId}/rectifications': {
    allow: ['regulatorA'],
    call: () => ({ body: rectificationBody() }),
  },
  'GET /v1/rectifications': { allow: OPERATORS_AND_REGULATORS },
  'GET /v1/rectifications/{rectificationId}': { allow: A_OVERSIGHT, params: (ctx) => freshRectification(ctx) },
  'POST /v1/rectifications/{rectificationId}/responses': {
    allow: A_STAFF,
    call: ({ city }) => ({ body: { text: '已整改，附照片。', photos: [city.a.photoRef] } }),
    params: (ctx) => freshRectification(ctx),
  },
  'POST /v1/rectifications/{rectificationId}/review': {
    allow: ['regulatorA'],
    call: () => ({ body: { decision: 'reject', remark: '照片不清楚，请重拍。' } }),
    params: (ctx) => freshRectification(ctx, true),
  },
  'POST /v1/rectifications/{rectificationId}/reinspection': {
    allow: ['regulatorA'],
    call: () => ({ body: { day: daysAhead(7) } }),
    params: (ctx) => freshRectification(ctx),
  },
  // Sampling: A's regulator assigns and records; operators see their own venue's once a result is in.
  'POST /v1/venues/{venueId}/sampling-tasks': {
    allow: ['regulatorA'],
    call: ({ city }) => ({ body: samplingBody(city.regulator.user.id) }),
  },
  'GET /v1/sampling-tasks': { allow: OPERATORS_AND_REGULATORS },
  'GET /v1/venues/{venueId}/sampling-inspectors': { allow: ['regulatorA', 'admin'] },
  'POST /v1/sampling-tasks/{taskId}/result': {
    allow: ['regulatorA'],
    call: () => ({
      body: {
        outcome: 'pass',
        testedOn: daysAhead(0),
        items: [{ name: '菌落总数', value: '100 CFU/g', limit: '1×10⁵ CFU/g', verdict: 'pass' }],
      },
    }),
    params: async ({ server, city }) => {
      const res = await server.request<{ id: string }>(`/v1/venues/${city.a.venueId}/sampling-tasks`, {
        token: city.regulator.token,
        body: samplingBody(city.regulator.user.id),
      });
      return { taskId: res.body.id };
    },
  },
  // Tips and consumer alerts: A's regulator writes for A's district; the public reads those in force; consumers opt in.
  'POST /v1/tips': { allow: ['regulatorA', 'admin'], call: ({ city }) => ({ body: tipBody(city.a.regionId) }) },
  'GET /v1/tips': { allow: ['regulatorA', 'regulatorOther', 'admin'] },
  'POST /v1/tips/{tipId}/withdraw': {
    allow: ['regulatorA', 'admin'],
    call: () => ({ body: { reason: '内容已更新' } }),
    params: (ctx) => freshTip(ctx),
  },
  'GET /v1/public/tips': { allow: EVERYONE },
  'GET /v1/me/tip-subscriptions': { allow: CONSUMERS },
  'POST /v1/me/tip-subscriptions': { allow: CONSUMERS, call: ({ city }) => ({ body: { regionId: city.a.regionId } }) },
  'POST /v1/me/tip-subscriptions/{regionId}/stop': { allow: CONSUMERS, call: () => ({ body: {} }) },
  // Legal duties: A's regulator publishes and sees receipts; A's people read theirs; nobody else sees A's receipts.
  'POST /v1/duties': { allow: ['regulatorA', 'admin'], call: ({ city }) => ({ body: dutyBody(city.a.regionId) }) },
  'GET /v1/duties': { allow: ['regulatorA', 'regulatorOther', 'admin'] },
  'GET /v1/duties/{dutyId}/receipts': { allow: ['regulatorA', 'admin'], params: (ctx) => freshDuty(ctx) },
  'GET /v1/venues/{venueId}/duties': { allow: A_OVERSIGHT },
  'POST /v1/venues/{venueId}/duties/{dutyId}/read': {
    allow: A_STAFF,
    call: () => ({ body: {} }),
    params: (ctx) => freshDuty(ctx),
  },
  'GET /v1/alerts': { allow: OPERATORS_AND_REGULATORS },
  'POST /v1/alerts/{alertId}/ack': { allow: A_MEMBERS, call: () => ({ body: {} }) },
  'POST /v1/alerts/{alertId}/resolve': {
    allow: A_MEMBERS,
    call: () => ({ body: { correctiveAction: '已停止该员工上岗，补办健康证。' } }),
  },
  'GET /v1/public/venues/{publicCode}': { allow: EVERYONE },
  'GET /v1/open/grades': { allow: EVERYONE },
  // The platform's signed ledger roots and a venue head's inclusion proof: open data, like the grades.
  'GET /v1/open/ledger-roots': { allow: EVERYONE },
  'GET /v1/open/ledger-roots/{rootSeq}/proofs/{venueId}': { allow: EVERYONE },
  'POST /v1/ledger-roots': { allow: ['admin'] },
  'POST /v1/venues/{venueId}/devices': {
    allow: ['managerA', 'admin'],
    call: () => ({
      body: {
        kind: 'sensor',
        vendor: 'tasmota',
        locationKind: 'fridge',
        name: '冰柜',
        binding: { topic: unique('th') },
      },
    }),
  },
  'GET /v1/venues/{venueId}/devices': { allow: A_OVERSIGHT },
  'GET /v1/devices/{deviceId}': { allow: A_OVERSIGHT },
  'DELETE /v1/devices/{deviceId}': { allow: ['managerA', 'admin'], params: (ctx) => freshDevice(ctx) },
  'POST /v1/devices/{deviceId}/schedule': {
    allow: A_MEMBERS,
    call: () => ({ body: { runs: [{ time: '06:00', durationMin: 30 }] } }),
  },
  'GET /v1/ingest/stats': { allow: ['admin'] },
  // A device's own push (HTTP Basic with its secret): no user or partner may post for it.
  'POST /v1/ingest/isapi/{deviceId}': { allow: [], call: () => ({ body: {} }) },
  'GET /v1/alerts/{alertId}/snapshot': { allow: A_OVERSIGHT },
  'GET /v1/venues/{venueId}/gateways': { allow: A_OVERSIGHT },
  'POST /v1/venues/{venueId}/gateways': { allow: ['managerA', 'admin'], call: () => ({ body: { name: '后厨网关' } }) },
  // Gateways post with HTTP Basic; of the users, only the venue's manager (and admin).
  'POST /v1/ingest/events': {
    allow: ['managerA', 'admin'],
    call: ({ city }) => ({
      body: {
        venueId: city.a.venueId,
        vendor: 'tasmota',
        events: [
          {
            type: 'reading',
            time: new Date().toISOString(),
            deviceId: city.a.deviceId,
            metric: 'temperature',
            value: 3.5,
            unit: '°C',
          },
        ],
      },
    }),
  },
  // A partner video network reports a violation of a camera registered at the platform.
  'POST /v1/me/realtime': { allow: A_OVERSIGHT, call: ({ city }) => ({ body: { venueIds: [city.a.venueId] } }) },
  // EMQX's hooks (X-BK-Broker-Token): no user or partner may call them.
  'POST /v1/broker/emqx/authn': {
    allow: [],
    call: () => ({ body: { clientid: 'isolation', username: 'someone', password: 'secret' } }),
  },
  'POST /v1/broker/emqx/authz': {
    allow: [],
    call: () => ({ body: { clientid: 'isolation', username: 'someone', topic: 'bk/x', action: 'subscribe' } }),
  },
  'POST /v1/partner/violations': {
    allow: ['partner'],
    call: ({ city }) => ({
      body: {
        venueId: city.a.venueId,
        violation: 'unknown',
        time: new Date().toISOString(),
        source: 'isolation-test',
        cameraId: city.a.deviceId,
        externalId: unique('alarm'),
      },
    }),
  },
  // Training. Course content is for anyone logged in; regulators publish for their districts (admins nationally).
  'GET /v1/training/courses': { allow: USERS },
  'GET /v1/training/courses/{courseId}': { allow: USERS },
  'POST /v1/training/courses': {
    allow: ['regulatorA', 'admin'],
    call: ({ city }) => ({
      body: {
        regionId: city.a.regionId,
        title: '区级专项培训',
        summary: '区级课程。',
        roles: [],
        venueKinds: [],
        lessons: [{ id: 'one', title: '第一课', body: '正文。' }],
      },
    }),
  },
  'PATCH /v1/training/courses/{courseId}': {
    allow: ['regulatorA', 'admin'],
    call: () => ({ body: { state: 'published' } }),
  },
  // Only a person of a staff archive learns: A's staffer (linked to its cook), not its manager or admins.
  'POST /v1/training/courses/{courseId}/lessons/{lessonId}/complete': { allow: ['staffA'] },
  'GET /v1/training/exams': { allow: USERS },
  'POST /v1/training/exams': {
    allow: ['regulatorA', 'admin'],
    call: ({ city }) => ({
      body: {
        regionId: city.a.regionId,
        title: '区级考核',
        rules: [{ topic: 'sample_retention', count: 5 }],
        durationMinutes: 20,
        passScore: 80,
        attemptsAllowed: 2,
      },
    }),
  },
  'POST /v1/training/exams/{examId}/attempts': { allow: ['staffA'] },
  // The attempt's learner, the venue's manager and regulator read it; only the learner answers and submits.
  'GET /v1/training/attempts/{attemptId}': { allow: A_OVERSIGHT },
  'PUT /v1/training/attempts/{attemptId}/answers/{questionId}': {
    allow: ['staffA'],
    call: ({ city }) => ({ body: { answer: city.a.answer } }),
  },
  'POST /v1/training/attempts/{attemptId}/submit': { allow: ['staffA'], call: () => ({ body: {} }) },
  // The bank holds the answer keys: regulators (their districts' and the national) and admins only.
  'GET /v1/training/questions': { allow: ['regulatorA', 'regulatorOther', 'admin'] },
  'POST /v1/training/questions/import': {
    allow: ['regulatorA', 'admin'],
    call: ({ city }) => ({
      body: {
        regionId: city.a.regionId,
        format: 'csv',
        fileBase64: Buffer.from(`题型,题干,答案,知识点\n判断,${unique('题')}。,对,law_and_duties\n`).toString('base64'),
      },
    }),
  },
  // A question of the national bank (on A's paper): only admins retire it, regulators only their regions' own.
  'PATCH /v1/training/questions/{questionId}': { allow: ['admin'], call: () => ({ body: { state: 'active' } }) },
  'GET /v1/training/certificates': { allow: OPERATORS_AND_REGULATORS },
  'GET /v1/training/certificates/{certificateId}': { allow: A_OVERSIGHT },
  // Inspectors and consumers check a cook's certificate by its code, without an account.
  'GET /v1/public/certificates/{code}': { allow: EVERYONE },
  'POST /v1/training/certificates/{certificateId}/revoke': {
    allow: ['regulatorA', 'admin'],
    call: () => ({ body: { reason: '考试作弊，证书撤销' } }),
  },
  'GET /v1/venues/{venueId}/training': { allow: A_OVERSIGHT },
  'GET /v1/regions/{regionId}/training-settings': { allow: USERS },
  'PUT /v1/regions/{regionId}/training-settings': {
    allow: ['regulatorA', 'admin'],
    call: () => ({ body: { certificateValidMonths: 12 } }),
  },
  'GET /v1/training/coverage': { allow: ['regulatorA', 'admin'] },
  // The warehouse and the risk ranking: A's district's regulators and admins; the other district's are refused.
  'GET /v1/warehouse/overview': { allow: ['regulatorA', 'admin'] },
  'GET /v1/warehouse/completion': { allow: ['regulatorA', 'admin'] },
  'GET /v1/warehouse/completion/today': { allow: ['regulatorA', 'admin'] },
  'GET /v1/warehouse/alerts': { allow: ['regulatorA', 'admin'] },
  'GET /v1/warehouse/devices': { allow: ['regulatorA', 'admin'] },
  'GET /v1/warehouse/complaints': { allow: ['regulatorA', 'admin'] },
  'GET /v1/warehouse/ratings': { allow: ['regulatorA', 'admin'] },
  'GET /v1/warehouse/map': { allow: ['regulatorA', 'admin'] },
  // A register upload: A's regulator and admin import; the other district's regulator gets the row report
  // (DISTRICT_NOT_ALLOWED, 422, nothing stored); operators, consumers and partners are refused.
  'POST /v1/imports/{kind}': {
    allow: ['regulatorA', 'regulatorOther', 'admin'],
    params: () => ({ kind: 'venues' }),
    call: () => ({
      body: {
        fileBase64: Buffer.from(
          `单位名称,许可证编号,主体业态,经营地址,所属区县,发证日期,许可证有效期至\n新登记小吃店,${unique('JY')},小吃店,东昌府区 8 号,东昌府区,2024-01-01,2029-01-01\n`,
        ).toString('base64'),
      },
    }),
  },
  'GET /v1/risk/venues': { allow: ['regulatorA', 'admin'] },
  'GET /v1/risk/venues/{venueId}': { allow: ['regulatorA', 'admin'] },
  'GET /v1/risk/model': { allow: ['regulatorA', 'admin'] },
  'GET /v1/risk/plan': { allow: ['regulatorA', 'admin'] },
  'POST /v1/risk/model/fit': { allow: ['regulatorA', 'admin'] },
  'PUT /v1/risk/policy': { allow: ['regulatorA', 'admin'], call: () => ({ body: { pins: { sensitive_kind: 0.5 } } }) },
  // The live kitchen: the venue's people and its regulators read and replay; its manager, regulators and admin set
  // the channels up. What players fetch is public behind a signed URL (the token is the permission).
  'GET /v1/venues/{venueId}/cameras': { allow: A_OVERSIGHT },
  'POST /v1/venues/{venueId}/cameras': {
    allow: ['managerA', 'regulatorA', 'admin'],
    call: () => ({
      body: {
        area: 'cold_room',
        name: '凉菜间',
        source: { kind: 'rtsp', url: 'rtsp://192.0.2.10/live' },
        public: false,
        record: false,
      },
    }),
  },
  'PATCH /v1/venues/{venueId}/cameras/{channelId}': {
    allow: ['managerA', 'regulatorA', 'admin'],
    call: () => ({ body: { name: '热菜灶台' } }),
  },
  'DELETE /v1/venues/{venueId}/cameras/{channelId}': {
    allow: ['managerA', 'regulatorA', 'admin'],
    params: async ({ server, city }) => ({ channelId: await spareChannel(server, city.a.venueId) }),
  },
  'POST /v1/venues/{venueId}/cameras/{channelId}/playback': {
    allow: A_OVERSIGHT,
    call: ({ city }) => ({ body: { from: city.a.camera.from, to: city.a.camera.to } }),
  },
  'GET /v1/public/venues/{publicCode}/kitchen.jpg': { allow: EVERYONE },
  'GET /v1/live/{token}/live.m3u8': { allow: EVERYONE, params: ({ city }) => ({ token: city.a.camera.liveToken }) },
  'GET /v1/live/{token}/{hour}/{segment}': {
    allow: EVERYONE,
    params: ({ city }) => ({ token: city.a.camera.liveToken }),
  },
  'GET /v1/recordings/{token}/index.m3u8': {
    allow: EVERYONE,
    params: ({ city }) => ({ token: city.a.camera.recordingToken }),
  },
  'GET /v1/recordings/{token}/{hour}/{segment}': {
    allow: EVERYONE,
    params: ({ city }) => ({ token: city.a.camera.recordingToken }),
  },
};

/** Reads first, so B's people list before they write anything of their own to venue A. */
export const ORDERED_KEYS = [
  ...Object.keys(MATRIX).filter((k) => k.startsWith('GET ')),
  ...Object.keys(MATRIX).filter((k) => !k.startsWith('GET ')),
];

export function pathValues(city: TwoVenueCity): Record<string, string> {
  const { a } = city;
  return {
    venueId: a.venueId,
    staffId: a.staffId,
    noticeId: a.noticeId,
    complaintId: a.complaintId,
    n: '0',
    alertId: a.alertId,
    deviceId: a.deviceId,
    publicCode: a.publicCode,
    regionId: a.regionId,
    ref: a.photoRef,
    inspectionId: a.inspectionId,
    recordId: a.ledgerEntryId,
    rootSeq: 'latest',
    courseId: a.courseId,
    lessonId: a.lessonId,
    examId: 'nat-exam-basics',
    attemptId: a.attemptId,
    questionId: a.questionId,
    certificateId: a.certificateId,
    code: a.certificateCode,
    channelId: a.camera.channelId,
    hour: a.camera.hour,
    segment: a.camera.segment,
  };
}

/** List filters point at venue A and its district. */
export function queryOf(route: OpenApiRoute, city: TwoVenueCity): string {
  const values: Record<string, string> = { venueId: city.a.venueId, regionId: city.a.regionId };
  const pairs = route.parameters
    .filter((p) => p.in === 'query' && values[p.name] !== undefined)
    .map((p) => `${p.name}=${encodeURIComponent(values[p.name] ?? '')}`);
  return pairs.length ? `?${pairs.join('&')}` : '';
}

export function callersOf(server: TestServer, city: TwoVenueCity): Record<CallerName, Caller> {
  const token = (t: string): Caller => ({ kind: 'token', token: t });
  const secret = server.config.tokenSecret;
  return {
    consumerA: token(city.consumer.token),
    staffA: token(city.staffer.token),
    managerA: token(city.manager.token),
    consumerB: token(city.consumerB.token),
    staffB: token(city.staffB.token),
    managerB: token(city.otherManager.token),
    regulatorA: token(city.regulator.token),
    regulatorOther: token(city.westRegulator.token),
    partner: { kind: 'partner', key: city.partner },
    admin: token(city.admin.token),
    anonymous: { kind: 'anonymous' },
    // Signed with another secret, claiming to be the admin.
    forgedToken: token(issueAccessToken(`${secret}-forged`, { userId: city.admin.user.id, role: 'admin' }, 900)),
    // A real token of A's manager that expired a minute ago.
    expiredToken: token(issueAccessToken(secret, { userId: city.manager.user.id, role: 'operator_manager' }, -60)),
    otherVenueToken: token(city.westManager.token),
  };
}
