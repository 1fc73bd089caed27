/**
 * Times read on the venue's clock, never the phone's: every consumer page and the operator's alerts, rendered in
 * Chromium whose zone is UTC and whose clock stands at 00:30 in Shanghai (16:30 UTC the day before). A complaint
 * submitted at 00:05 reads "今天 00:05", not "16:05" or the previous day.
 */
import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedTestCity, TEST_PASSWORD, type TestCity } from '../packages/server/src/testing/fixtures.js';
import { morningCheck } from '../packages/server/src/testing/ledger-records.js';
import { liveSmsCode } from '../packages/server/src/testing/sms-codes.js';
import { startTestServer, type TestServer } from '../packages/server/src/testing/test-server.js';
import { ensureH5Build, launchChromium, phoneContext, shots } from './support/h5-app.js';

/** 00:30 on 1 July in Shanghai; still 30 June in UTC. */
const NOW = '2026-06-30T16:30:00Z';
/** 00:05 and 00:10 on 1 July in Shanghai: what the records say happened. */
const AT = '2026-06-30T16:05:00.000Z';
const ANSWERED = '2026-06-30T16:10:00.000Z';
/** How those instants would read on a UTC clock: none may appear. */
const UTC_READINGS = [/16:0[05]/, /16:10/, /06-30/, /6月30日/, /昨天 (00|16)/];

let server: TestServer;
let city: TestCity;
let browser: Browser;
let consumer: { accessToken: string; refreshToken: string; expiresIn: number; user: unknown };
let manager: typeof consumer;
let publicCode: string;

/** A context in UTC at NOW, holding `sessions` (Taro keeps H5 storage as `{"data": …}` in localStorage). */
async function utcPhone(sessions: Record<string, unknown>): Promise<BrowserContext> {
  const context = await phoneContext(browser, { timezoneId: 'UTC' });
  await context.addInitScript(
    (entries: [string, string][]) => {
      const storage = (globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }).localStorage;
      for (const [key, value] of entries) storage.setItem(key, JSON.stringify({ data: value }));
    },
    Object.entries(sessions).map(([key, value]) => [key, typeof value === 'string' ? value : JSON.stringify(value)]),
  );
  return context;
}

const session = (answer: typeof consumer) => ({ ...answer, expiresAt: Date.now() + answer.expiresIn * 1000 });

async function open(
  context: BrowserContext,
  path: string,
  ready: string | RegExp,
): Promise<{ page: Page; text: string }> {
  const page = await context.newPage();
  await page.clock.setFixedTime(new Date(NOW));
  await page.goto(`${server.baseUrl}/app/#/${path}`);
  await page.getByText(ready).first().waitFor({ timeout: 30_000 });
  await page.waitForTimeout(300);
  const text = await page.evaluate(
    // biome-ignore lint/performance/useDomNodeTextContent: the text as laid out, what a person reads
    () => (globalThis as unknown as { document: { body: { innerText: string } } }).document.body.innerText,
  );
  return { page, text };
}

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  await ensureH5Build();
  server = await startTestServer('sqlite');
  city = await seedTestCity(server);
  publicCode = (
    await server.request<{ publicCode: string }>(`/v1/venues/${city.venues.school}`, { token: city.manager.token })
  ).body.publicCode;
  const phone = '13600136004';
  consumer = (
    await server.request<typeof consumer>('/v1/auth/sms', { body: { phone, code: await liveSmsCode(server, phone) } })
  ).body;
  manager = (
    await server.request<typeof consumer>('/v1/auth/login', {
      body: { login: city.manager.login, password: TEST_PASSWORD },
    })
  ).body;

  // A notice (answered) and a complaint, and a feverish cook's alert, all just after midnight on the venue's clock.
  const { db } = server.database;
  const notice = await server.request<{ id: string }>(`/v1/venues/${city.venues.school}/notices`, {
    token: consumer.accessToken,
    body: { subject: '顾客告知', body: '餐厅地面湿滑。' },
  });
  await server.request(`/v1/notices/${notice.body.id}/answer`, {
    token: city.manager.token,
    body: { answer: '已放置提示牌，谢谢。' },
  });
  const complaint = await server.request<{ id: string }>(`/v1/venues/${city.venues.school}/complaints`, {
    token: consumer.accessToken,
    body: { text: '后厨人员未戴口罩。' },
  });
  for (const [table, id, times] of [
    ['notices', notice.body.id, { sentAt: AT, answeredAt: ANSWERED }],
    ['complaints', complaint.body.id, { submittedAt: AT }],
  ] as const) {
    const row = await db.selectFrom(table).select('data').where('id', '=', id).executeTakeFirstOrThrow();
    await db
      .updateTable(table)
      .set({ data: JSON.stringify({ ...JSON.parse(row.data), ...times }), created_at: AT })
      .where('id', '=', id)
      .execute();
  }
  await server.request(`/v1/venues/${city.venues.school}/ledgers`, {
    token: city.staffer.token,
    body: morningCheck(city.staff.fit, { temperatureC: 38.5 }),
    headers: { 'idempotency-key': 'midnight-fever-1' },
  });
  await db.updateTable('alerts').set({ opened_at: AT }).where('venue_id', '=', city.venues.school).execute();
  browser = await launchChromium();
}, 480_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('times on the venue’s clock, on a phone set to UTC just after midnight in Shanghai', () => {
  it('"我的" shows the notice, its answer and the complaint at 00:05 and 00:10 today', async () => {
    const context = await utcPhone({ 'bk-consumer:session': session(consumer) });
    const { page, text } = await open(context, 'pages/mine/index', '我的投诉');
    await page.screenshot({ path: `${shots}/local-time-mine.png`, fullPage: true });
    expect(text).toContain('今天 00:05 发出');
    expect(text).toContain('今天 00:05 提交');
    expect(text).toContain('商户答复（今天 00:10）');
    for (const utc of UTC_READINGS) expect(text).not.toMatch(utc);
    await context.close();
  }, 120_000);

  it('every other consumer page shows no time read on UTC', async () => {
    const context = await utcPhone({ 'bk-consumer:session': session(consumer) });
    const query = `code=${publicCode}&venueId=${city.venues.school}&name=${encodeURIComponent('第一中学食堂')}`;
    for (const [path, ready] of [
      ['pages/scan/index', '输入门店码'],
      ['pages/tips/index', '食品安全小贴士'],
      ['pages/login/index', '获取验证码'],
      [`pages/venue/index?code=${publicCode}`, '今日台账'],
      [`pages/rate/index?${query}`, '请为三项分别选择表情'],
      [`consumer/report/index?type=notice&${query}`, '告知将直接发给商户'],
      [`consumer/report/index?type=complaint&${query}`, '投诉将转给属地'],
    ] as const) {
      const { page, text } = await open(context, path, ready);
      for (const utc of UTC_READINGS) expect(text, path).not.toMatch(utc);
      await page.close();
    }
    await context.close();
  }, 180_000);

  it('the operator’s alert card says when, on the venue’s clock', async () => {
    const context = await utcPhone({
      'bk-operator:session': session(manager),
      'bk-operator:venue': { id: city.venues.school, name: '第一中学食堂', timeZone: 'Asia/Shanghai' },
    });
    const { page, text } = await open(context, 'operator/alerts/index', /体温|发热|张三/);
    await page.screenshot({ path: `${shots}/local-time-operator-alert.png`, fullPage: true });
    expect(text).toContain('今天 00:05');
    for (const utc of UTC_READINGS) expect(text).not.toMatch(utc);
    await context.close();
  }, 120_000);
});
