/**
 * A regulator records an inspection from the console (desktop Chromium, demo city): opens a venue from this week's
 * plan (去检查), answers the checklist with one item 不符合 and a remark, draws both signatures with the mouse,
 * submits, lands on the record with its score; the stored inspection has the remark and both signatures, and the
 * venue's public profile shows the grade it gave. Screenshots: artifacts/screenshots/console/inspection-*.png.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Checklist, InspectionRecord, PublicVenueProfile, Venue } from '@brightkitchen/sdk';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoAccount } from '../packages/server/src/demo/index.js';
import { seedDemoCity } from '../packages/server/src/demo/index.js';
import { startTestServer, type TestServer } from '../packages/server/src/testing/test-server.js';
import { consoleSignedIn, ensureConsoleBuild } from './support/console-app.js';
import { launchChromium, shots } from './support/h5-app.js';

let server: TestServer;
let browser: Browser;
let context: BrowserContext;
let regulator: DemoAccount;
let token: string;

const consoleUrl = (path = '') => `${server.baseUrl}/console/${path}`;
const consoleShots = join(shots, 'console');
const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(consoleShots, `inspection-${name}.png`), fullPage: true });

/** Draws a signature with the mouse (pointer events) on a canvas. */
async function sign(page: Page, canvas: Locator): Promise<void> {
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  if (!box) throw new Error('signature canvas not laid out');
  await page.mouse.move(box.x + 30, box.y + box.height * 0.6);
  await page.mouse.down();
  await page.mouse.move(box.x + 90, box.y + box.height * 0.3, { steps: 6 });
  await page.mouse.move(box.x + 150, box.y + box.height * 0.7, { steps: 6 });
  await page.mouse.move(box.x + 230, box.y + box.height * 0.35, { steps: 6 });
  await page.mouse.up();
}

beforeAll(async () => {
  mkdirSync(consoleShots, { recursive: true });
  ensureConsoleBuild();
  server = await startTestServer('sqlite');
  const seeded = await seedDemoCity(server.database, { venues: 11, days: 2, seed: 7 });
  regulator = seeded.accounts.find((a) => a.role === 'regulator') as DemoAccount;
  const login = await server.request<{ accessToken: string }>('/v1/auth/login', {
    body: { login: regulator.login, password: regulator.password },
  });
  token = login.body.accessToken;
  browser = await launchChromium();
  context = await consoleSignedIn(browser, server.baseUrl, regulator);
}, 600_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
});

describe('a regulator records an inspection in the console', () => {
  it('opens a venue from the plan, fails one item with a remark, both sign; the record and the public grade show it', async () => {
    const page = await context.newPage();
    await page.goto(consoleUrl('#/risk'));
    const visit = page.getByTestId('plan-visits').getByRole('link', { name: '去检查' }).first();
    await visit.waitFor({ timeout: 30_000 });
    await visit.click();
    await page.getByTestId('inspection-form').waitFor({ timeout: 30_000 });
    const venueId = page.url().split('/').pop() ?? '';
    const venue = (await server.request<Venue>(`/v1/venues/${venueId}`, { token })).body;
    const checklist = (await server.request<Checklist>(`/v1/venues/${venueId}/checklist`, { token })).body;
    expect(await page.getByText('关键项').count()).toBeGreaterThan(0);

    const [failed, ...rest] = checklist.items;
    if (!failed) throw new Error('empty checklist');
    await page.getByLabel(`${failed.code} 不符合`, { exact: true }).check();
    for (const item of rest) await page.getByLabel(`${item.code} 符合`, { exact: true }).check();
    await expect(page.getByTestId('running-score').textContent()).resolves.toContain(
      `${checklist.items.length} 项已检查`,
    );

    // A failed item without a remark is refused in words.
    await sign(page, page.getByLabel('检查员签名', { exact: true }));
    await page.getByLabel('负责人姓名').fill('王经理');
    await sign(page, page.getByLabel('负责人签名', { exact: true }));
    await page.getByRole('button', { name: '提交检查记录' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('请填写说明');

    const remark = '冷藏柜内生熟食品混放，未标注日期';
    await page.getByLabel(`${failed.code} 说明`).fill(remark);
    await shot(page, '01-form');
    await page.getByRole('button', { name: '提交检查记录' }).click();

    const score = page.getByTestId('record-score');
    await score.waitFor({ timeout: 45_000 });
    await shot(page, '02-record');
    const id = page.url().split('/').pop() ?? '';
    const record = (await server.request<InspectionRecord>(`/v1/inspections/${id}`, { token })).body;
    await expect(score.textContent()).resolves.toContain(record.score.toFixed(2));
    expect(record.venueId).toBe(venueId);
    expect(record.answers.find((a) => a.code === failed.code)).toMatchObject({ result: 'nonconform', remark });
    expect(record.inspectorSignature).toMatch(/^sha256:/);
    expect(record.countersign).toMatchObject({ kind: 'signed', name: '王经理' });

    const profile = (await server.request<PublicVenueProfile>(`/v1/public/venues/${venue.publicCode}`)).body;
    expect(profile.grade.dynamic?.inspectedOn ?? null).toBe(record.face === 'none' ? null : record.date);
    if (record.face !== 'none') expect(profile.grade.dynamic?.face).toBe(record.face);
  }, 180_000);
});
