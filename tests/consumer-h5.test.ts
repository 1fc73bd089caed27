/**
 * The consumer's H5 app as a person uses it, in phone-sized Chromium against the real server (loopback, SQLite):
 * signs in with a phone number and the SMS code (Tencent Cloud SMS faked at the wire), rates, sends a notice and a
 * complaint with a photo and a location (the browser's WGS-84 sent as GCJ-02), and finds them in "我的" on the
 * venue's clock. No dead ends (back and home on every page, an unknown page or code leads home, no scan button where
 * the browser cannot scan), tab icons drawn, enabled buttons that look enabled, faces for grades, no raw codes.
 * Screenshots of every consumer page: artifacts/screenshots/consumer-*.png.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { formatLocalTime, wgs84ToGcj02 } from '@brightkitchen/sdk';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type FakeTencentSms,
  fakeSmsEnv,
  startFakeTencentSms,
} from '../packages/server/src/testing/fake-tencent-sms.js';
import { seedTestCity, type TestCity } from '../packages/server/src/testing/fixtures.js';
import { startTestServer, type TestServer } from '../packages/server/src/testing/test-server.js';
import { ensureH5Build, launchChromium, phoneContext, root, shots } from './support/h5-app.js';

/** A real PNG (the tab bar's scan icon) to attach to a complaint. */
const PHOTO = join(root, 'packages', 'miniprogram', 'src', 'assets', 'tabbar', 'scan-on.png');
/** Where the phone says it is: a street in Liaocheng, WGS-84 as GPS gives it. */
const HERE = { latitude: 36.4567, longitude: 115.9855 };

let server: TestServer;
let sms: FakeTencentSms;
let city: TestCity;
let browser: Browser;
let publicCode: string;

const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(shots, `consumer-${name}.png`), fullPage: true });
const venueUrl = () => `${server.baseUrl}/app/#/pages/venue/index?code=${publicCode}`;

/** Visible text of the page (what a person reads). */
const pageText = (page: Page) =>
  // biome-ignore lint/performance/useDomNodeTextContent: the text as laid out, what a person reads
  page.evaluate(() => (globalThis as unknown as { document: { body: { innerText: string } } }).document.body.innerText);

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
}, 480_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await sms?.close();
});

/** Fills the sign-in page with `phone` and the code the fake SMS provider received for it. */
async function signIn(page: Page, phone: string): Promise<void> {
  // A minute since this number's last code (a number gets one a minute).
  await server.database.db
    .updateTable('sms_codes')
    .set({ sent_at: new Date(Date.now() - 61_000).toISOString() })
    .where('phone', '=', phone)
    .execute();
  await page.locator('input[aria-label="手机号"]').waitFor({ timeout: 20_000 });
  await page.locator('input[aria-label="手机号"]').fill(phone);
  await page.getByText('获取验证码', { exact: true }).click();
  await expect.poll(() => sms.lastCode(phone), { timeout: 15_000 }).toMatch(/^\d{6}$/);
  await page.getByText(/验证码已发送至 \d{3}\*{4}\d{4}/).waitFor();
  await page.locator('input[aria-label="短信验证码"]').fill(sms.lastCode(phone) ?? '');
}

describe('the consumer H5 app in Chromium', () => {
  it('signs in by phone, rates, sends a notice and a complaint with photo and location, and lists them in 我的', async () => {
    const context = await phoneContext(browser, { geolocation: HERE, permissions: ['geolocation'] });
    const page = await context.newPage();
    await page.goto(venueUrl());
    await page.getByText('第一中学食堂').first().waitFor({ timeout: 30_000 });
    await page.getByTestId('grade-face').waitFor();
    await shot(page, '01-venue');

    // Rate: the sign-in page opens on the way, and the rating goes out once signed in.
    await page.getByText('评价', { exact: true }).click();
    await page.locator('[aria-label="菜品满意"]').click();
    await page.locator('[aria-label="卫生满意"]').click();
    await page.locator('[aria-label="服务一般"]').click();
    await shot(page, '02-rate');
    await page.getByText('提交评价').click();
    const phone = '13800138001';
    await signIn(page, phone);
    await shot(page, '03-sign-in');
    await page.getByText('登录', { exact: true }).click();
    await page.getByText('评价已提交，感谢您的监督！').waitFor({ timeout: 30_000 });
    await shot(page, '04-rated');
    await page.getByText('返回单位页面').click();
    await page.getByText('满意度 67%（1 人评价）').waitFor({ timeout: 30_000 });

    // A notice to the venue, already signed in.
    await page.getByText('告知', { exact: true }).click();
    await page.locator('textarea[aria-label="您看到的情况"]').fill('餐厅地面湿滑，请放置提示牌。');
    await shot(page, '05-notice');
    await page.getByText('提交', { exact: true }).click();
    await page.getByText('告知已送达商户').waitFor({ timeout: 30_000 });
    // Back with the navigation bar's back button, as on a phone.
    await page.locator('[aria-label="返回上一页"]').click();
    await page.getByText('第一中学食堂').first().waitFor();

    // A complaint with a photo and the place it was seen.
    await page.getByText('投诉', { exact: true }).click();
    await page.locator('textarea[aria-label="您看到的情况"]').fill('后厨人员未戴口罩，直接用手抓取熟食。');
    const chooser = page.waitForEvent('filechooser');
    await page.locator('[aria-label="添加照片"]').click();
    await (await chooser).setFiles(PHOTO);
    await page.locator('[aria-label="第 1 张照片，点按删除"]').waitFor();
    await page.locator('input[aria-label="附上我的位置"]').click({ force: true });
    await page.getByText('附上我的位置（已获取）').waitFor({ timeout: 20_000 });
    await shot(page, '06-complaint');
    await page.getByText('提交', { exact: true }).click();
    await page.getByText('投诉已提交').waitFor({ timeout: 30_000 });
    await shot(page, '07-complaint-sent');

    const stored = await server.request<{
      items: { location?: { lat: number; lng: number }; photos: unknown[]; submittedAt: string }[];
    }>(`/v1/complaints?venueId=${city.venues.school}`, { token: city.manager.token });
    const complaint = stored.body.items[0];
    const expected = wgs84ToGcj02({ lat: HERE.latitude, lng: HERE.longitude });
    expect(complaint?.photos).toHaveLength(1);
    expect(complaint?.location?.lat).toBeCloseTo(expected.lat, 6);
    expect(complaint?.location?.lng).toBeCloseTo(expected.lng, 6);
    // GCJ-02, not the raw GPS reading: a few hundred metres off it.
    expect(Math.abs((complaint?.location?.lng ?? 0) - HERE.longitude)).toBeGreaterThan(0.001);

    // "我的": both, with the venue's name and the time on the venue's clock.
    await page.getByText('查看我的投诉').click();
    await page.getByTestId('my-complaint').waitFor({ timeout: 30_000 });
    const mine = await pageText(page);
    expect(mine).toContain('第一中学食堂');
    expect(mine).toContain('附照片 1 张，附位置');
    expect(mine).toContain(
      `${formatLocalTime(complaint?.submittedAt ?? '', { style: 'relative', timeZone: 'Asia/Shanghai' })} 提交`,
    );
    expect(mine).toContain('餐厅地面湿滑，请放置提示牌。');
    await shot(page, '08-mine');
    await context.close();
  }, 240_000);

  it('keeps one rating per person and day across visits, and says so in a sentence', async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    await page.goto(venueUrl());
    await page.getByText('评价', { exact: true }).click();
    for (const label of ['菜品满意', '卫生满意', '服务满意']) await page.locator(`[aria-label="${label}"]`).click();
    await page.getByText('提交评价').click();
    // The same number as before: the same person, who rated this venue today already.
    await signIn(page, '13800138001');
    await page.getByText('登录', { exact: true }).click();
    await page.getByText(/您今天已经评价过这家单位了/).waitFor({ timeout: 30_000 });
    expect(await pageText(page)).not.toMatch(/RATING_ALREADY_TODAY|错误代码/);
    await shot(page, '09-rated-already');
    await context.close();
  }, 180_000);

  it('says what is wrong with a sign-in in words: a wrong code, a code asked for again too soon', async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/app/#/pages/mine/index`);
    await page.getByText('手机号登录', { exact: true }).click();
    await signIn(page, '13900139002');
    const right = sms.lastCode('13900139002') ?? '';
    await page.locator('input[aria-label="短信验证码"]').fill(right === '000000' ? '000001' : '000000');
    await page.getByText('登录', { exact: true }).click();
    await page.getByText('验证码不正确，请核对短信中的 6 位数字').waitFor({ timeout: 20_000 });
    await shot(page, '10-sign-in-wrong-code');
    // The countdown holds the button; asked anyway (another tab), the server's answer reads as a wait.
    expect(await page.getByText(/\d+ 秒后重发/).count()).toBe(1);
    await page.locator('input[aria-label="短信验证码"]').fill(right);
    await page.getByText('登录', { exact: true }).click();
    await page.getByText('我的告知').waitFor({ timeout: 20_000 });
    expect(await pageText(page)).toContain('还没有告知记录');
    await shot(page, '11-mine-empty');
    await context.close();
  }, 180_000);

  it('has no dead ends: back and home, an unknown page or code leads home, no scan button a browser cannot use', async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();

    // Home: Chromium here has no BarcodeDetector, so no “扫一扫” that could only fail.
    await page.goto(`${server.baseUrl}/app/#/pages/scan/index`);
    await page.getByText('输入门店码', { exact: true }).waitFor({ timeout: 30_000 });
    const home = await pageText(page);
    expect(home).toContain('用手机相机或微信扫描');
    expect(await page.getByRole('button', { name: '扫一扫' }).count()).toBe(0);
    expect(home).not.toContain('这不是明厨亮灶的二维码');
    // The tab bar's icons are drawn (loaded images, not empty squares).
    const icons = await page.evaluate(() =>
      Array.from(
        (
          globalThis as unknown as {
            document: { querySelectorAll(s: string): ArrayLike<{ complete: boolean; naturalWidth: number }> };
          }
        ).document.querySelectorAll('.weui-tabbar img'),
      ).map((img) => img.complete && img.naturalWidth > 0),
    );
    expect(icons).toEqual([true, true, true]);
    await shot(page, '12-home');

    // Typing a code opens the venue; the bar's home button leads back.
    await page.locator('input[aria-label="门店码"]').fill(publicCode);
    await page.getByText('查看', { exact: true }).click();
    await page.getByText('第一中学食堂').first().waitFor({ timeout: 30_000 });
    await page.locator('[aria-label="返回上一页"]').click();
    await page.getByText('输入门店码', { exact: true }).waitFor();

    // A venue page opened from a link (nothing to go back to) has the home button.
    await page.goto(venueUrl());
    await page.getByText('第一中学食堂').first().waitFor({ timeout: 30_000 });
    expect(await page.locator('[aria-label="回到首页"]').isVisible()).toBe(true);

    // A code nobody has: a sentence and a way home, never “NOT_FOUND”.
    await page.goto(`${server.baseUrl}/app/#/pages/venue/index?code=NOPE0000`);
    await page.getByText('没有找到这家单位，请确认二维码或门店码').waitFor({ timeout: 30_000 });
    expect(await pageText(page)).not.toMatch(/NOT_FOUND|错误代码/);
    await shot(page, '13-unknown-venue');
    await page.getByText('回到首页', { exact: true }).click();
    await page.getByText('输入门店码', { exact: true }).waitFor();

    // A page that does not exist leads home, and says so.
    await page.goto(`${server.baseUrl}/app/#/pages/nowhere/index`);
    await page.getByText('没有找到您要打开的页面，已为您回到首页').waitFor({ timeout: 30_000 });
    await shot(page, '14-unknown-page');
    await context.close();
  }, 180_000);

  it('shows enabled buttons as enabled: no disabled="false", white on green, dark on grey', async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/app/#/pages/login/index`);
    await page.getByText('获取验证码', { exact: true }).waitFor({ timeout: 30_000 });
    const looks = await page.evaluate(() => {
      const doc = (globalThis as unknown as { document: Document }).document;
      const style = (text: string) => {
        const button = Array.from(doc.querySelectorAll('taro-button-core')).find((b) => b.textContent?.trim() === text);
        if (!button) return null;
        const css = (globalThis as unknown as { getComputedStyle(e: Element): CSSStyleDeclaration }).getComputedStyle(
          button,
        );
        return {
          color: css.color,
          background: css.backgroundColor,
          opacity: css.opacity,
          tabindex: button.getAttribute('tabindex'),
        };
      };
      return {
        falseAttributes: doc.querySelectorAll('[disabled="false"]').length,
        login: style('登录'),
        code: style('获取验证码'),
      };
    });
    expect(looks.falseAttributes).toBe(0);
    expect(looks.login).toEqual({
      color: 'rgb(255, 255, 255)',
      background: 'rgb(6, 125, 64)',
      opacity: '1',
      tabindex: '0',
    });
    expect(looks.code).toEqual({
      color: 'rgb(26, 26, 26)',
      background: 'rgb(242, 242, 242)',
      opacity: '1',
      tabindex: '0',
    });
    await context.close();
  }, 120_000);
});

// Types only for the page callbacks above (the test's TypeScript has no DOM library).
type Document = {
  querySelectorAll(selector: string): ArrayLike<Element> & Iterable<Element>;
};
type Element = { textContent: string | null; getAttribute(name: string): string | null };
type CSSStyleDeclaration = { color: string; backgroundColor: string; opacity: string };
