/**
 * The SDK's rectification and sampling clients against the real server: a regulator opens a notice, the
 * operator's answer waits in the outbox behind its photo and is sent once, the regulator reviews and plans a
 * re-inspection; a sampling task is assigned and its result recorded; coded errors reach the caller.
 */
import {
  type BrightKitchenClient,
  createNodeClient,
  isBrightKitchenError,
  localDay,
  type OutboxOutcome,
  type QueuedWrite,
} from '@brightkitchen/sdk/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { seedTestCity, TEST_PASSWORD, type TestCity } from '../packages/server/src/testing/fixtures.js';
import { DATABASES, startTestServer, type TestServer } from '../packages/server/src/testing/test-server.js';
import { pngBase64 } from './support/two-venue-city.js';

const dayAfter = (days: number) => localDay(Date.now() + days * 86_400_000, 'Asia/Shanghai');

async function sent(queued: QueuedWrite): Promise<Extract<OutboxOutcome, { state: 'sent' }>> {
  const outcome = await queued.settled;
  if (outcome.state !== 'sent') throw new Error(`${queued.kind} refused: ${outcome.error.code}`);
  return outcome;
}

describe.each(DATABASES)('SDK rectifications and sampling (%s)', (kind) => {
  let server: TestServer;
  let city: TestCity;
  const clients: BrightKitchenClient[] = [];

  async function loggedIn(login: string): Promise<BrightKitchenClient> {
    const c = createNodeClient({ baseURL: server.baseUrl, outbox: { backoff: { baseMs: 50, maxMs: 400 } } });
    clients.push(c);
    await c.auth.login(login, TEST_PASSWORD);
    return c;
  }

  beforeAll(async () => {
    server = await startTestServer(kind);
    city = await seedTestCity(server);
  });
  afterEach(() => {
    for (const c of clients.splice(0)) c.close();
  });
  afterAll(() => server?.close());

  it('opens, answers through the outbox with a photo, reviews and plans a re-inspection', async () => {
    const regulator = await loggedIn(city.regulator.login);
    const staff = await loggedIn(city.staffer.login);
    const notice = await regulator.rectifications.open(
      city.venues.school,
      {
        source: { kind: 'other' },
        obligation: '食品安全法 第五十五条',
        findings: '生熟混放。',
        requirement: '分开存放。',
        deadline: dayAfter(3),
      },
      'sdk-rect-1',
    );
    expect(notice).toMatchObject({ state: 'open', overdue: false, deadline: dayAfter(3) });
    // The same key again: the same notice, nothing new.
    const again = await regulator.rectifications.open(
      city.venues.school,
      {
        source: { kind: 'other' },
        obligation: '食品安全法 第五十五条',
        findings: '生熟混放。',
        requirement: '分开存放。',
        deadline: dayAfter(3),
      },
      'sdk-rect-1',
    );
    expect(again.id).toBe(notice.id);

    const { ref, queued: photo } = await staff.ledgers.attachPhoto(city.venues.school, {
      contentType: 'image/png',
      dataBase64: pngBase64(96),
    });
    const answer = await staff.rectifications.respond(notice.id, { text: '已分开存放。', photos: [ref] });
    await sent(photo);
    const outcome = await sent(answer);
    expect(outcome.result).toMatchObject({ state: 'answered', responses: [{ photos: [ref] }] });
    expect(await staff.outbox.pending()).toEqual([]);

    const open = await staff.rectifications.list({ venueId: city.venues.school, state: 'answered' });
    expect(open.items.map((r) => r.id)).toContain(notice.id);
    const planned = await regulator.rectifications.planReinspection(notice.id, dayAfter(5));
    expect(planned.reinspectOn).toBe(dayAfter(5));
    const closed = await regulator.rectifications.review(notice.id, { decision: 'accept' });
    expect(closed.state).toBe('closed');
    const error = await regulator.rectifications.review(notice.id, { decision: 'accept' }).catch((e: unknown) => e);
    expect(isBrightKitchenError(error) && error.code).toBe('RECTIFICATION_NOT_OPEN');
    expect((await regulator.rectifications.list({ overdue: true })).items.map((r) => r.id)).not.toContain(notice.id);
  });

  it('assigns a sampling task and records its result once', async () => {
    const regulator = await loggedIn(city.regulator.login);
    const task = await regulator.sampling.create(city.venues.restaurant, {
      foods: ['米饭'],
      reason: '抽检建议',
      source: { kind: 'plan' },
      deadline: dayAfter(2),
      inspectorId: city.regulator.user.id,
    });
    expect((await regulator.sampling.list({ mine: true })).items.map((t) => t.id)).toContain(task.id);
    const passed = await regulator.sampling.recordResult(task.id, {
      outcome: 'pass',
      testedOn: dayAfter(0),
      items: [{ name: '大肠菌群', value: '<10 CFU/g', limit: '100 CFU/g', verdict: 'pass' }],
    });
    expect(passed).toMatchObject({ state: 'passed', result: { outcome: 'pass' } });
    expect(passed.result?.rectificationId).toBeUndefined();
    const twice = await regulator.sampling
      .recordResult(task.id, {
        outcome: 'pass',
        testedOn: dayAfter(0),
        items: [{ name: '大肠菌群', value: '<10 CFU/g', limit: '100 CFU/g', verdict: 'pass' }],
      })
      .catch((e: unknown) => e);
    expect(isBrightKitchenError(twice) && twice.code).toBe('SAMPLING_RESULT_EXISTS');
  });
});
