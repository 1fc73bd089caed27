/**
 * The console's 整改通知 and 抽检任务 pages in desktop Chromium against the real server (SQLite, demo city): the
 * regulator sees the demo canteen's notice and an overdue one highlighted, reads the operator's answer with its
 * photo and accepts it; opens a notice from a venue; records a failed sampling result, which leads to the notice
 * it opened. Screenshots: artifacts/screenshots/console/rectification-*.png.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { localDay, type Me, type Rectification, type SamplingTask } from '@brightkitchen/sdk';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alertRow } from '../packages/server/src/alerts/alert-book.js';
import type { DemoAccount } from '../packages/server/src/demo/index.js';
import { seedDemoCity } from '../packages/server/src/demo/index.js';
import { openRectification } from '../packages/server/src/rectifications/index.js';
import { startTestServer, type TestServer } from '../packages/server/src/testing/test-server.js';
import { ensureConsoleBuild } from './support/console-app.js';
import { launchChromium, root, shots } from './support/h5-app.js';

const PHOTO = join(root, 'packages', 'miniprogram', 'src', 'assets', 'tabbar', 'scan-on.png');
const DAY_MS = 86_400_000;

let server: TestServer;
let browser: Browser;
let context: BrowserContext;
let regulator: DemoAccount;
let regulatorToken: string;
let managerToken: string;
let venueId: string;

const consoleShots = join(shots, 'console');
const consoleUrl = (path = '') => `${server.baseUrl}/console/${path}`;
const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(consoleShots, `rectification-${name}.png`), fullPage: true });
async function login(account: DemoAccount): Promise<string> {
  const res = await server.request<{ accessToken: string }>('/v1/auth/login', {
    body: { login: account.login, password: account.password },
  });
  return res.body.accessToken;
}

beforeAll(async () => {
  mkdirSync(consoleShots, { recursive: true });
  ensureConsoleBuild();
  server = await startTestServer('sqlite');
  const seeded = await seedDemoCity(server.database, { venues: 11, days: 2, seed: 5 });
  regulator = seeded.accounts.find((a) => a.role === 'regulator') as DemoAccount;
  const manager = seeded.accounts.find((a) => a.role === 'operator_manager') as DemoAccount;
  venueId = manager.venueId as string;
  // Two fridge excursions two days ago: the week's plan suggests sampling the demo canteen's cold-chain food.
  for (const [i, subject] of ['fridge-1', 'fridge-2'].entries()) {
    await server.database.db
      .insertInto('alerts')
      .values({
        ...alertRow({
          venueId,
          source: 'sensor',
          type: 'SENSOR_TOO_WARM',
          severity: 'warning',
          subject,
          message: { zh: '冷藏温度超限', en: 'Fridge too warm' },
          openedAt: new Date(Date.now() - 2 * DAY_MS - i * 3_600_000).toISOString(),
        }),
        state: 'resolved',
        resolved_at: new Date(Date.now() - 2 * DAY_MS + 3_600_000).toISOString(),
      })
      .execute();
  }
  regulatorToken = await login(regulator);
  managerToken = await login(manager);
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(consoleUrl());
  await page.getByLabel('账号').fill(regulator.login ?? '');
  await page.getByLabel('密码').fill(regulator.password ?? '');
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByTestId('overview-figures').waitFor({ timeout: 30_000 });
  await page.close();
}, 480_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
});

describe('整改通知 and 抽检任务 in the console', () => {
  it('highlights the overdue notice, shows the answer’s photo and accepts it', async () => {
    // A notice issued ten days ago, due three days ago: overdue now.
    const me = await server.request<Me>('/v1/me', { token: regulatorToken });
    const tenDaysAgo = new Date(Date.now() - 10 * DAY_MS);
    const overdue = await openRectification(server.database, {
      venueId,
      issuedBy: me.body.user.id,
      now: tenDaysAgo,
      input: {
        source: { kind: 'other' },
        obligation: '餐饮服务食品安全操作规范 第7.9条',
        findings: '留样不足 125 克。',
        requirement: '按规定留样。',
        deadline: localDay(Date.now() - 3 * DAY_MS, 'Asia/Shanghai'),
      },
    });
    const [demo] = (
      await server.request<{ items: Rectification[] }>('/v1/rectifications?state=open', { token: managerToken })
    ).body.items.filter((r) => r.id !== overdue.id);
    expect(demo).toBeDefined();
    // The operator answers the demo notice with a photo.
    const photo = await server.request<{ ref: string }>(`/v1/venues/${venueId}/ledger-photos`, {
      token: managerToken,
      body: { contentType: 'image/png', dataBase64: readFileSync(PHOTO).toString('base64') },
    });
    const answered = await server.request<Rectification>(`/v1/rectifications/${demo?.id}/responses`, {
      token: managerToken,
      body: { text: '已分柜存放并标注日期。', photos: [photo.body.ref] },
    });
    expect(answered.body.state).toBe('answered');

    const page = await context.newPage();
    await page.goto(consoleUrl('#/rectifications'));
    const overdueRow = page.locator(`tr[data-rectification-id="${overdue.id}"]`);
    await overdueRow.waitFor({ timeout: 30_000 });
    await expect(overdueRow.getAttribute('class')).resolves.toContain('overdue');
    await expect(overdueRow.textContent()).resolves.toContain('已逾期');
    await expect(page.locator(`tr[data-rectification-id="${demo?.id}"]`).getAttribute('class')).resolves.not.toContain(
      'overdue',
    );
    await shot(page, '01-list');
    await page.getByRole('button', { name: '已逾期' }).click();
    await page.locator('tr[data-rectification-id]').first().waitFor();
    expect(await page.locator('tr[data-rectification-id]').count()).toBe(1);

    await page.getByRole('button', { name: '待复核' }).click();
    await page.locator(`tr[data-rectification-id="${demo?.id}"]`).click();
    const image = page.getByTestId('rectification-response').locator('img').first();
    await image.waitFor({ timeout: 30_000 });
    await expect
      .poll(() => image.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth))
      .toBeGreaterThan(0);
    await shot(page, '02-answer');
    await page.getByRole('button', { name: '通过，销号' }).click();
    await expect.poll(() => page.getByTestId('rectification-state').textContent()).toBe('已销号');
    const stored = await server.request<Rectification>(`/v1/rectifications/${demo?.id}`, { token: regulatorToken });
    expect(stored.body.state).toBe('closed');
    await page.close();
  }, 180_000);

  it('opens a notice from the venue page, and a past deadline is refused with its reason', async () => {
    const page = await context.newPage();
    await page.goto(consoleUrl(`#/venue/${venueId}`));
    await page.getByRole('button', { name: '下达整改通知' }).click();
    await page.getByLabel('发现的问题').fill('冷藏柜温度 9 ℃。');
    await page.getByLabel('整改要求').fill('维修冷藏柜，温度保持 0–8 ℃。');
    await page.getByLabel('整改期限').fill(localDay(Date.now() - 2 * DAY_MS, 'Asia/Shanghai'));
    await page.getByRole('button', { name: '下达' }).click();
    await page.getByText('整改期限不能早于今天').waitFor({ timeout: 20_000 });
    const deadline = localDay(Date.now() + 6 * DAY_MS, 'Asia/Shanghai');
    await page.getByLabel('整改期限').fill(deadline);
    await page.getByRole('button', { name: '下达' }).click();
    await page.getByTestId('rectification-detail').waitFor({ timeout: 20_000 });
    await expect(page.getByTestId('rectification-detail').textContent()).resolves.toContain(deadline);
    // A re-inspection planned from it shows in the regulator's 复查安排.
    const visit = localDay(Date.now() + 8 * DAY_MS, 'Asia/Shanghai');
    await page.getByLabel('安排复查').fill(visit);
    await page.getByRole('button', { name: '保存复查日期' }).click();
    await page.getByText(`复查日期${visit}`).waitFor({ timeout: 20_000 });
    await page.getByRole('button', { name: '返回列表' }).click();
    await page.getByTestId('reinspection-plan').getByText(visit).waitFor({ timeout: 20_000 });
    await shot(page, '05-reinspection-plan');
    // The venue's page lists it too.
    await page.goto(consoleUrl(`#/venue/${venueId}`));
    await page.getByTestId('venue-rectifications').getByText(`期限 ${deadline}`).waitFor({ timeout: 20_000 });
    await page.close();
  }, 120_000);

  it('turns a suggestion of the week’s plan into a sampling task for an inspector of the region', async () => {
    const plan = await server.request<{ sampling: { venueId: string; name: string }[] }>('/v1/risk/plan', {
      token: regulatorToken,
    });
    const suggestion = plan.body.sampling[0];
    expect(suggestion).toBeDefined();
    const page = await context.newPage();
    await page.goto(consoleUrl('#/sampling'));
    const row = page.locator(`tr[data-suggestion-venue="${suggestion?.venueId}"]`).first();
    await row.waitFor({ timeout: 30_000 });
    await row.getByRole('button', { name: '安排抽检' }).click();
    const form = page.getByTestId('sampling-assign-form');
    await form.getByLabel('抽检人员').waitFor({ timeout: 20_000 });
    await expect(form.getByLabel('抽检人员').locator('option').count()).resolves.toBeGreaterThan(0);
    await shot(page, '06-sampling-assign');
    await form.getByRole('button', { name: '下达抽检任务' }).click();
    await form.waitFor({ state: 'detached', timeout: 20_000 });
    const tasks = await server.request<{ items: SamplingTask[] }>(`/v1/sampling-tasks?venueId=${suggestion?.venueId}`, {
      token: regulatorToken,
    });
    expect(tasks.body.items[0]).toMatchObject({ state: 'assigned', source: { kind: 'plan' } });
    await page.close();
  }, 120_000);

  it('records a failed sampling result and leads to the notice it opened', async () => {
    const me = await server.request<Me>('/v1/me', { token: regulatorToken });
    const task = await server.request<SamplingTask>(`/v1/venues/${venueId}/sampling-tasks`, {
      token: regulatorToken,
      body: {
        foods: ['凉拌菜'],
        reason: '冷链温度多次超标',
        source: { kind: 'plan' },
        deadline: localDay(Date.now() + 3 * DAY_MS, 'Asia/Shanghai'),
        inspectorId: me.body.user.id,
      },
    });
    expect(task.status).toBe(201);
    const page = await context.newPage();
    await page.goto(consoleUrl('#/sampling'));
    const row = page.locator(`tr[data-task-id="${task.body.id}"]`);
    await row.waitFor({ timeout: 30_000 });
    await row.getByRole('button', { name: '录入结果' }).click();
    const form = page.getByTestId('sampling-result-form');
    await form.getByLabel('检测值 1').fill('5.2×10⁵ CFU/g');
    await form.getByLabel('限值 1').fill('1×10⁵ CFU/g');
    await form.getByLabel('判定 1').selectOption('fail');
    await form.getByText(/结论：不合格/).waitFor();
    await form.locator('#lab-report').setInputFiles(PHOTO);
    await shot(page, '03-sampling-result');
    await form.getByRole('button', { name: '提交结果' }).click();
    await page.getByTestId('rectification-detail').waitFor({ timeout: 30_000 });
    await expect(page.getByTestId('rectification-detail').textContent()).resolves.toContain('菌落总数');
    await shot(page, '04-sampling-notice');
    const tasks = await server.request<{ items: SamplingTask[] }>('/v1/sampling-tasks', { token: managerToken });
    expect(tasks.body.items.find((t) => t.id === task.body.id)).toMatchObject({
      state: 'failed',
      result: { labReport: expect.stringMatching(/^sha256:/) },
    });
    await page.close();
  }, 120_000);
});
