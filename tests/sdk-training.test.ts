/**
 * The SDK's `./training` entry against the real server: `createTrainingClient` over a Node client (its session,
 * refresh and typed errors) takes the national exam, and the public check works without logging in.
 */
import { ApiError, createNodeClient } from '@brightkitchen/sdk/node';
import { createTrainingClient, type ExamAnswer } from '@brightkitchen/sdk/training';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedTestCity, TEST_PASSWORD, type TestCity } from '../packages/server/src/testing/fixtures.js';
import { DATABASES, startTestServer, type TestServer } from '../packages/server/src/testing/test-server.js';
import { paperKey } from '../packages/server/src/training/testing.js';

describe.each(DATABASES)('the SDK training client (%s)', (kind) => {
  let server: TestServer;
  let city: TestCity;
  beforeAll(async () => {
    server = await startTestServer(kind);
    city = await seedTestCity(server);
  });
  afterAll(() => server?.close());

  it('takes an exam answer by answer, submits, and verifies the certificate without a login', async () => {
    const client = createNodeClient({ baseURL: server.baseUrl, outbox: { autoStart: false } });
    await client.auth.login(city.staffer.login, TEST_PASSWORD);
    const training = createTrainingClient(client);
    const courses = await training.courses();
    expect(courses.items.map((c) => c.id)).toContain('nat-course-basics');
    const progress = await training.completeLesson('nat-course-basics', 'duties');
    expect(progress.completedLessons).toEqual(['duties']);
    const exams = await training.exams();
    const exam = exams.items.find((e) => e.id === 'nat-exam-basics');
    expect(exam?.standing?.attemptsUsed).toBe(0);

    const attempt = await training.startExam('nat-exam-basics');
    const key = await paperKey(server.database, attempt.id);
    const [first, ...rest] = attempt.paper;
    const saved = await training.saveAnswer(attempt.id, first?.id as string, key[first?.id as string] as ExamAnswer);
    expect(saved.answered).toBe(1);
    expect((await training.attempt(attempt.id)).answers).toEqual({ [first?.id as string]: key[first?.id as string] });
    const done = await training.submit(
      attempt.id,
      Object.fromEntries(rest.map((q) => [q.id, key[q.id] as ExamAnswer])),
    );
    expect(done.result).toMatchObject({ passed: true, score: 100 });
    const code = done.certificate?.code as string;

    const again = await training.submit(attempt.id).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(ApiError);
    expect((again as ApiError).code).toBe('TRAINING_ATTEMPT_CLOSED');

    const anonymous = createTrainingClient(createNodeClient({ baseURL: server.baseUrl, outbox: { autoStart: false } }));
    expect(await anonymous.verify(code)).toMatchObject({ valid: true, holder: '张*', venue: '第一中学食堂' });
    const unknown = await anonymous.verify('ABCDEFGHJKMN').catch((e: unknown) => e);
    expect((unknown as ApiError).code).toBe('CERTIFICATE_NOT_FOUND');
    const mine = await training.certificates();
    expect(mine.items.map((c) => c.code)).toContain(code);
  });
});
