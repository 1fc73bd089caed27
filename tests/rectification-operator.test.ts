/**
 * The operator and a rectification notice in phone-sized Chromium: the demo canteen's manager sees the open
 * notice and its deadline on the today page, opens it, answers with what was done and a photo (saved to the
 * outbox, photo first, then sent); the regulator rejects it with a remark, which the operator then reads.
 * Screenshots: artifacts/screenshots/rectification-*.png.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Rectification } from '@brightkitchen/sdk';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoAccount } from '../packages/server/src/demo/index.js';
import { seedDemoCity } from '../packages/server/src/demo/index.js';
import { startTestServer, type TestServer } from '../packages/server/src/testing/test-server.js';
import { ensureH5Build, launchChromium, phoneContext, root, shots } from './support/h5-app.js';

const PHOTO = join(root, 'packages', 'miniprogram', 'src', 'assets', 'tabbar', 'scan-on.png');

let server: TestServer;
let browser: Browser;
let context: BrowserContext;
let manager: DemoAccount;
let regulatorToken: string;
let managerToken: string;
let notice: Rectification;

const app = (path: string) => `${server.baseUrl}/app/#/operator/${path}`;
async function shot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(700);
  await page.screenshot({ path: join(shots, `rectification-${name}.png`), fullPage: true });
}
async function login(account: DemoAccount): Promise<string> {
  const res = await server.request<{ accessToken: string }>('/v1/auth/login', {
    body: { login: account.login, password: account.password },
  });
  return res.body.accessToken;
}

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  await ensureH5Build();
  server = await startTestServer('sqlite');
  const seeded = await seedDemoCity(server.database, { venues: 11, days: 2, seed: 7 });
  manager = seeded.accounts.find((a) => a.role === 'operator_manager') as DemoAccount;
  managerToken = await login(manager);
  regulatorToken = await login(seeded.accounts.find((a) => a.role === 'regulator') as DemoAccount);
  const open = await server.request<{ items: Rectification[] }>('/v1/rectifications?state=open', {
    token: managerToken,
  });
  expect(open.body.items).toHaveLength(1);
  notice = open.body.items[0] as Rectification;
  browser = await launchChromium();
  context = await phoneContext(browser);
}, 480_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
});

describe('a rectification notice on the operator’s phone (demo canteen)', () => {
  it('shows the open notice and its deadline on today, and takes an answer with a photo', async () => {
    const page = await context.newPage();
    await page.goto(app('login/index'));
    await page.locator('input[placeholder="请输入账号"]').waitFor({ timeout: 30_000 });
    await page.locator('input[placeholder="请输入账号"]').fill(manager.login ?? '');
    await page.locator('input[placeholder="请输入密码"]').fill(manager.password ?? '');
    await page.getByText('登录', { exact: true }).last().click();

    const due = page.getByTestId('rectifications-due');
    await due.waitFor({ timeout: 45_000 });
    await expect(due.textContent()).resolves.toContain('整改通知（1）');
    await expect(due.textContent()).resolves.toContain(`整改期限 ${notice.deadline}（还剩 4 天）`);
    await expect(due.textContent()).resolves.toContain('食品安全法 第五十五条');
    await shot(page, '01-today');

    await page.getByTestId('rectification-item').click();
    await page.getByTestId('rectification').waitFor({ timeout: 30_000 });
    await expect(page.getByTestId('rectification-deadline').textContent()).resolves.toContain(notice.deadline);
    await page.getByText('提交整改情况').click();
    await page.getByText('请写明整改情况').waitFor();
    await page
      .locator('textarea[aria-label="整改情况"]')
      .fill('冷藏柜已分区，生熟分柜存放并标注日期；留样记录已补签。');
    const chooser = page.waitForEvent('filechooser');
    await page.locator('[aria-label="添加整改照片"]').click();
    await (await chooser).setFiles(PHOTO);
    await page.locator('[aria-label="第 1 张照片，点按删除"]').waitFor();
    await shot(page, '02-answer');
    await page.getByText('提交整改情况').click();
    await page.getByText('整改情况已提交，等待监管部门复核').waitFor({ timeout: 45_000 });
    await shot(page, '03-sent');

    const stored = await server.request<Rectification>(`/v1/rectifications/${notice.id}`, { token: managerToken });
    expect(stored.body.state).toBe('answered');
    expect(stored.body.responses).toHaveLength(1);
    expect(stored.body.responses[0]?.photos).toHaveLength(1);
    expect(stored.body.responses[0]?.text).toContain('生熟分柜');
    await page.close();
  }, 180_000);

  it('shows the regulator’s remark when the answer is sent back', async () => {
    const rejected = await server.request<Rectification>(`/v1/rectifications/${notice.id}/review`, {
      token: regulatorToken,
      body: { decision: 'reject', remark: '照片未拍到留样记录，请补拍。' },
    });
    expect(rejected.body.state).toBe('open');
    const page = await context.newPage();
    await page.goto(app(`rectification/index?id=${notice.id}`));
    await page.getByTestId('rectification-rejected').waitFor({ timeout: 45_000 });
    await expect(page.getByTestId('rectification-rejected').textContent()).resolves.toContain('照片未拍到留样记录');
    await page.locator('textarea[aria-label="整改情况"]').waitFor();
    await shot(page, '04-rejected');
    await page.close();
  }, 120_000);
});
