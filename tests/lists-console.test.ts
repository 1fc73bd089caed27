/**
 * The console's 红黑榜 page in Chromium against the real server (SQLite, a small demo city): a district's regulator
 * computes this month's draft, sees each listed venue's factors, publishes it, and a second draft for the same
 * month is refused with the reason in Chinese. Screenshots: artifacts/screenshots/lists-console-*.png.
 */

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { PublicLists } from '@brightkitchen/sdk';
import { monthPeriod } from '@brightkitchen/sdk/listing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoAccount, seedDemoCity } from '../packages/server/src/demo/index.js';
import { inspectionBody, signaturePng } from '../packages/server/src/testing/inspection-answers.js';
import { startTestServer, type TestServer } from '../packages/server/src/testing/test-server.js';
import { consoleSignedIn, ensureConsoleBuild } from './support/console-app.js';
import { launchChromium, shots } from './support/h5-app.js';

let server: TestServer;
let browser: Browser;
let page: Page;
let regulator: DemoAccount;
let canteen: string;

const shot = (name: string) => page.screenshot({ path: join(shots, `lists-console-${name}.png`), fullPage: true });
const thisMonth = () => monthPeriod(new Date());

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  ensureConsoleBuild();
  server = await startTestServer('sqlite');
  const seeded = await seedDemoCity(server.database, { venues: 11, days: 2, seed: 11 });
  regulator = seeded.accounts.find((a) => a.role === 'regulator') as DemoAccount;
  // The demo canteen fails two key items at an inspection today: the draft must put it on the black list.
  const manager = seeded.accounts.find((a) => a.role === 'operator_manager') as DemoAccount;
  const login = await server.request<{ accessToken: string }>('/v1/auth/login', {
    body: { login: regulator.login, password: regulator.password },
  });
  const token = login.body.accessToken;
  const signature = await server.request<{ ref: string }>(`/v1/venues/${manager.venueId}/ledger-photos`, {
    token,
    body: signaturePng('lists-console'),
  });
  const inspected = await server.request(`/v1/venues/${manager.venueId}/inspections`, {
    token,
    body: inspectionBody(signature.body.ref, { failing: ['1.2', '3.1'] }),
  });
  if (inspected.status !== 201) throw new Error(`inspection: ${inspected.status}`);
  canteen = manager.venueName ?? '';
  browser = await launchChromium();
  page = await (await consoleSignedIn(browser, server.baseUrl, regulator)).newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the console’s red and black lists', () => {
  it('computes a draft with each venue’s factors, publishes it once, and refuses a second for the month', async () => {
    await page.goto(`${server.baseUrl}/console/#/lists`);
    await page.locator('#lists-region').selectOption(regulator.regionId ?? '');
    await page.getByLabel(/期间/).fill(thisMonth());
    await page.getByRole('button', { name: '计算草稿' }).click();
    await page.getByTestId('list-set').waitFor({ timeout: 30_000 });
    await expect(page.getByTestId('list-set').textContent()).resolves.toContain('草稿');
    // The canteen is on the black list with the formula's terms and why.
    const black = page.getByTestId('list-black');
    await expect(black.textContent()).resolves.toContain(canteen);
    await expect(black.textContent()).resolves.toMatch(/动态等级 .*台账完成.*关键项不合格/);
    await shot('01-draft');
    await page.getByRole('button', { name: '发布' }).click();
    await expect.poll(() => page.getByTestId('list-message').textContent()).toContain('已发布');
    const lists = await server.request<PublicLists>(`/v1/public/lists?regionId=${regulator.regionId}`);
    expect(lists.body).toMatchObject({ regionId: regulator.regionId, period: thisMonth() });

    await page.goto(`${server.baseUrl}/console/#/lists`);
    await page.locator('#lists-region').selectOption(regulator.regionId ?? '');
    await page.getByLabel(/期间/).fill(thisMonth());
    await page.getByRole('button', { name: '计算草稿' }).click();
    await page.getByTestId('list-set').waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: '发布' }).click();
    await expect.poll(() => page.getByTestId('list-message').textContent()).toContain('该地区该期红黑榜已发布');
    await shot('02-refused');
  });
});
