import { ApiError, NetworkError } from '@brightkitchen/sdk';
import type { Attempt, ExamAnswer, TrainingClient } from '@brightkitchen/sdk/training';
import { describe, expect, it } from 'vitest';
import { ExamSession, type SessionStorage } from './exam-session';

const T0 = Date.parse('2025-05-01T08:00:00Z');

function attemptOf(overrides: Partial<Attempt> = {}): Attempt {
  return {
    id: 'att1',
    examId: 'exam1',
    examTitle: '考核',
    staffId: 's1',
    venueId: 'v1',
    state: 'open',
    attemptNo: 1,
    attemptsAllowed: 3,
    passScore: 80,
    startedAt: new Date(T0).toISOString(),
    deadline: new Date(T0 + 60 * 60_000).toISOString(),
    serverNow: new Date(T0).toISOString(),
    paper: [
      {
        id: 'q1',
        kind: 'single',
        stem: '甲',
        topic: 'law_and_duties',
        options: [
          { id: 'A', text: 'a' },
          { id: 'B', text: 'b' },
        ],
      },
      { id: 'q2', kind: 'true_false', stem: '乙', topic: 'law_and_duties' },
    ],
    answers: {},
    ...overrides,
  };
}

/** A server that keeps answers and can be taken offline; records every call. */
function fakeServer() {
  const saved: Record<string, ExamAnswer> = {};
  const calls: string[] = [];
  let state: Attempt['state'] = 'open';
  const server = {
    online: true,
    saved,
    calls,
    closeAs(s: Attempt['state']) {
      state = s;
    },
    client: {} as TrainingClient,
  };
  const reach = (what: string) => {
    calls.push(what);
    if (!server.online) throw new NetworkError('request:fail');
  };
  server.client = {
    startExam: async () => {
      reach('start');
      return attemptOf({ answers: { ...saved }, state });
    },
    attempt: async () => {
      reach('get');
      return attemptOf({
        answers: { ...saved },
        state,
        ...(state !== 'open' ? { result: { score: 50, passed: false, correct: 1, total: 2, byTopic: {} } } : {}),
      });
    },
    saveAnswer: async (_a: string, q: string, answer: ExamAnswer) => {
      reach(`save ${q}`);
      if (state === 'submitted') throw new ApiError('TRAINING_ATTEMPT_CLOSED', { zh: '已交卷', en: 'closed' }, 409);
      saved[q] = answer;
      return { questionId: q, savedAt: new Date().toISOString(), answered: Object.keys(saved).length };
    },
    submit: async (_a: string, extra?: Readonly<Record<string, ExamAnswer>>) => {
      reach(`submit ${Object.keys(extra ?? {}).join(',')}`);
      if (state === 'submitted') throw new ApiError('TRAINING_ATTEMPT_CLOSED', { zh: '已交卷', en: 'closed' }, 409);
      Object.assign(saved, extra);
      state = 'submitted';
      return attemptOf({
        answers: { ...saved },
        state,
        result: { score: 100, passed: true, correct: 2, total: 2, byTopic: {} },
      });
    },
  } as unknown as TrainingClient;
  return server;
}

function memoryStorage(): SessionStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    get: async (k) => map.get(k) ?? null,
    set: async (k, v) => void map.set(k, v),
    remove: async (k) => void map.delete(k),
  };
}

describe('an exam on a weak network', () => {
  it('saves each answer at once, and counts down by the server’s clock whatever the phone’s says', async () => {
    const server = fakeServer();
    // The phone's clock is ten minutes fast.
    let phone = T0 + 10 * 60_000;
    const session = await ExamSession.open(server.client, memoryStorage(), 'exam1', () => phone);
    await session.answer('q1', 'B');
    expect(server.saved).toEqual({ q1: 'B' });
    expect(session.snapshot()).toMatchObject({ pending: 0, sync: 'saved', remainingMs: 60 * 60_000 });
    phone += 15 * 60_000;
    expect(session.snapshot().remainingMs).toBe(45 * 60_000);
  });

  it('keeps answers given offline across a restart, and sends them when the network is back', async () => {
    const server = fakeServer();
    const storage = memoryStorage();
    const first = await ExamSession.open(server.client, storage, 'exam1', () => T0);
    server.online = false;
    await first.answer('q1', 'A');
    await first.answer('q2', true);
    expect(first.snapshot()).toMatchObject({ pending: 2, sync: 'offline', answers: { q1: 'A', q2: true } });
    expect(server.saved).toEqual({});

    // The app is closed and opened again, still offline: the exam goes on from the phone.
    const again = await ExamSession.open(server.client, storage, 'exam1', () => T0);
    expect(again.attempt.id).toBe('att1');
    expect(again.snapshot()).toMatchObject({ pending: 2, answers: { q1: 'A', q2: true } });
    await again.answer('q1', 'B');

    server.online = true;
    await again.flush();
    expect(server.saved).toEqual({ q1: 'B', q2: true });
    expect(again.snapshot()).toMatchObject({ pending: 0, sync: 'saved' });
  });

  it('submits with what was never sent, and a submission whose answer was lost shows its result on the retry', async () => {
    const server = fakeServer();
    const storage = memoryStorage();
    const session = await ExamSession.open(server.client, storage, 'exam1', () => T0);
    server.online = false;
    await session.answer('q2', true);
    server.online = true;
    const done = await session.submit();
    expect(server.calls).toContain('submit q2');
    expect(done).toMatchObject({ state: 'submitted', result: { passed: true } });
    expect(storage.map.size).toBe(0);

    // Submitted, but the answer never reached the phone: the retry is refused as closed and the result is read.
    const other = fakeServer();
    const retry = await ExamSession.open(other.client, memoryStorage(), 'exam1', () => T0);
    other.closeAs('submitted');
    const result = await retry.submit();
    expect(result.state).toBe('submitted');
    expect(retry.snapshot().refusal).toBe('TRAINING_ATTEMPT_CLOSED');
  });

  it('stops sending once the server says the time is up, and shows the closed attempt', async () => {
    const server = fakeServer();
    const session = await ExamSession.open(server.client, memoryStorage(), 'exam1', () => T0);
    server.closeAs('expired');
    server.client.saveAnswer = async () => {
      throw new ApiError('TRAINING_TIME_UP', { zh: '时间到', en: 'time up' }, 409);
    };
    await session.answer('q1', 'A');
    expect(session.attempt.state).toBe('expired');
    expect(session.snapshot()).toMatchObject({ refusal: 'TRAINING_TIME_UP', pending: 0 });
  });
});
