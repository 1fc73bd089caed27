import {
  type Alert,
  type InspectionRecorded,
  localDay,
  type Notice,
  type PublicVenueProfile,
  RECTIFICATION_OVERDUE,
  type Rectification,
  type SamplingTask,
} from '@brightkitchen/sdk';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alertRow } from '../alerts/alert-book.js';
import { registerRectificationOverdueJob } from '../jobs/rectification-overdue-job.js';
import { seedTestCity, type TestCity } from '../testing/fixtures.js';
import { inspectionBody, signaturePng } from '../testing/inspection-answers.js';
import { DATABASES, startTestServer, type TestServer } from '../testing/test-server.js';
import { escalateOverdue } from './escalation.js';
import { openRectification } from './service.js';

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
type Coded<T> = T & { code?: string; details?: Record<string, unknown> };

const DAY_MS = 86_400_000;
const dayAfter = (days: number) => localDay(Date.now() + days * DAY_MS, 'Asia/Shanghai');

describe.each(DATABASES)('rectification notices and sampling tasks (%s)', (kind) => {
  let server: TestServer;
  let city: TestCity;
  let school: string;
  let inspectionId: string;
  let publicCode: string;

  beforeAll(async () => {
    server = await startTestServer(kind);
    city = await seedTestCity(server);
    school = city.venues.school;
    const signature = await upload(city.regulator.token, 'inspector signature');
    const recorded = await server.request<InspectionRecorded>(`/v1/venues/${school}/inspections`, {
      token: city.regulator.token,
      body: inspectionBody(signature, { failing: ['1.4'] }),
    });
    expect(recorded.status).toBe(201);
    inspectionId = recorded.body.inspection.id;
    publicCode = (
      await server.database.db
        .selectFrom('venues')
        .select('public_code')
        .where('id', '=', school)
        .executeTakeFirstOrThrow()
    ).public_code;
  });
  afterAll(() => server.close());

  async function upload(token: string, seed: string, venueId = school): Promise<string> {
    const res = await server.request<{ ref: string }>(`/v1/venues/${venueId}/ledger-photos`, {
      token,
      body: signaturePng(seed),
    });
    expect(res.status).toBeLessThan(300);
    return res.body.ref;
  }
  const open = (body: Record<string, unknown>, token = city.regulator.token, venueId = school) =>
    server.request<Coded<Rectification>>(`/v1/venues/${venueId}/rectifications`, { token, body });
  const notice = (source: Record<string, unknown>, deadline = dayAfter(5)) => ({
    source,
    obligation: '食品安全法 第五十五条',
    findings: '冷藏柜温度记录缺失，生熟食品混放。',
    requirement: '生熟分开存放，补齐温度记录。',
    deadline,
  });
  const list = (token: string, query = '') =>
    server.request<Page<Rectification>>(`/v1/rectifications${query}`, { token });
  const act = (id: string, step: string, body: unknown, token: string) =>
    server.request<Coded<Rectification>>(`/v1/rectifications/${id}/${step}`, { token, body });

  it('turns a failed inspection into a notice the operator sees with its deadline, and only that operator', async () => {
    const opened = await open(notice({ kind: 'inspection', id: inspectionId }));
    expect(opened.status).toBe(201);
    expect(opened.body).toMatchObject({
      venueId: school,
      state: 'open',
      deadline: dayAfter(5),
      obligation: '食品安全法 第五十五条',
      overdue: false,
    });

    const managerView = await list(city.manager.token, '?state=open');
    expect(managerView.body.items.find((r) => r.id === opened.body.id)).toMatchObject({
      deadline: dayAfter(5),
      venueName: expect.any(String),
      timeZone: 'Asia/Shanghai',
    });
    expect((await list(city.otherManager.token)).body.items.map((r) => r.id)).not.toContain(opened.body.id);
    expect((await list(city.westRegulator.token)).body.items.map((r) => r.id)).not.toContain(opened.body.id);
    expect(
      (await server.request(`/v1/rectifications/${opened.body.id}`, { token: city.otherManager.token })).status,
    ).toBe(403);
  });

  it('refuses a past deadline, a source of another venue, and a regulator of another district, storing nothing', async () => {
    const before = await server.database.db
      .selectFrom('rectifications')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    const past = await open(notice({ kind: 'inspection', id: inspectionId }, dayAfter(-1)));
    expect([past.status, past.body.code]).toEqual([422, 'RECTIFICATION_DEADLINE_PAST']);
    const foreign = await open(
      notice({ kind: 'inspection', id: inspectionId }),
      city.regulator.token,
      city.venues.restaurant,
    );
    expect([foreign.status, foreign.body.code]).toEqual([422, 'RECTIFICATION_SOURCE_INVALID']);
    const noId = await open(notice({ kind: 'alert' }));
    expect(noId.body.code).toBe('RECTIFICATION_SOURCE_INVALID');
    expect((await open(notice({ kind: 'other' }), city.westRegulator.token)).status).toBe(403);
    expect((await open(notice({ kind: 'other' }), city.manager.token)).status).toBe(403);
    const after = await server.database.db
      .selectFrom('rectifications')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('takes an answer with photos, a rejection with a remark, a second answer and the acceptance', async () => {
    const consumerNotice = await server.request<Notice>(`/v1/venues/${school}/notices`, {
      token: city.consumer.token,
      body: { subject: '后厨垃圾桶未加盖', body: '直播中看到后厨垃圾桶未加盖。' },
    });
    const opened = await open(notice({ kind: 'notice', id: consumerNotice.body.id }));
    expect(opened.status).toBe(201);
    const id = opened.body.id;

    const missing = await act(
      id,
      'responses',
      { text: '已整改', photos: [`sha256:${'0'.repeat(64)}`] },
      city.staffer.token,
    );
    expect([missing.status, missing.body.code]).toEqual([422, 'RECTIFICATION_PHOTO_MISSING']);
    const otherVenuePhoto = await upload(city.otherManager.token, 'restaurant bin', city.venues.restaurant);
    expect(
      (await act(id, 'responses', { text: '已整改', photos: [otherVenuePhoto] }, city.staffer.token)).body.code,
    ).toBe('RECTIFICATION_PHOTO_MISSING');
    expect((await act(id, 'responses', { text: '已整改', photos: [] }, city.otherManager.token)).status).toBe(403);

    const photo = await upload(city.staffer.token, 'bin with lid');
    const answered = await act(
      id,
      'responses',
      { text: '垃圾桶已加盖，专人巡查。', photos: [photo] },
      city.staffer.token,
    );
    expect(answered.status).toBe(200);
    expect(answered.body).toMatchObject({
      state: 'answered',
      responses: [{ text: '垃圾桶已加盖，专人巡查。', photos: [photo] }],
    });
    const twice = await act(id, 'responses', { text: '再次', photos: [] }, city.manager.token);
    expect([twice.status, twice.body.code]).toEqual([409, 'RECTIFICATION_NOT_OPEN']);

    expect((await act(id, 'review', { decision: 'accept' }, city.manager.token)).status).toBe(403);
    const noRemark = await act(id, 'review', { decision: 'reject' }, city.regulator.token);
    expect([noRemark.status, noRemark.body.code]).toEqual([422, 'RECTIFICATION_REMARK_REQUIRED']);
    const rejected = await act(
      id,
      'review',
      { decision: 'reject', remark: '照片看不清盖子，请重拍。' },
      city.regulator.token,
    );
    expect(rejected.body).toMatchObject({
      state: 'open',
      reviews: [{ decision: 'reject', remark: '照片看不清盖子，请重拍。' }],
    });

    const photo2 = await upload(city.manager.token, 'bin with lid, closer');
    expect((await act(id, 'responses', { text: '已重拍。', photos: [photo2] }, city.manager.token)).body.state).toBe(
      'answered',
    );
    const accepted = await act(id, 'review', { decision: 'accept' }, city.regulator.token);
    expect(accepted.body).toMatchObject({ state: 'closed', closedAt: expect.any(String) });
    expect(accepted.body.responses).toHaveLength(2);
    expect((await act(id, 'review', { decision: 'accept' }, city.regulator.token)).body.code).toBe(
      'RECTIFICATION_NOT_OPEN',
    );
    const seen = await server.request<Rectification>(`/v1/rectifications/${id}`, { token: city.manager.token });
    expect(seen.body.state).toBe('closed');
  });

  it('plans a re-inspection day the regulator’s list shows', async () => {
    const opened = await open(notice({ kind: 'other' }));
    const past = await act(opened.body.id, 'reinspection', { day: dayAfter(-2) }, city.regulator.token);
    expect(past.body.code).toBe('RECTIFICATION_DEADLINE_PAST');
    const planned = await act(opened.body.id, 'reinspection', { day: dayAfter(7) }, city.regulator.token);
    expect(planned.body.reinspectOn).toBe(dayAfter(7));
    const listed = await list(city.regulator.token, `?venueId=${school}`);
    expect(listed.body.items.find((r) => r.id === opened.body.id)?.reinspectOn).toBe(dayAfter(7));
  });

  it('escalates a notice from an alert past its deadline as one alert, also with two instances at once', async () => {
    const alert = alertRow({
      venueId: school,
      source: 'sensor',
      type: 'SENSOR_TOO_WARM',
      severity: 'warning',
      subject: 'dev-fridge-test',
      message: { zh: '冷藏柜温度过高', en: 'Fridge too warm' },
      openedAt: new Date().toISOString(),
    });
    await server.database.db.insertInto('alerts').values(alert).execute();
    const opened = await open(notice({ kind: 'alert', id: alert.id }, dayAfter(0)));
    expect(opened.status).toBe(201);
    expect(await escalateOverdue(server.database, new Date())).toEqual([]);

    // Two days on, two instances run the job at the same moment.
    const later = new Date(Date.now() + 2 * DAY_MS);
    const [first, second] = await Promise.all([
      escalateOverdue(server.database, later),
      escalateOverdue(server.database, later),
    ]);
    const raised = [...first, ...second].filter((row) => row.subject === opened.body.id);
    expect(raised).toHaveLength(1);
    expect(await escalateOverdue(server.database, later)).toEqual([]);

    const alerts = await server.request<Page<Alert>>(`/v1/alerts?venueId=${school}`, { token: city.regulator.token });
    const overdue = alerts.body.items.filter((a) => a.type === RECTIFICATION_OVERDUE);
    expect(overdue).toHaveLength(1);
    expect(overdue[0]?.message.zh).toContain('整改通知逾期');
    const read = await server.request<Rectification>(`/v1/rectifications/${opened.body.id}`, {
      token: city.manager.token,
    });
    expect(read.body).toMatchObject({ escalationAlertId: overdue[0]?.id, escalatedAt: expect.any(String) });

    // Answered late and accepted: the overdue alert is resolved with the notice.
    const photo = await upload(city.staffer.token, 'fridge fixed');
    await act(opened.body.id, 'responses', { text: '冷藏柜已维修。', photos: [photo] }, city.staffer.token);
    expect((await act(opened.body.id, 'review', { decision: 'accept' }, city.regulator.token)).body.state).toBe(
      'closed',
    );
    const after = await server.request<Page<Alert>>(`/v1/alerts?venueId=${school}`, { token: city.regulator.token });
    expect(after.body.items.find((a) => a.id === overdue[0]?.id)?.state).toBe('resolved');
  });

  it('raises the overdue alert from the periodic job as soon as an instance starts', async () => {
    const overdue = await openRectification(server.database, {
      venueId: city.venues.restaurant,
      issuedBy: city.regulator.user.id,
      now: new Date(Date.now() - 10 * DAY_MS),
      input: { ...notice({}, dayAfter(-3)), source: { kind: 'other' } },
    });
    // Another instance's job on the same database: it runs once when ready; closing waits for that run.
    const instance = Fastify({ logger: false });
    instance.decorate('ctx', server.app.ctx);
    instance.decorate('devices', server.app.devices);
    registerRectificationOverdueJob(instance);
    await instance.ready();
    await instance.close();
    const alerts = await server.request<Page<Alert>>(`/v1/alerts?venueId=${city.venues.restaurant}`, {
      token: city.regulator.token,
    });
    expect(
      alerts.body.items.filter((a) => a.type === RECTIFICATION_OVERDUE && a.message.zh.includes(overdue.deadline)),
    ).toHaveLength(1);
    const listed = await list(city.otherManager.token, '?overdue=true');
    expect(listed.body.items.map((r) => r.id)).toEqual([overdue.id]);
  });

  it('assigns a sampling task unannounced; a failure blocks the grade and opens a notice', async () => {
    const gradeBefore = (await server.request<PublicVenueProfile>(`/v1/public/venues/${publicCode}`)).body.grade;
    expect(gradeBefore.dynamic?.face).not.toBe('none');

    const wrongInspector = await server.request<Coded<SamplingTask>>(`/v1/venues/${school}/sampling-tasks`, {
      token: city.regulator.token,
      body: {
        foods: ['凉拌菜'],
        reason: '投诉',
        source: { kind: 'other' },
        deadline: dayAfter(3),
        inspectorId: city.westRegulator.user.id,
      },
    });
    expect([wrongInspector.status, wrongInspector.body.code]).toEqual([422, 'SAMPLING_INSPECTOR_INVALID']);
    const inspectors = await server.request<{ items: { id: string; name: string }[] }>(
      `/v1/venues/${school}/sampling-inspectors`,
      { token: city.regulator.token },
    );
    expect(inspectors.body.items.map((p) => p.id)).toEqual([city.regulator.user.id]);
    expect(
      (await server.request(`/v1/venues/${school}/sampling-inspectors`, { token: city.manager.token })).status,
    ).toBe(403);
    const task = await server.request<Coded<SamplingTask>>(`/v1/venues/${school}/sampling-tasks`, {
      token: city.regulator.token,
      body: {
        foods: ['米饭', '凉拌菜'],
        reason: '冷链温度多次超标（本周计划建议）',
        source: { kind: 'plan' },
        deadline: dayAfter(3),
        inspectorId: city.regulator.user.id,
      },
    });
    expect(task.status).toBe(201);
    expect(task.body).toMatchObject({ state: 'assigned', inspectorName: expect.any(String) });
    const tasks = (token: string, query = '') =>
      server.request<Page<SamplingTask>>(`/v1/sampling-tasks${query}`, { token });
    expect((await tasks(city.regulator.token, '?mine=true')).body.items.map((t) => t.id)).toContain(task.body.id);
    expect((await tasks(city.manager.token)).body.items.map((t) => t.id)).not.toContain(task.body.id);
    expect((await tasks(city.westRegulator.token)).body.items.map((t) => t.id)).not.toContain(task.body.id);

    const report = await upload(city.regulator.token, 'lab report');
    const items = [
      { name: '菌落总数（凉拌菜）', value: '5.2×10⁵ CFU/g', limit: '1×10⁵ CFU/g', verdict: 'fail' },
      { name: '大肠菌群（米饭）', value: '<10 CFU/g', limit: '100 CFU/g', verdict: 'pass' },
    ];
    const inconsistent = await server.request<Coded<SamplingTask>>(`/v1/sampling-tasks/${task.body.id}/result`, {
      token: city.regulator.token,
      body: { outcome: 'pass', testedOn: dayAfter(0), items, labReport: report },
    });
    expect(inconsistent.body.code).toBe('SAMPLING_RESULT_INCONSISTENT');
    const result = await server.request<Coded<SamplingTask>>(`/v1/sampling-tasks/${task.body.id}/result`, {
      token: city.regulator.token,
      body: { outcome: 'fail', testedOn: dayAfter(0), items, labReport: report },
    });
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ state: 'failed', result: { outcome: 'fail', labReport: report } });
    const rectificationId = result.body.result?.rectificationId ?? '';
    expect(rectificationId).not.toBe('');

    const again = await server.request<Coded<SamplingTask>>(`/v1/sampling-tasks/${task.body.id}/result`, {
      token: city.regulator.token,
      body: { outcome: 'fail', testedOn: dayAfter(0), items },
    });
    expect([again.status, again.body.code]).toEqual([409, 'SAMPLING_RESULT_EXISTS']);

    // The incident holds the dynamic grade back; the QR page shows it at once.
    const gradeAfter = (await server.request<PublicVenueProfile>(`/v1/public/venues/${publicCode}`)).body.grade;
    expect(gradeAfter.dynamic?.face).toBe('none');
    const stored = await server.database.db
      .selectFrom('venue_grades')
      .select('no_grade_reasons')
      .where('venue_id', '=', school)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(stored.no_grade_reasons)).toContain('RECENT_INCIDENT');

    const managerNotices = await list(city.manager.token, '?state=open');
    expect(managerNotices.body.items.find((r) => r.id === rectificationId)).toMatchObject({
      source: { kind: 'sampling', id: task.body.id },
      findings: expect.stringContaining('菌落总数'),
      deadline: dayAfter(15),
    });
    expect((await tasks(city.manager.token)).body.items.map((t) => t.id)).toContain(task.body.id);
    expect((await tasks(city.otherManager.token)).body.items.map((t) => t.id)).not.toContain(task.body.id);
  });
});
