/**
 * Training with the real server: the default set, a course's progress, an exam taken as a phone takes it (the
 * paper without its key, answers saved one by one, resumed, submitted), the certificate it issues verified on the
 * public route, the morning check counting it, and each refusal (a replayed submission, answers after the limit
 * or off the paper, a second attempt beyond the allowance) storing nothing.
 */
import {
  type Attempt,
  type Course,
  type CoursePage,
  certificateExpiry,
  type ExamPage,
  QUESTION_KINDS,
} from '@brightkitchen/sdk/training';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { seedTestCity, type TestCity } from '../testing/fixtures.js';
import { morningCheck } from '../testing/ledger-records.js';
import { DATABASES, startTestServer, type TestServer } from '../testing/test-server.js';
import { createLearner, paperKey, wrongAnswer } from './testing.js';

const EXAM = 'nat-exam-basics';

interface ErrorBody {
  code: string;
  details?: Record<string, unknown>;
}

describe.each(DATABASES)('training on %s', (kind) => {
  let server: TestServer;
  let city: TestCity;

  beforeAll(async () => {
    server = await startTestServer(kind);
    city = await seedTestCity(server);
  });
  afterAll(() => server?.close());
  afterEach(() => vi.useRealTimers());

  async function trainingRows(): Promise<Record<string, number>> {
    const tables = ['training_attempts', 'training_answers', 'training_certificates', 'training_questions'] as const;
    const out: Record<string, number> = {};
    for (const t of tables) {
      const row = await server.database.db
        .selectFrom(t)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirst();
      out[t] = Number(row?.n ?? 0);
    }
    return out;
  }

  const start = (token: string, examId = EXAM) =>
    server.request<Attempt>(`/v1/training/exams/${examId}/attempts`, { method: 'POST', token });

  it('offers the national default set: courses by role, ≥ 150 questions, a 50-question exam', async () => {
    const courses = await server.request<CoursePage>('/v1/training/courses', { token: city.staffer.token });
    expect(courses.status).toBe(200);
    const ids = courses.body.items.map((c) => c.id);
    // The staffer is a cook at a school: the cooks' courses, not the school principals' or the cleaners' only.
    expect(ids).toEqual(expect.arrayContaining(['nat-course-basics', 'nat-course-processing', 'nat-course-cleaning']));
    expect(ids).not.toContain('nat-course-school');
    const bank = await server.request<{ items: unknown[] }>('/v1/training/questions?limit=500', {
      token: city.admin.token,
    });
    expect(bank.body.items.length).toBeGreaterThanOrEqual(150);
    const exams = await server.request<ExamPage>('/v1/training/exams', { token: city.staffer.token });
    expect(exams.body.items.find((e) => e.id === EXAM)).toMatchObject({
      questionCount: 50,
      passScore: 80,
      attemptsAllowed: 3,
      standing: { attemptsUsed: 0, passed: false },
    });
    // Learners never list the bank (it holds the keys).
    const refused = await server.request<ErrorBody>('/v1/training/questions', { token: city.staffer.token });
    expect(refused.status).toBe(403);
  });

  it('keeps a learner’s progress through a course, lesson by lesson', async () => {
    const course = await server.request<Course>('/v1/training/courses/nat-course-basics', {
      token: city.staffer.token,
    });
    expect(course.body.lessons.length).toBeGreaterThan(2);
    expect(course.body.progress).toEqual({
      courseId: 'nat-course-basics',
      completedLessons: [],
      lessonCount: course.body.lessons.length,
    });
    for (const lesson of course.body.lessons) {
      const done = await server.request<Course['progress']>(
        `/v1/training/courses/nat-course-basics/lessons/${lesson.id}/complete`,
        { method: 'POST', token: city.staffer.token },
      );
      expect(done.status).toBe(200);
    }
    const again = await server.request<Course>('/v1/training/courses/nat-course-basics', { token: city.staffer.token });
    expect(again.body.progress?.completedLessons).toHaveLength(course.body.lessons.length);
    expect(again.body.progress?.completedAt).toBeDefined();
    // A manager without a staff archive entry is no learner.
    const manager = await server.request<ErrorBody>(`/v1/training/courses/nat-course-basics/lessons/duties/complete`, {
      method: 'POST',
      token: city.manager.token,
    });
    expect([manager.status, manager.body.code]).toEqual([403, 'TRAINING_NOT_A_LEARNER']);
  });

  it('takes an exam as a phone does: no key on the paper, answers saved one by one, resumed, scored, certified', async () => {
    const learner = await createLearner(server.database, server.config, city.venues.school, { name: '赵大厨' });
    const started = await start(learner.token);
    expect(started.status).toBe(201);
    const attempt = started.body;
    expect(attempt.paper).toHaveLength(50);
    expect(attempt.state).toBe('open');
    expect(attempt.paper.every((q) => QUESTION_KINDS.includes(q.kind))).toBe(true);
    // The paper carries no answer key and no explanation.
    expect(JSON.stringify(attempt)).not.toMatch(/"answers?":\s*(\[|"|true|false)|"explanation"|"review"/);
    expect(Date.parse(attempt.deadline) - Date.parse(attempt.startedAt)).toBe(60 * 60_000);

    const key = await paperKey(server.database, attempt.id);
    const questions = attempt.paper;
    // Three right answers out of four saved one by one; the fourth is changed later.
    for (const q of questions.slice(0, 45)) {
      const saved = await server.request<{ answered: number }>(`/v1/training/attempts/${attempt.id}/answers/${q.id}`, {
        method: 'PUT',
        token: learner.token,
        body: { answer: key[q.id] },
      });
      expect(saved.status).toBe(200);
    }
    const first = questions[0] as (typeof questions)[number];
    const changed = await server.request(`/v1/training/attempts/${attempt.id}/answers/${first.id}`, {
      method: 'PUT',
      token: learner.token,
      body: {
        answer: wrongAnswer(
          key[first.id] as never,
          first.options?.map((o) => o.id),
        ),
      },
    });
    expect(changed.status).toBe(200);

    // The app restarts: starting again resumes the same attempt with what was saved.
    const resumed = await start(learner.token);
    expect(resumed.status).toBe(200);
    expect(resumed.body.id).toBe(attempt.id);
    expect(Object.keys(resumed.body.answers)).toHaveLength(45);

    // Refusals: a question not on the paper, an answer of the wrong shape, someone else's attempt.
    const before = await trainingRows();
    const offPaper = await server.request<ErrorBody>(`/v1/training/attempts/${attempt.id}/answers/nat-law-99`, {
      method: 'PUT',
      token: learner.token,
      body: { answer: 'A' },
    });
    expect([offPaper.status, offPaper.body.code]).toEqual([422, 'TRAINING_QUESTION_NOT_ON_PAPER']);
    const second = questions[1] as (typeof questions)[number];
    const shape = await server.request<ErrorBody>(`/v1/training/attempts/${attempt.id}/answers/${second.id}`, {
      method: 'PUT',
      token: learner.token,
      body: { answer: second.kind === 'true_false' ? 'A' : true },
    });
    expect([shape.status, shape.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    const stranger = await server.request<ErrorBody>(`/v1/training/attempts/${attempt.id}/answers/${second.id}`, {
      method: 'PUT',
      token: city.staffer.token,
      body: { answer: key[second.id] },
    });
    expect(stranger.status).toBe(404);
    expect(await trainingRows()).toEqual(before);

    // Submitted with the last five answers along (they were never saved: the network dropped them).
    const rest = Object.fromEntries(questions.slice(45).map((q) => [q.id, key[q.id]]));
    const submitted = await server.request<Attempt>(`/v1/training/attempts/${attempt.id}/submit`, {
      method: 'POST',
      token: learner.token,
      body: { answers: rest },
    });
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({
      state: 'submitted',
      result: { correct: 49, total: 50, score: 98, passed: true },
    });
    const review = submitted.body.review ?? [];
    expect(review).toHaveLength(50);
    const wrong = review.find((r) => !r.correct);
    expect(wrong).toMatchObject({ questionId: first.id, answer: key[first.id] });
    expect(wrong?.explanation).toBeTruthy();
    const code = submitted.body.certificate?.code as string;
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{12}$/);

    // A replayed submission, an answer after it: refused, nothing changes.
    const afterSubmit = await trainingRows();
    const replay = await server.request<ErrorBody>(`/v1/training/attempts/${attempt.id}/submit`, {
      method: 'POST',
      token: learner.token,
      body: {},
    });
    expect([replay.status, replay.body.code]).toEqual([409, 'TRAINING_ATTEMPT_CLOSED']);
    const late = await server.request<ErrorBody>(`/v1/training/attempts/${attempt.id}/answers/${first.id}`, {
      method: 'PUT',
      token: learner.token,
      body: { answer: key[first.id] },
    });
    expect([late.status, late.body.code]).toEqual([409, 'TRAINING_ATTEMPT_CLOSED']);
    expect(await trainingRows()).toEqual(afterSubmit);

    // Anyone verifies it by its code, as printed or typed; an unknown or forged code is 404.
    const verified = await server.request<Record<string, unknown>>(`/v1/public/certificates/${code}`);
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({
      valid: true,
      holder: '赵**',
      venue: '第一中学食堂',
      course: '餐饮服务从业人员食品安全基础',
    });
    // Valid one year (the region sets none): through the day before the same date next year.
    expect(verified.body.expiresOn).toBe(certificateExpiry(verified.body.issuedOn as string, 12));
    const typed = await server.request(
      `/v1/public/certificates/${code
        .toLowerCase()
        .replace(/(.{4})/g, '$1-')
        .slice(0, 14)}`,
    );
    expect(typed.status).toBe(200);
    for (const forged of ['ABCDEFGHJKMN', 'not-a-code', '0'.repeat(40)]) {
      const res = await server.request<ErrorBody>(`/v1/public/certificates/${forged}`);
      expect([res.status, res.body.code]).toEqual([404, 'CERTIFICATE_NOT_FOUND']);
    }
    const mine = await server.request<{ items: { code: string; valid: boolean }[] }>('/v1/training/certificates', {
      token: learner.token,
    });
    expect(mine.body.items.map((c) => [c.code, c.valid])).toEqual([[code, true]]);
  });

  it('counts the certificate in the morning check: unfit without it, fit once certified', async () => {
    const learner = await createLearner(server.database, server.config, city.venues.school, { name: '钱师傅' });
    const check = (key: string) =>
      server.request<{ record: { issues: { code: string }[] } }>(`/v1/venues/${city.venues.school}/ledgers`, {
        token: city.staffer.token,
        body: morningCheck(learner.staffId),
        headers: { 'idempotency-key': `${key}-${learner.staffId}` },
      });
    const before = await check('train-before');
    expect(before.status).toBe(201);
    const codes = (res: typeof before) =>
      ((res.body as unknown as { issues?: { code: string }[] }).issues ?? res.body.record.issues ?? []).map(
        (i) => i.code,
      );
    expect(codes(before)).toContain('LEDGER_STAFF_TRAINING_CERT_INVALID');
    const staffPage = await server.request<{ mustTrain: number; staff: { staffId: string; mustTrain: boolean }[] }>(
      `/v1/venues/${city.venues.school}/training`,
      { token: city.manager.token },
    );
    expect(staffPage.body.staff.find((s) => s.staffId === learner.staffId)?.mustTrain).toBe(true);

    const attempt = (await start(learner.token)).body;
    const key = await paperKey(server.database, attempt.id);
    const passed = await server.request<Attempt>(`/v1/training/attempts/${attempt.id}/submit`, {
      method: 'POST',
      token: learner.token,
      body: { answers: key },
    });
    expect(passed.body.result?.passed).toBe(true);
    const after = await check('train-after');
    expect(codes(after)).not.toContain('LEDGER_STAFF_TRAINING_CERT_INVALID');
    const page = await server.request<{
      staff: { staffId: string; mustTrain: boolean; certificate?: { code?: string } }[];
    }>(`/v1/venues/${city.venues.school}/training`, { token: city.manager.token });
    expect(page.body.staff.find((s) => s.staffId === learner.staffId)).toMatchObject({
      mustTrain: false,
      certificate: { code: passed.body.certificate?.code },
    });
  });

  it('refuses answers and a submission after the time limit, and closes the attempt as failed for time', async () => {
    const learner = await createLearner(server.database, server.config, city.venues.school, { ttlSeconds: 24 * 3600 });
    const attempt = (await start(learner.token)).body;
    const key = await paperKey(server.database, attempt.id);
    const q = attempt.paper[0] as Attempt['paper'][number];
    await server.request(`/v1/training/attempts/${attempt.id}/answers/${q.id}`, {
      method: 'PUT',
      token: learner.token,
      body: { answer: key[q.id] },
    });
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.parse(attempt.deadline) + 31_000);
    const before = await trainingRows();
    const late = await server.request<ErrorBody>(`/v1/training/attempts/${attempt.id}/answers/${q.id}`, {
      method: 'PUT',
      token: learner.token,
      body: { answer: key[q.id] },
    });
    expect([late.status, late.body.code]).toEqual([409, 'TRAINING_TIME_UP']);
    const submit = await server.request<ErrorBody>(`/v1/training/attempts/${attempt.id}/submit`, {
      method: 'POST',
      token: learner.token,
      body: { answers: key },
    });
    expect([submit.status, submit.body.code]).toEqual([409, 'TRAINING_TIME_UP']);
    expect(await trainingRows()).toEqual(before);
    const read = await server.request<Attempt>(`/v1/training/attempts/${attempt.id}`, { token: learner.token });
    expect(read.body).toMatchObject({ state: 'expired', result: { passed: false, reason: 'time_up', correct: 1 } });
    expect(read.body.certificate).toBeUndefined();
    // Within the 30-second grace an answer still counts (the network's time, not the learner's).
    vi.setSystemTime(Date.now() + 3600_000);
    const next = (await start(learner.token)).body;
    vi.setSystemTime(Date.parse(next.deadline) + 20_000);
    const inGrace = await server.request(`/v1/training/attempts/${next.id}/answers/${next.paper[0]?.id}`, {
      method: 'PUT',
      token: learner.token,
      body: { answer: (await paperKey(server.database, next.id))[next.paper[0]?.id as string] },
    });
    expect(inGrace.status).toBe(200);
  });

  it('refuses an attempt beyond the allowance with the day one frees up, storing nothing', async () => {
    const learner = await createLearner(server.database, server.config, city.venues.school);
    for (let i = 0; i < 3; i++) {
      const attempt = (await start(learner.token)).body;
      const failed = await server.request<Attempt>(`/v1/training/attempts/${attempt.id}/submit`, {
        method: 'POST',
        token: learner.token,
        body: {},
      });
      expect(failed.body).toMatchObject({ attemptNo: i + 1, result: { passed: false, score: 0 } });
    }
    const before = await trainingRows();
    const fourth = await start(learner.token);
    expect([fourth.status, (fourth.body as unknown as ErrorBody).code]).toEqual([409, 'TRAINING_ATTEMPTS_EXHAUSTED']);
    expect((fourth.body as unknown as ErrorBody).details).toMatchObject({ attemptsAllowed: 3, used: 3 });
    expect(await trainingRows()).toEqual(before);
  });

  it('gives regulators coverage by district and venue kind with failing topics, for their regions only', async () => {
    const coverage = await server.request<{
      total: { staff: number; certified: number };
      byDistrict: { regionId: string }[];
      byVenueKind: { kind: string; staff: number }[];
      failingTopics: { topic: string; wrongShare: number }[];
    }>('/v1/training/coverage', { token: city.regulator.token });
    expect(coverage.status).toBe(200);
    expect(coverage.body.total.staff).toBeGreaterThan(3);
    expect(coverage.body.total.certified).toBeGreaterThanOrEqual(3);
    expect(coverage.body.byDistrict.map((d) => d.regionId)).toEqual([city.regions.east]);
    expect(coverage.body.byVenueKind.map((k) => k.kind)).toContain('school_canteen');
    expect(coverage.body.failingTopics.length).toBeGreaterThan(0);
    const other = await server.request<ErrorBody>(`/v1/training/coverage?regionId=${city.regions.east}`, {
      token: city.westRegulator.token,
    });
    expect(other.status).toBe(403);
    const staff = await server.request<ErrorBody>('/v1/training/coverage', { token: city.staffer.token });
    expect(staff.status).toBe(403);
  });

  it('lets a region set its certificates’ validity (a regulator of it), inherited by nothing else', async () => {
    const set = await server.request<{ certificateValidMonths: number; source: unknown }>(
      `/v1/regions/${city.regions.west}/training-settings`,
      { method: 'PUT', token: city.westRegulator.token, body: { certificateValidMonths: 24 } },
    );
    expect(set.body).toMatchObject({ certificateValidMonths: 24, source: 'region' });
    const east = await server.request<{ certificateValidMonths: number; source: unknown }>(
      `/v1/regions/${city.regions.east}/training-settings`,
      { token: city.staffer.token },
    );
    expect(east.body).toMatchObject({ certificateValidMonths: 12, source: 'national' });
    const refused = await server.request(`/v1/regions/${city.regions.east}/training-settings`, {
      method: 'PUT',
      token: city.westRegulator.token,
      body: { certificateValidMonths: 6 },
    });
    expect(refused.status).toBe(403);
  });
});
