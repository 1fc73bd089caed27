/**
 * The built weapp (`dist/`) run in Node with a fake `wx` (see harness.ts): the pages WeChat would load mount, the
 * venue page asks `wx.request` for the public profile and shows it, the operator's alerts page opens `wss://`.
 * Builds the weapp first when `dist/` is missing or older than the sources.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { weappDist as dist, ensureWeappBuild, loadWeapp } from './harness';

beforeAll(ensureWeappBuild, 250_000);

const profile = {
  venueId: 'v1',
  publicCode: 'AB12cd34',
  name: '阳光小学食堂',
  kind: 'school_canteen',
  licence: { status: 'valid' },
  grade: { dynamic: { face: 'excellent', score: 9.1, inspectedOn: '2024-04-01' }, annual: { grade: 'A', year: 2023 } },
  listStatus: 'red',
  rating: {
    count: 2,
    aspects: {
      dishes: { satisfied: 2, neutral: 0, dissatisfied: 0 },
      hygiene: { satisfied: 1, neutral: 1, dissatisfied: 0 },
      service: { satisfied: 2, neutral: 0, dissatisfied: 0 },
    },
    satisfactionRate: 5 / 6,
  },
  ledgersToday: {
    day: '2024-05-01',
    kinds: { morning_check: { done: 8, fit: 8 }, tableware_disinfection: { done: 3 }, sample_retention: { done: 6 } },
  },
  violations: { last7Days: { no_mask: 1 }, last30Days: { no_mask: 1, phone_use: 2 } },
  liveVideo: {
    available: true,
    channels: [
      { area: 'cooking', hlsUrl: '/v1/live/l.cam_1.1796461860.sig/live.m3u8', expiresAt: '2026-12-05T09:11:00Z' },
    ],
    hours: [{ from: '06:00', to: '21:00' }],
  },
};

describe('weapp output in Node', () => {
  it('mounts every consumer page of the main package', async () => {
    const app = loadWeapp(dist);
    for (const route of ['pages/scan/index', 'pages/tips/index']) {
      const page = await app.openPage(route);
      expect(page.texts().length).toBeGreaterThan(0);
    }
    const scan = await app.openPage('pages/scan/index');
    expect(scan.texts()).toContain('扫一扫');
  });

  it('the venue page loads the profile with one wx.request and shows it as plain statements', async () => {
    const app = loadWeapp(dist, {
      answer: (req) => (req.url.includes('/v1/public/venues/AB12cd34') ? { status: 200, body: profile } : 'offline'),
    });
    const page = await app.openPage('pages/venue/index', { code: 'AB12cd34' });
    await app.settle(200);
    const requests = app.calls.filter((c) => c.api === 'request');
    expect(requests.map((c) => `${c.options.method} ${c.options.url}`)).toEqual([
      'GET http://127.0.0.1:8080/v1/public/venues/AB12cd34',
    ]);
    const texts = page.texts();
    for (const line of [
      '阳光小学食堂',
      '红榜单位',
      '许可证有效',
      '晨检 8/8 人合格',
      '餐具已消毒 3 次',
      '今日留样 6 份',
    ]) {
      expect(texts).toContain(line);
    }
    expect(texts).toContain('满意度 83%（2 人评价）');
    expect(texts).toContain('2023 年度等级 A');
    expect(texts).toContain('近 7 天 AI 抓拍 1 次：未戴口罩 1 次');
    // The live kitchen: WeChat's <video> with the signed URL made absolute against the API's base.
    expect(texts).toContain('烹饪区');
    const videos = page.nodes('video');
    expect(videos.map((v) => v.src)).toEqual(['http://127.0.0.1:8080/v1/live/l.cam_1.1796461860.sig/live.m3u8']);
    page.tap('评价');
    await app.settle(50);
    expect(app.calls.find((c) => c.api === 'navigateTo')?.options.url).toMatch(
      /^\/pages\/rate\/index\?code=AB12cd34&venueId=v1/,
    );
  });

  it('a network failure on the venue page says so and retries', async () => {
    let online = false;
    const app = loadWeapp(dist, { answer: () => (online ? { status: 200, body: profile } : 'offline') });
    const page = await app.openPage('pages/venue/index', { code: 'AB12cd34' });
    await app.settle(200);
    expect(page.texts()).toContain('网络不可用，请检查网络后重试');
    online = true;
    page.tap('重试');
    await app.settle(200);
    expect(page.texts()).toContain('晨检 8/8 人合格');
  });

  it('the operator alerts page opens the realtime socket with wss:// and polls meanwhile', async () => {
    const session = {
      accessToken: 'tok',
      refreshToken: 'ref',
      expiresAt: Date.now() + 3_600_000,
      user: { id: 'u9', role: 'operator_manager' },
    };
    const app = loadWeapp(dist, {
      storage: {
        'bk-operator:session': JSON.stringify(session),
        'bk-operator:venue': JSON.stringify({ id: 'v1', name: '阳光小学食堂', timeZone: 'Asia/Shanghai' }),
      },
      answer: (req) =>
        req.url.includes('/v1/alerts')
          ? {
              status: 200,
              body: {
                items: [
                  {
                    id: 'a1',
                    venueId: 'v1',
                    source: 'ledger',
                    type: 'LEDGER_MORNING_FEVER',
                    severity: 'warning',
                    state: 'open',
                    openedAt: '2024-05-01T07:40:00+08:00',
                    message: { zh: '张三体温 38.5 ℃，不得上岗', en: 'fever' },
                  },
                ],
                nextCursor: null,
              },
            }
          : 'offline',
    });
    const page = await app.openPage('operator/alerts/index');
    await app.settle(200);
    expect(app.sockets.map((s) => s.url)).toEqual(['wss://127.0.0.1:8080/mqtt']);
    expect(app.sockets[0]?.protocols).toEqual(['mqtt']);
    const list = app.calls.find((c) => c.api === 'request' && String(c.options.url).includes('/v1/alerts'));
    expect(list?.options.url).toContain('venueId=v1');
    expect((list?.options.header as Record<string, string> | undefined)?.authorization).toBe('Bearer tok');
    expect(page.texts()).toContain('张三体温 38.5 ℃，不得上岗');
    page.unload();
  });
});
