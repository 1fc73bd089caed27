/**
 * The training subpackage of the built weapp (`dist/`) in Node with a fake `wx` (see ../weapp/harness.ts): the public
 * certificate check asks `wx.request` with the code and shows the answer; the exam page sends each answer as it is
 * tapped. Builds the weapp first when `dist/` is missing or older than the sources.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { weappDist as dist, ensureWeappBuild, loadWeapp } from '../weapp/harness';

beforeAll(ensureWeappBuild, 250_000);

describe('the weapp training subpackage in Node', () => {
  it('checks a certificate by the code in its link, without a login', async () => {
    const app = loadWeapp(dist, {
      answer: (req) =>
        req.url.endsWith('/v1/public/certificates/K7Q2M9XA3BCD')
          ? {
              status: 200,
              body: {
                valid: true,
                holder: '张*',
                venue: '阳光小学食堂',
                course: '餐饮服务从业人员食品安全基础',
                issuedOn: '2025-01-10',
                expiresOn: '2026-01-09',
              },
            }
          : 'offline',
    });
    const page = await app.openPage('training/verify/index', { code: 'k7q2-m9xa-3bcd' });
    await app.settle(200);
    const requests = app.calls.filter((c) => c.api === 'request');
    expect(requests.map((c) => `${c.options.method} ${c.options.url}`)).toEqual([
      'GET http://127.0.0.1:8080/v1/public/certificates/K7Q2M9XA3BCD',
    ]);
    expect((requests[0]?.options.header as Record<string, string> | undefined)?.authorization).toBeUndefined();
    const texts = page.texts();
    expect(texts).toContain('✓ 证书有效');
    expect(texts).toContain('持证人：张*');
  });

  it('sends an exam answer the moment it is tapped', async () => {
    const now = Date.now();
    const attempt = {
      id: 'att1',
      examId: 'exam1',
      examTitle: '考核',
      staffId: 's1',
      venueId: 'v1',
      state: 'open',
      attemptNo: 1,
      attemptsAllowed: 3,
      passScore: 80,
      startedAt: new Date(now).toISOString(),
      deadline: new Date(now + 3_600_000).toISOString(),
      serverNow: new Date(now).toISOString(),
      paper: [
        {
          id: 'q1',
          kind: 'single',
          stem: '留样至少冷藏多久？',
          topic: 'sample_retention',
          options: [
            { id: 'A', text: '24 小时' },
            { id: 'B', text: '48 小时' },
          ],
        },
      ],
      answers: {},
    };
    const session = { accessToken: 'tok', refreshToken: 'ref', expiresAt: now + 3_600_000, user: { id: 'u1' } };
    const app = loadWeapp(dist, {
      storage: {
        'bk-operator:session': JSON.stringify(session),
        'bk-operator:venue': JSON.stringify({ id: 'v1', name: '阳光小学食堂', timeZone: 'Asia/Shanghai' }),
      },
      answer: (req) => {
        if (req.url.endsWith('/v1/training/exams/exam1/attempts')) return { status: 201, body: attempt };
        if (req.url.endsWith('/v1/training/attempts/att1/answers/q1')) {
          return { status: 200, body: { questionId: 'q1', savedAt: new Date().toISOString(), answered: 1 } };
        }
        return 'offline';
      },
    });
    const page = await app.openPage('training/exam/index', { id: 'exam1' });
    await app.settle(300);
    expect(page.texts()).toContain('留样至少冷藏多久？');
    page.tap('48 小时');
    await app.settle(300);
    const put = app.calls.find((c) => c.api === 'request' && String(c.options.url).includes('/answers/q1'));
    expect(put?.options.method).toBe('PUT');
    expect(JSON.parse(String(put?.options.data))).toEqual({ answer: 'B' });
    expect(page.texts()).toContain('已保存');
    page.unload();
  });
});
