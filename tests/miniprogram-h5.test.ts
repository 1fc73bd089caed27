/**
 * The h5 build of the mini-program in headless Chromium against the real server (loopback, SQLite):
 * a consumer opens a venue by its public code, rates it and sees the summary change; an operator has the alerts page
 * open when a colleague records a feverish cook, sees the alert arrive over realtime (MQTT over WebSocket at the
 * server's /mqtt, not the polling fallback) and acknowledges it; offline, a disinfection record waits on the
 * phone and reaches the server exactly once when the network is back. Screenshots: artifacts/screenshots/.
 *
 * The app is served from packages/miniprogram/dist-h5 at /app/ on the server's origin (by the server when it serves
 * it, otherwise by the browser's request routing), so the API is same-origin as in production. The build is made
 * first when missing or older than the sources.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type FakeTencentSms,
  fakeSmsEnv,
  startFakeTencentSms,
} from '../packages/server/src/testing/fake-tencent-sms.js';
import { seedTestCity, TEST_PASSWORD, type TestCity } from '../packages/server/src/testing/fixtures.js';
import { startTestServer, type TestServer } from '../packages/server/src/testing/test-server.js';
import { ensureH5Build, launchChromium, phoneContext, root, shots, signInByPhone } from './support/h5-app.js';

/**
 * Cold navigation to the venue page in a fresh browser context (no cache), timed in the page from navigation start
 * (`performance.timeOrigin`) to the moment the venue's name is in the document.
 */
async function coldVenueProfileMs(url: string, name: string): Promise<number> {
  const fresh = await phoneContext(browser, {}, server.baseUrl);
  try {
    const page = await fresh.newPage();
    await page.addInitScript((expected) => {
      // Runs in the page (the test's TypeScript has no DOM types).
      type Observer = { observe(target: unknown, options: object): void; disconnect(): void };
      const w = globalThis as unknown as {
        __shownAt?: number;
        document: { querySelector(s: string): { textContent: string | null } | null };
        MutationObserver: new (cb: (records: unknown, observer: Observer) => void) => Observer;
      };
      new w.MutationObserver((_records, observer) => {
        if (w.document.querySelector('.venue-name')?.textContent === expected) {
          w.__shownAt = performance.now();
          observer.disconnect();
        }
      }).observe(w.document, { subtree: true, childList: true, characterData: true });
    }, name);
    await page.goto(url);
    await page.waitForFunction(() => (globalThis as { __shownAt?: number }).__shownAt !== undefined);
    return Math.round(await page.evaluate(() => (globalThis as unknown as { __shownAt: number }).__shownAt));
  } finally {
    await fresh.close();
  }
}

const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

let server: TestServer;
let sms: FakeTencentSms;
let city: TestCity;
let browser: Browser;
let context: BrowserContext;
let publicCode: string;
const timings: Record<string, number | number[] | string> = {};

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
}

async function ledgerCount(kind: string): Promise<number> {
  const res = await server.request<{ items: unknown[] }>(
    `/v1/venues/${city.venues.school}/ledgers?kind=${kind}&limit=500`,
    { token: city.manager.token },
  );
  expect(res.status).toBe(200);
  return res.body.items.length;
}

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  await ensureH5Build();
  sms = await startFakeTencentSms();
  server = await startTestServer('sqlite', fakeSmsEnv(sms));
  city = await seedTestCity(server);
  const venue = await server.request<{ publicCode: string }>(`/v1/venues/${city.venues.school}`, {
    token: city.manager.token,
  });
  publicCode = venue.body.publicCode;

  browser = await launchChromium();
  context = await phoneContext(browser, {}, server.baseUrl);
}, 480_000);

afterAll(async () => {
  writeFileSync(join(root, 'artifacts', 'miniprogram-h5-timings.json'), `${JSON.stringify(timings, null, 2)}\n`);
  await context?.close();
  await browser?.close();
  await server?.close();
  await sms?.close();
});

describe('mini-program h5 in Chromium against the real server', () => {
  it('a consumer opens a venue by its public code, rates it and sees the summary change', async () => {
    const page = await context.newPage();
    const venueUrl = `${server.baseUrl}/app/#/pages/venue/index?code=${publicCode}`;
    const runs: number[] = [];
    for (let i = 0; i < 5; i++) runs.push(await coldVenueProfileMs(venueUrl, '第一中学食堂'));
    timings.venueProfileShownMs = median(runs);
    timings.venueProfileShownRunsMs = runs;
    timings.measured = 'cold navigation in a fresh context, navigation start → venue name in the page; median of 5';
    await page.goto(venueUrl);
    await page.getByText('第一中学食堂').first().waitFor();
    await page.getByText('今日台账').waitFor();
    await expect(page.getByText('暂无评价，欢迎第一个评价').count()).resolves.toBe(1);
    await expect(page.getByText('许可证有效').count()).resolves.toBe(1);
    await shot(page, '01-consumer-venue');

    await page.getByText('评价', { exact: true }).click();
    await page.locator('[aria-label="菜品满意"]').click();
    await page.locator('[aria-label="卫生满意"]').click();
    await page.locator('[aria-label="服务一般"]').click();
    await shot(page, '02-consumer-rate');
    await page.getByText('提交评价').click();
    // No WeChat in a browser: the sign-in page asks for a phone number and the code sent to it, then the rating goes.
    await signInByPhone(page, server, sms, '13800000001');
    await page.getByText('评价已提交，感谢您的监督！').waitFor({ timeout: 45_000 });
    await shot(page, '03-consumer-rated');
    expect(sms.messages.some((m) => m.phone === '13800000001')).toBe(true);

    await page.getByText('返回单位页面').click();
    await page.getByText('满意度 67%（1 人评价）').waitFor({ timeout: 45_000 });
    await shot(page, '04-consumer-summary-changed');
    await page.close();
  }, 180_000);

  it('an operator sees a feverish cook’s alert arrive over realtime (not polling) and acknowledges it', async () => {
    const page = await context.newPage();
    // What reaches the alerts page over MQTT-over-WebSocket (the server's own origin, /mqtt) and when it asks for alerts.
    const published: { at: number; text: string }[] = [];
    const alertFetches: number[] = [];
    page.on('websocket', (ws) => {
      if (!ws.url().endsWith('/mqtt')) return;
      ws.on('framereceived', ({ payload }) => {
        const bytes = typeof payload === 'string' ? Buffer.from(payload) : payload;
        // 0x3_: an MQTT PUBLISH.
        if (((bytes[0] ?? 0) & 0xf0) === 0x30) published.push({ at: Date.now(), text: bytes.toString('utf8') });
      });
    });
    page.on('request', (req) => {
      if (req.method() === 'GET' && new URL(req.url()).pathname === '/v1/alerts') alertFetches.push(Date.now());
    });

    await page.goto(`${server.baseUrl}/app/#/operator/login/index`);
    await page.locator('input[placeholder="请输入账号"]').fill(city.manager.login);
    await page.locator('input[placeholder="请输入密码"]').fill(TEST_PASSWORD);
    await page.getByText('登录', { exact: true }).last().click();
    await page.getByText('今日台账').waitFor({ timeout: 45_000 });
    await shot(page, '05-operator-today');

    // The alerts page is open and live before anything happens.
    await page.getByText('告警', { exact: true }).click();
    await page.getByText('暂无告警').waitFor({ timeout: 45_000 });
    await page.getByTestId('realtime-status').getByText('实时推送已连接').waitFor({ timeout: 20_000 });

    // A colleague records the morning check on another phone (same login): the cook has a fever.
    const colleague = await context.newPage();
    await colleague.goto(`${server.baseUrl}/app/#/operator/ledger/index?kind=morning_check`);
    await colleague.getByText('张三', { exact: true }).click();
    await colleague.locator('input[placeholder="请输入体温"]').fill('38.5');
    await colleague.locator('input[placeholder="请输入晨检人"]').fill('王老师');
    await colleague.getByText('保存', { exact: true }).click();
    await colleague.getByText(/^已上传/).waitFor({ timeout: 45_000 });
    const savedAt = Date.now();
    await shot(colleague, '06-operator-morning-check-saved');
    await colleague.close();
    expect(await ledgerCount('morning_check')).toBe(1);

    // Well inside one polling period (the page polls only while realtime is down, every POLL_MS = 10 s).
    const alert = page.locator('[data-alert-id]').first();
    await alert.waitFor({ timeout: 5_000 });
    const shownAt = Date.now();
    timings.alertShownAfterSaveMs = shownAt - savedAt;
    await expect(alert.textContent()).resolves.toMatch(/张三|体温|发热/);
    // It came through the topic: a PUBLISH naming the venue's events arrived and the page answered it with a fetch.
    // (Other fetches may happen too — the page also refreshes when it is shown again — so only the answer is asserted.)
    const pushed = published.find(
      (p) => p.at >= savedAt - 1000 && p.text.includes(`bk/venues/${city.venues.school}/events`),
    );
    expect(pushed).toBeDefined();
    await expect
      .poll(() => alertFetches.some((t) => t >= (pushed?.at ?? Number.POSITIVE_INFINITY)), { timeout: 5_000 })
      .toBe(true);
    await expect(page.getByTestId('realtime-status').textContent()).resolves.toBe('实时推送已连接');
    await shot(page, '07-operator-alert');

    await alert.getByText('确认收到').click();
    await page.getByText('已确认，待处理').waitFor({ timeout: 45_000 });
    await shot(page, '08-operator-alert-acknowledged');
    const alerts = await server.request<{ items: { state: string }[] }>(`/v1/alerts?venueId=${city.venues.school}`, {
      token: city.manager.token,
    });
    expect(alerts.body.items.map((a) => a.state)).toContain('acknowledged');
    await page.close();
  }, 180_000);

  it('an operator sees the venue’s devices and sets the UV lamp’s schedule', async () => {
    const lamp = await server.request<{ device: { id: string } }>(`/v1/venues/${city.venues.school}/devices`, {
      token: city.manager.token,
      body: {
        kind: 'switch',
        vendor: 'tasmota',
        locationKind: 'uv_lamp',
        name: '备餐间紫外线灯',
        binding: { topic: 'h5_uv_lamp_1' },
      },
    });
    expect(lamp.status).toBe(201);
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/app/#/operator/devices/index`);
    const card = page.locator(`[data-device-id="${lamp.body.device.id}"]`);
    await card.getByText('尚未接入').waitFor({ timeout: 45_000 });
    await card.getByText('未设置定时，设备不会自动开启').waitFor();
    await card.getByText('修改定时').click();
    await card.getByText('添加时段').click();
    await card.getByText('保存定时').click();
    await card.getByText('每天 22:00 开启 30 分钟').waitFor({ timeout: 45_000 });
    await card.getByText('定时已下发到设备').waitFor();
    await shot(page, '09-operator-devices');
    const device = await server.request<{ schedule?: { runs: unknown[] } }>(`/v1/devices/${lamp.body.device.id}`, {
      token: city.manager.token,
    });
    expect(device.body.schedule?.runs).toEqual([{ time: '22:00', durationMin: 30 }]);
    await page.close();
  }, 180_000);

  it('offline, a disinfection record waits on the phone and reaches the server once when back online', async () => {
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/app/#/operator/ledger/index?kind=tableware_disinfection`);
    await page.locator('input[placeholder="请输入餐饮具"]').waitFor({ timeout: 45_000 });
    const before = await ledgerCount('tableware_disinfection');

    await context.setOffline(true);
    await page.locator('input[placeholder="请输入餐饮具"]').fill('碗,盘');
    await page.locator('input[placeholder="请输入数量"]').fill('50');
    await page.getByText('蒸汽消毒', { exact: true }).click();
    await page.locator('input[placeholder="请输入温度"]').fill('100');
    await page.locator('input[placeholder="请输入时长"]').fill('15');
    await page.locator('input[placeholder="请输入操作人"]').fill('李师傅');
    await page.getByText('保存', { exact: true }).click();
    await page.getByTestId('saved-waiting').waitFor({ timeout: 45_000 });
    await shot(page, '10-operator-offline-waiting');
    expect(await ledgerCount('tableware_disinfection')).toBe(before);

    await context.setOffline(false);
    await page.getByText(/^已上传/).waitFor({ timeout: 45_000 });
    await shot(page, '11-operator-back-online-sent');
    expect(await ledgerCount('tableware_disinfection')).toBe(before + 1);
    await new Promise((r) => setTimeout(r, 2000));
    expect(await ledgerCount('tableware_disinfection')).toBe(before + 1);
    await page.close();
  }, 180_000);
});
