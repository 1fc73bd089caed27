/**
 * The red and black lists in Chromium against the real server (SQLite, a small demo city): a district's lists are
 * published with the demo canteen on the red list; a consumer who scanned a venue of the city opens 红黑榜 from the
 * home page on a phone, sees the canteen with its reason, taps it, and its page wears the 红榜 badge.
 * Screenshots: artifacts/screenshots/lists-*.png.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoCity } from '../packages/server/src/demo/index.js';
import { startTestServer, type TestServer } from '../packages/server/src/testing/test-server.js';
import { ensureH5Build, launchChromium, phoneContext, shots } from './support/h5-app.js';

let server: TestServer;
let browser: Browser;
let phone: BrowserContext;
let canteen: { id: string; name: string; public_code: string; kind: string; region_id: string };

const shot = (page: Page, name: string) => page.screenshot({ path: join(shots, `lists-${name}.png`), fullPage: true });

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  await ensureH5Build();
  server = await startTestServer('sqlite');
  const seeded = await seedDemoCity(server.database, { venues: 11, days: 2, seed: 11 });
  const manager = seeded.accounts.find((a) => a.role === 'operator_manager');
  const { db } = server.database;
  const regulator = await db.selectFrom('users').select('id').where('role', '=', 'regulator').executeTakeFirstOrThrow();
  canteen = await db
    .selectFrom('venues')
    .select(['id', 'name', 'public_code', 'kind', 'region_id'])
    .where('id', '=', manager?.venueId ?? '')
    .executeTakeFirstOrThrow();
  // This month's lists of the canteen's district, published after the seed's (the newest published ones count).
  const now = new Date();
  const entry = {
    venueId: canteen.id,
    name: canteen.name,
    publicCode: canteen.public_code,
    kind: canteen.kind,
    regionId: canteen.region_id,
    list: 'red',
    score: 93,
    face: 'excellent',
    reasons: ['RED_EXCELLENT'],
    factors: [],
  };
  const day = now.toISOString().slice(0, 10);
  await db
    .insertInto('list_sets')
    .values({
      id: 'lst_browser',
      region_id: canteen.region_id,
      period: now.toISOString().slice(0, 7),
      scope_name: '',
      state: 'published',
      data: JSON.stringify({ from: day, to: day, venues: 11, red: [entry], black: [] }),
      created_at: now.toISOString(),
      computed_by: regulator.id,
      published_at: now.toISOString(),
      published_by: regulator.id,
    })
    .execute();
  await db.insertInto('list_members').values({ list_id: 'lst_browser', venue_id: canteen.id, list: 'red' }).execute();
  browser = await launchChromium();
  phone = await phoneContext(browser);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('red and black lists in the browser', () => {
  it('takes a consumer from home to the published lists, and from a listed venue to its page with the badge', async () => {
    const page = await phone.newPage();
    // Before any scan there is no region: the page says how to see the local lists.
    await page.goto(`${server.baseUrl}/app/#/consumer/lists/index`);
    await page.getByText('扫描任一餐厅的二维码后').waitFor({ timeout: 45_000 });

    // The consumer scans a venue of the district, then goes home and opens 红黑榜.
    await page.goto(`${server.baseUrl}/app/#/pages/venue/index?code=${canteen.public_code}`);
    await page.getByText('食品安全等级').waitFor({ timeout: 45_000 });
    await page.goto(`${server.baseUrl}/app/#/pages/scan/index`);
    await page.getByText('红黑榜：市场监管部门公布的放心餐厅与问题餐厅').click();
    const listed = page.getByTestId('list-red').first();
    await listed.waitFor({ timeout: 30_000 });
    await expect(listed.textContent()).resolves.toContain(canteen.name);
    await expect(listed.textContent()).resolves.toContain('列入红榜');
    await expect(page.getByText('红榜（1 家）').count()).resolves.toBe(1);
    // Screenshots once the page has slid into place.
    await expect.poll(async () => (await listed.boundingBox())?.x ?? 999).toBeLessThan(50);
    await shot(page, '01-lists');

    await listed.click();
    await page.getByText('食品安全等级').waitFor({ timeout: 30_000 });
    await expect(page.locator('.venue-head .badge-red').last().textContent()).resolves.toBe('红榜单位');
    await expect.poll(async () => (await page.locator('.venue-head').last().boundingBox())?.x ?? 999).toBeLessThan(50);
    await shot(page, '02-venue-badge');
  });
});
