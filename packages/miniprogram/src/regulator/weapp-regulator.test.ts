/**
 * The regulator subpackage of the built weapp (`dist/`) in Node with a fake `wx` (see ../weapp/harness.ts): the
 * week's plan asks for `/v1/risk/plan` with the regulator's session and shows each venue with its reasons; the
 * inspection page shows the checklist by area with key items marked and the running score. Builds the weapp first
 * when `dist/` is missing or older than the sources.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { weappDist as dist, ensureWeappBuild, loadWeapp } from '../weapp/harness';

beforeAll(ensureWeappBuild, 250_000);

const session = JSON.stringify({
  accessToken: 'tok',
  refreshToken: 'ref',
  expiresAt: Date.now() + 3_600_000,
  user: { id: 'r1', role: 'regulator' },
});

const plan = {
  weekOf: '2026-11-30',
  inspectors: 2,
  capacity: 10,
  districts: [
    {
      regionId: 'd1',
      name: '东昌府区',
      slots: 20,
      venues: [
        {
          venueId: 'v1',
          name: '阳光小学食堂',
          rank: 1,
          score: 1.2,
          inspectedOn: null,
          factors: [
            { code: 'last_score_gap', value: 3, contribution: 0.4 },
            { code: 'key_failures', value: 1, contribution: 1.1 },
          ],
        },
        { venueId: 'v2', name: '水城餐饮', rank: 2, score: 0.5, inspectedOn: '2026-12-01', factors: [] },
      ],
    },
  ],
  sampling: [],
};

const checklist = {
  regionId: 'd1',
  items: [
    { code: '1.1', area: 'licence_personnel', title: { zh: '许可证合法有效', en: 'Licence' }, key: true, score: 10 },
    { code: '2.1', area: 'environment_equipment', title: { zh: '场所整洁', en: 'Clean' }, key: false, score: 10 },
  ],
};

describe('the weapp regulator subpackage in Node', () => {
  it('shows the week’s plan with the ranking’s reasons, asked with the regulator’s session', async () => {
    const app = loadWeapp(dist, {
      storage: { 'bk-regulator:session': session },
      answer: (req) => (req.url.includes('/v1/risk/plan') ? { status: 200, body: plan } : 'offline'),
    });
    const page = await app.openPage('regulator/plan/index');
    await app.settle(200);
    const request = app.calls.find((c) => c.api === 'request' && String(c.options.url).includes('/v1/risk/plan'));
    expect((request?.options.header as Record<string, string> | undefined)?.authorization).toBe('Bearer tok');
    const texts = page.texts();
    expect(texts).toContain('1. 阳光小学食堂');
    expect(texts).toContain('待检查');
    expect(texts).toContain('已检查 2026-12-01');
    expect(texts).toContain('原因：既往关键项不合格（3 年内，对数）；上次检查失分（10 − 得分）');
    page.unload();
  });

  it('shows the checklist by area with key items marked, and the score as items are answered', async () => {
    const app = loadWeapp(dist, {
      storage: { 'bk-regulator:session': session },
      answer: (req) => (req.url.endsWith('/v1/venues/v1/checklist') ? { status: 200, body: checklist } : 'offline'),
    });
    const page = await app.openPage('regulator/inspect/index', { venueId: 'v1', name: '阳光小学食堂' });
    await app.settle(200);
    let texts = page.texts();
    expect(texts).toContain('许可与人员管理');
    expect(texts).toContain('环境与设施设备');
    expect(texts).toContain('关键项');
    expect(texts).toContain('尚未检查任何项目');
    page.tap('其余未检查项全部“符合”');
    await app.settle(50);
    texts = page.texts();
    expect(texts).toContain('预计得分 10.00');
    page.unload();
  });
});
