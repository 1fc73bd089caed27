/**
 * The live kitchen as a consumer sees it, in phone-sized Chromium against the real server and real ffmpeg: the
 * venue page plays the kitchen's public camera (the video's clock advances), and outside the camera's hours shows
 * the kitchen's last still and when it can be watched; the manager replays the two minutes around an alert. Screenshots: artifacts/screenshots/consumer-live-kitchen*.png.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alertRow } from '../packages/server/src/alerts/alert-book.js';
import { ffmpegAvailable } from '../packages/server/src/demo/demo-camera.js';
import { seedTestCity, TEST_PASSWORD, type TestCity } from '../packages/server/src/testing/fixtures.js';
import { startKitchenCamera } from '../packages/server/src/testing/kitchen-camera.js';
import { startTestServer, type TestServer } from '../packages/server/src/testing/test-server.js';
import type { SimulatedCamera } from '../packages/server/src/video/simulated-camera.js';
import { ensureH5Build, launchChromium, phoneContext, shots } from './support/h5-app.js';

const FFMPEG = process.env.BK_FFMPEG ?? 'ffmpeg';

/** What these tests read of the page's document (the tests compile without the DOM's types). */
interface VideoDocument {
  querySelector(selector: string): { currentTime: number; videoWidth: number; videoHeight: number } | null;
}

describe.skipIf(!ffmpegAvailable(FFMPEG))('live kitchen on the H5 venue page', () => {
  let server: TestServer;
  let city: TestCity;
  let browser: Browser;
  let camera: SimulatedCamera;
  let publicCode: string;
  let channelId: string;

  const venueUrl = () => `${server.baseUrl}/app/#/pages/venue/index?code=${publicCode}`;
  const open = async () => {
    const page = await (await phoneContext(browser, {}, server.baseUrl)).newPage();
    await page.goto(venueUrl());
    return page;
  };
  /** The first video's clock, in seconds. */
  const videoTime = (page: Page) =>
    page.evaluate(
      () => (globalThis as unknown as { document: VideoDocument }).document.querySelector('video')?.currentTime ?? 0,
    );

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    await ensureH5Build();
    server = await startTestServer('sqlite');
    city = await seedTestCity(server);
    const started = await startKitchenCamera(server, city.venues.school, '第一中学食堂 后厨');
    camera = started.camera;
    publicCode = started.publicCode;
    const { channel } = started;
    channelId = channel.id;
    browser = await launchChromium();
  }, 480_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await camera?.stop();
  });

  it('a consumer opening the venue page watches the kitchen: the video plays and its clock advances', async () => {
    const page = await open();
    await page.getByText('后厨实时画面').waitFor();
    await page.getByText('烹饪区').waitFor();
    // Autoplay (muted) starts the stream on demand; the player's clock moves as segments arrive.
    await page.waitForFunction(
      () =>
        ((globalThis as unknown as { document: VideoDocument }).document.querySelector('video')?.currentTime ?? 0) >
        0.5,
      undefined,
      { timeout: 30_000 },
    );
    const first = await videoTime(page);
    await page.waitForFunction(
      (t) =>
        ((globalThis as unknown as { document: VideoDocument }).document.querySelector('video')?.currentTime ?? 0) >
        t + 1,
      first,
      { timeout: 20_000 },
    );
    const size = await page.evaluate(() => {
      const v = (globalThis as unknown as { document: VideoDocument }).document.querySelector('video');
      return { width: v?.videoWidth ?? 0, height: v?.videoHeight ?? 0 };
    });
    expect(size).toEqual({ width: 640, height: 360 });
    await page.screenshot({ path: join(shots, 'consumer-live-kitchen.png'), fullPage: true });
    await page.context().close();
  }, 90_000);

  it('outside the camera’s hours the page shows the last still and when to come back', async () => {
    const hour = Number(
      new Intl.DateTimeFormat('en-GB', { hour: '2-digit', hourCycle: 'h23', timeZone: 'Asia/Shanghai' }).format(
        new Date(),
      ),
    );
    const hours = hour >= 2 ? [{ from: '00:00', to: '01:00' }] : [{ from: '22:00', to: '23:00' }];
    const patched = await server.request(`/v1/venues/${city.venues.school}/cameras/${channelId}`, {
      method: 'PATCH',
      token: city.manager.token,
      body: { hours },
    });
    expect(patched.status).toBe(200);
    const page = await open();
    await page.getByText(`现在不在直播时段，每天 ${hours[0]?.from}–${hours[0]?.to} 可看后厨实时画面`).waitFor();
    expect(await page.locator('video').count()).toBe(0);
    await page.screenshot({ path: join(shots, 'consumer-live-kitchen-off-hours.png'), fullPage: true });
    await page.context().close();
  }, 60_000);

  it('the manager opens an alert and replays the two minutes around it', async () => {
    const alert = alertRow({
      venueId: city.venues.school,
      source: 'violation',
      type: 'no_hat',
      severity: 'warning',
      subject: 'cam-kitchen-1',
      message: { zh: 'AI 抓拍：未戴帽', en: 'AI capture: no hat' },
      openedAt: new Date(Date.now() - 10_000).toISOString(),
    });
    await server.database.db.insertInto('alerts').values(alert).execute();
    const page = await (await phoneContext(browser, {}, server.baseUrl)).newPage();
    await page.goto(`${server.baseUrl}/app/#/operator/login/index`);
    await page.locator('input[placeholder="请输入账号"]').fill(city.manager.login);
    await page.locator('input[placeholder="请输入密码"]').fill(TEST_PASSWORD);
    await page.getByText('登录', { exact: true }).last().click();
    await page.getByText('今日台账').waitFor({ timeout: 45_000 });
    await page.goto(`${server.baseUrl}/app/#/operator/alerts/index`);
    const card = page.locator(`[data-alert-id="${alert.id}"]`);
    await card.getByText('查看前后 2 分钟录像').click();
    await page.waitForFunction(
      (id) =>
        ((globalThis as unknown as { document: VideoDocument }).document.querySelector(
          `[data-alert-id="${id}"] [data-testid="alert-recording"] video`,
        )?.currentTime ?? 0) > 0.5,
      alert.id,
      { timeout: 30_000 },
    );
    await card.screenshot({ path: join(shots, 'operator-alert-recording.png') });
    await page.context().close();
  }, 120_000);
});
