/**
 * Tips and duties in Chromium against the real server (SQLite, demo city): the regulator writes a consumer alert in
 * the console's 贴士与预警 page and a consumer who scanned a venue of the district sees it first on the phone's tips
 * page; the demo canteen's manager sees the unread duties on the today page, reads one, and the console's 法定义务
 * page shows one unread venue fewer. Screenshots: artifacts/screenshots/tips-*.png.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Duty, DutyReceipts } from '@brightkitchen/sdk';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoAccount } from '../packages/server/src/demo/index.js';
import { seedDemoCity } from '../packages/server/src/demo/index.js';
import { startTestServer, type TestServer } from '../packages/server/src/testing/test-server.js';
import { ensureConsoleBuild } from './support/console-app.js';
import { ensureH5Build, launchChromium, phoneContext, shots } from './support/h5-app.js';

let server: TestServer;
let browser: Browser;
let phone: BrowserContext;
let desk: BrowserContext;
let regulator: DemoAccount;
let manager: DemoAccount;
let regulatorToken: string;
let publicCode: string;

const shot = (page: Page, name: string) => page.screenshot({ path: join(shots, `tips-${name}.png`), fullPage: true });
async function login(account: DemoAccount): Promise<string> {
  const res = await server.request<{ accessToken: string }>('/v1/auth/login', {
    body: { login: account.login, password: account.password },
  });
  return res.body.accessToken;
}

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  await ensureH5Build();
  ensureConsoleBuild();
  server = await startTestServer('sqlite');
  const seeded = await seedDemoCity(server.database, { venues: 11, days: 2, seed: 11 });
  regulator = seeded.accounts.find((a) => a.role === 'regulator') as DemoAccount;
  manager = seeded.accounts.find((a) => a.role === 'operator_manager') as DemoAccount;
  regulatorToken = await login(regulator);
  publicCode = (
    await server.database.db
      .selectFrom('venues')
      .select('public_code')
      .where('id', '=', manager.venueId as string)
      .executeTakeFirstOrThrow()
  ).public_code;
  browser = await launchChromium();
  phone = await phoneContext(browser);
  desk = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  const page = await desk.newPage();
  await page.goto(`${server.baseUrl}/console/`);
  await page.getByLabel('账号').fill(regulator.login ?? '');
  await page.getByLabel('密码').fill(regulator.password ?? '');
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByTestId('overview-figures').waitFor({ timeout: 30_000 });
  await page.close();
}, 600_000);

afterAll(async () => {
  await phone?.close();
  await desk?.close();
  await browser?.close();
  await server?.close();
});

describe('tips, consumer alerts and duties in the browser', () => {
  it('shows the regulator’s new consumer alert first on the consumer’s tips page', async () => {
    // The consumer scans the demo canteen: its district is the one the tips page reads.
    const consumer = await phone.newPage();
    await consumer.goto(`${server.baseUrl}/app/#/pages/venue/index?code=${publicCode}`);
    await consumer.getByText('食品安全等级').waitFor({ timeout: 45_000 });
    await consumer.goto(`${server.baseUrl}/app/#/pages/tips/index`);
    const alerts = consumer.getByTestId('consumer-alerts');
    await alerts.waitFor({ timeout: 30_000 });
    await expect(alerts.textContent()).resolves.toContain('警惕野生菌中毒');

    const console = await desk.newPage();
    await console.goto(`${server.baseUrl}/console/#/tips`);
    await console.getByTestId('tip-form').waitFor({ timeout: 30_000 });
    await expect(console.getByTestId('tips-list').textContent()).resolves.toContain('警惕野生菌中毒');
    await console.getByLabel('标题').fill('暂停食用某批次散装卤肉');
    await console.getByLabel('内容').fill('抽检发现某批次散装卤肉菌落总数超标，请暂停购买和食用，已购买的请勿食用。');
    await console.getByRole('button', { name: '发布' }).click();
    await expect(console.getByTestId('tip-done').textContent()).resolves.toContain('已发布「暂停食用某批次散装卤肉」');
    await console.getByText('暂停食用某批次散装卤肉').first().waitFor();
    await shot(console, '01-console');
    await console.close();

    await consumer.reload();
    await consumer.getByTestId('consumer-alerts').waitFor({ timeout: 30_000 });
    await expect
      .poll(async () => consumer.getByTestId('consumer-alert').first().textContent(), { timeout: 20_000 })
      .toContain('暂停食用某批次散装卤肉');
    const cards = await consumer.getByTestId('consumer-alert').allTextContents();
    expect(cards).toHaveLength(2);
    expect(cards[0]).toContain('东昌府区 · 至 ');
    await shot(consumer, '02-consumer');
    await consumer.close();
  }, 240_000);

  it('takes the operator’s read of a duty, and the console shows one unread venue fewer', async () => {
    const duties = await server.request<{ items: Duty[] }>('/v1/duties', { token: regulatorToken });
    const canteenDuty = duties.body.items.find((d) => d.title.startsWith('每餐次留样')) as Duty;
    const before = await server.request<DutyReceipts>(`/v1/duties/${canteenDuty.id}/receipts`, {
      token: regulatorToken,
    });
    expect(before.body.read).toBe(0);

    const console = await desk.newPage();
    await console.goto(`${server.baseUrl}/console/#/duties`);
    const row = console.locator(`tr[data-duty-id="${canteenDuty.id}"]`);
    await row.waitFor({ timeout: 30_000 });
    await expect(row.getByTestId('duty-coverage').textContent()).resolves.toContain(
      `0/${before.body.venues}（0.0%）未读 ${before.body.venues}`,
    );

    const page = await phone.newPage();
    await page.goto(`${server.baseUrl}/app/#/operator/login/index`);
    await page.locator('input[placeholder="请输入账号"]').waitFor({ timeout: 30_000 });
    await page.locator('input[placeholder="请输入账号"]').fill(manager.login ?? '');
    await page.locator('input[placeholder="请输入密码"]').fill(manager.password ?? '');
    await page.getByText('登录', { exact: true }).last().click();
    const hint = page.getByTestId('duties-unread');
    await hint.waitFor({ timeout: 45_000 });
    await expect(hint.textContent()).resolves.toContain('2 条未读');
    await shot(page, '03-today');
    await hint.click();
    await page.getByTestId('duties').waitFor({ timeout: 30_000 });
    const item = page.getByTestId('duty-item').filter({ hasText: '每餐次留样' });
    await item.getByText('我已阅读').click();
    await page.getByTestId('duty-message').waitFor({ timeout: 20_000 });
    await expect(item.textContent()).resolves.toContain('已阅读');
    await shot(page, '04-read');
    await page.close();

    await console.reload();
    await row.waitFor({ timeout: 30_000 });
    await expect(row.getByTestId('duty-coverage').textContent()).resolves.toContain(`未读 ${before.body.venues - 1}`);
    await row.getByRole('button', { name: '未读单位' }).click();
    const unread = console.getByTestId('duty-unread');
    await unread.getByText(`已读 1 家`, { exact: false }).waitFor({ timeout: 20_000 });
    await expect(unread.textContent()).resolves.not.toContain(
      before.body.unreadVenues.find((v) => v.venueId === manager.venueId)?.venueName ?? '—',
    );
    await shot(console, '05-console-duties');
    await console.close();
  }, 240_000);
});
