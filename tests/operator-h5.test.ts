/**
 * Every operator page of the H5 app in phone-sized Chromium, signed in as the demo city's manager: today, the alert
 * history (a feverish cook named on the alert, an AI capture with its snapshot, resolved alerts kept, filters), today's
 * records opened read-only and one corrected (the original marked 已更正), the forms' field sentences, the staff
 * archive (a person added with certificates, another marked as left), and the devices. Screenshots of each page:
 * artifacts/screenshots/operator-*.png, for a person to look at.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { inZone, type LedgerListEntry, localDay, type Staff, startOfLocalDay } from '@brightkitchen/sdk';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SNAPSHOT_JPEG } from '../packages/device-adapters/src/simulator/snapshot-jpeg.js';
import { alertRow } from '../packages/server/src/alerts/alert-book.js';
import type { DemoAccount } from '../packages/server/src/demo/index.js';
import { seedDemoCity } from '../packages/server/src/demo/index.js';
import { startTestServer, type TestServer } from '../packages/server/src/testing/test-server.js';
import { ensureH5Build, launchChromium, phoneContext, shots } from './support/h5-app.js';

let server: TestServer;
let browser: Browser;
let context: BrowserContext;
let manager: DemoAccount;
let token: string;
let venueId: string;
let cook: Staff;

/** A screenshot once the page has slid in (Taro's H5 page transition). */
async function shot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(700);
  await page.screenshot({ path: join(shots, `operator-${name}.png`), fullPage: true });
}
/** A Taro input by its label, whether the label sits on Taro's element or on the input inside it. */
const field = (label: string, tag: 'input' | 'textarea') =>
  `[aria-label="${label}"] ${tag}, ${tag}[aria-label="${label}"]`;
const app = (path: string) => `${server.baseUrl}/app/#/operator/${path}`;

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  await ensureH5Build();
  server = await startTestServer('sqlite');
  const seeded = await seedDemoCity(server.database, { venues: 11, days: 2, seed: 7 });
  manager = seeded.accounts.find((a) => a.role === 'operator_manager') as DemoAccount;
  venueId = manager.venueId as string;
  const login = await server.request<{ accessToken: string }>('/v1/auth/login', {
    body: { login: manager.login, password: manager.password },
  });
  token = login.body.accessToken;
  const staff = await server.request<{ items: Staff[] }>(`/v1/venues/${venueId}/staff`, { token });
  cook = staff.body.items.find((s) => s.role !== 'food_safety_manager' && s.role !== 'principal') as Staff;
  // This morning the cook had a fever: the record is kept and opens an alert naming them.
  const fever = await server.request(`/v1/venues/${venueId}/ledgers`, {
    token,
    body: {
      kind: 'morning_check',
      staffId: cook.id,
      // Twenty minutes ago, but today (just after midnight, the day's start): the records page lists today's.
      time: inZone(Math.max(Date.now() - 20 * 60_000, Date.parse(startOfLocalDay(localDay(Date.now()))))).format(),
      temperatureC: 38.5,
      symptoms: [],
      handCheckOk: true,
      uniformOk: true,
      checker: manager.name,
    },
    headers: { 'idempotency-key': 'operator-h5-fever-1' },
  });
  expect(fever.status).toBe(201);
  // A camera saw someone without a hat an hour ago, with its snapshot.
  const capture = alertRow({
    venueId,
    source: 'violation',
    type: 'no_hat',
    severity: 'warning',
    subject: 'cam-kitchen-1',
    message: { zh: 'AI 抓拍：未戴帽', en: 'AI capture: no hat' },
    details: { confidence: 0.93, hasSnapshot: true },
    openedAt: new Date(Date.now() - 3_600_000).toISOString(),
  });
  await server.database.db.insertInto('alerts').values(capture).execute();
  await server.database.db
    .insertInto('alert_snapshots')
    .values({ alert_id: capture.id, content_type: 'image/jpeg', bytes: SNAPSHOT_JPEG, created_at: capture.opened_at })
    .execute();
  browser = await launchChromium();
  context = await phoneContext(browser);
}, 480_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
});

describe('the operator H5 pages in Chromium (demo manager)', () => {
  it('signs in and shows today', async () => {
    const page = await context.newPage();
    await page.goto(app('login/index'));
    await page.locator('input[placeholder="请输入账号"]').waitFor({ timeout: 30_000 });
    await shot(page, '01-login');
    await page.locator('input[placeholder="请输入账号"]').fill(manager.login ?? '');
    await page.locator('input[placeholder="请输入密码"]').fill(manager.password ?? '');
    await page.getByText('登录', { exact: true }).last().click();
    await page.getByText('今日台账').waitFor({ timeout: 45_000 });
    await shot(page, '02-today');
    await page.close();
  }, 120_000);

  it('shows the alert history: the cook named, the AI capture’s picture, resolved ones kept, filters', async () => {
    const page = await context.newPage();
    await page.goto(app('alerts/index'));
    await page.getByTestId('alert-staff').first().waitFor({ timeout: 45_000 });
    await expect(page.getByTestId('alert-staff').first().textContent()).resolves.toBe(`员工：${cook.name}`);
    const picture = page.getByLabel('AI 抓拍图片').first();
    await picture.waitFor({ timeout: 20_000 });
    // The picture decoded: it has a size.
    await expect
      .poll(() => picture.locator('img').evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth))
      .toBe(320);
    await shot(page, '03-alerts');

    // Resolve the fever alert: it stays, with the action taken.
    const feverCard = page.locator('[data-alert-id]', { has: page.getByTestId('alert-staff') }).first();
    await feverCard.getByText('处理完成').click();
    await feverCard.locator(field('整改措施', 'textarea')).fill('已安排休息，复测体温正常后再上岗');
    await feverCard.getByText('提交整改').click();
    await feverCard.getByText('已处理', { exact: true }).waitFor({ timeout: 20_000 });
    await feverCard.getByText('整改措施：已安排休息，复测体温正常后再上岗').waitFor();
    await shot(page, '04-alert-resolved');

    await page.getByRole('radio', { name: '已处理' }).click();
    await page.locator('[data-alert-id][data-state="resolved"]').first().waitFor({ timeout: 20_000 });
    expect(await page.locator('[data-alert-id]:not([data-state="resolved"])').count()).toBe(0);
    await page.getByRole('radio', { name: 'AI 抓拍' }).click();
    await page.waitForTimeout(1000);
    await shot(page, '05-alerts-filtered');
    await page.close();
  }, 180_000);

  it('opens today’s records read-only and corrects one: a new record, the original marked 已更正', async () => {
    const page = await context.newPage();
    await page.goto(app('today/index'));
    await page.getByText('晨检', { exact: true }).click();
    await page.locator('[data-record-id]').first().waitFor({ timeout: 45_000 });
    await shot(page, '06-records');
    await page.locator('[data-record-id]', { hasText: '38.5' }).first().click();
    await page.getByText('更正这条记录').waitFor({ timeout: 30_000 });
    await shot(page, '07-record');

    await page.getByText('更正这条记录').click();
    await page.getByTestId('correcting').waitFor({ timeout: 30_000 });
    const temperature = page.locator('input[placeholder="请输入体温"]');
    await expect(temperature.inputValue()).resolves.toBe('38.5');
    await temperature.fill('36.5');
    await page.getByText('保存更正').click();
    await page.getByText('请填写更正原因').waitFor();
    await shot(page, '08-correction-form');
    await page.locator(field('更正原因', 'textarea')).fill('体温误录为 38.5，复测 36.5');
    await page.getByText('保存更正').click();
    await page.getByText(/已上传更正/).waitFor({ timeout: 45_000 });
    await shot(page, '09-correction-saved');

    const list = await server.request<{ items: LedgerListEntry[] }>(
      `/v1/venues/${venueId}/ledgers?kind=morning_check&limit=500`,
      { token },
    );
    const original = list.body.items.find((e) => e.correctedBy);
    const correction = list.body.items.find((e) => e.id === original?.correctedBy?.recordId);
    expect(correction?.record).toMatchObject({
      temperatureC: 36.5,
      corrects: { reason: '体温误录为 38.5，复测 36.5' },
    });
    const verify = await server.request<{ ok: boolean }>(`/v1/venues/${venueId}/ledgers/chain/verify`, { token });
    expect(verify.body.ok).toBe(true);

    await page.goto(app(`record/index?id=${original?.id}`));
    await page.getByTestId('corrected-by').waitFor({ timeout: 30_000 });
    await shot(page, '10-record-corrected');
    await page.getByText(/查看更正后的记录/).click();
    await page.getByTestId('corrects').waitFor({ timeout: 30_000 });
    await shot(page, '11-correction-record');
    await page.close();
  }, 180_000);

  it('says what to fix in a form in sentences naming the field', async () => {
    const page = await context.newPage();
    await page.goto(app('ledger/index?kind=morning_check'));
    await page.getByText('保存', { exact: true }).click();
    await page.getByText('请填写体温').waitFor({ timeout: 30_000 });
    await page.locator('input[placeholder="请输入体温"]').fill('46');
    await page.getByText('体温不能高于 45 ℃，请核对是否填错').waitFor();
    await shot(page, '12-form-sentences');
    await page.goto(app('ledger/index?kind=purchase_inspection'));
    await page.getByText('保存', { exact: true }).click();
    await page.getByText('请填写产品名称').waitFor({ timeout: 30_000 });
    await shot(page, '13-purchase-form');
    await page.close();
  }, 120_000);

  it('keeps the staff archive: adds a person with certificates, marks another as left', async () => {
    const page = await context.newPage();
    await page.goto(app('staff/index'));
    await page.getByText('添加员工').waitFor({ timeout: 45_000 });
    await shot(page, '14-staff');
    await page.getByText('添加员工').click();
    await page.locator(field('姓名', 'input')).waitFor({ timeout: 30_000 });
    await page.getByText('保存', { exact: true }).click();
    await page.getByText('请填写姓名').waitFor();
    await shot(page, '15-staff-add-errors');
    await page.locator(field('姓名', 'input')).fill('赵六');
    await page.getByRole('radio', { name: '帮厨' }).click();
    await page.locator(field('健康证明编号', 'input')).fill('JK-2024-0601');
    // Taro's H5 date picker: a wheel that opens on the field; 确定 takes the day shown (today).
    await page.locator('[aria-label="健康证明有效期"]').click();
    await page.waitForTimeout(800);
    await shot(page, '15b-staff-date-picker');
    await page.getByText('确定', { exact: true }).locator('visible=true').click();
    await page.getByText('保存', { exact: true }).click();
    const added = await expect
      .poll(
        async () =>
          (await server.request<{ items: Staff[] }>(`/v1/venues/${venueId}/staff`, { token })).body.items.find(
            (s) => s.name === '赵六',
          ),
        { timeout: 20_000 },
      )
      .toMatchObject({ role: 'helper', healthCertificate: { number: 'JK-2024-0601' } });
    void added;
    await page.close();
    const zhao = (await server.request<{ items: Staff[] }>(`/v1/venues/${venueId}/staff`, { token })).body.items.find(
      (s) => s.name === '赵六',
    ) as Staff;
    const addedBody = { body: zhao };
    const edit = await context.newPage();
    await edit.goto(app(`staff-edit/index?id=${addedBody.body.id}`));
    await edit.getByTestId('staff-left').waitFor({ timeout: 30_000 });
    await shot(edit, '16-staff-edit');
    await edit.getByText('标记为已离职').click();
    await expect
      .poll(
        async () =>
          (await server.request<{ items: Staff[] }>(`/v1/venues/${venueId}/staff`, { token })).body.items.find(
            (s) => s.id === addedBody.body.id,
          )?.leftOn,
        { timeout: 20_000 },
      )
      .toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await edit.close();
    const list = await context.newPage();
    await list.goto(app('staff/index'));
    // Marked today: they work through today, and leave the list tomorrow.
    await list.getByText(/^最后工作日 \d{4}-\d{2}-\d{2}$/).waitFor({ timeout: 30_000 });
    await shot(list, '17-staff-after-left');
    await list.close();
  }, 180_000);

  it('shows the devices', async () => {
    for (const device of [
      {
        kind: 'sensor',
        vendor: 'zigbee2mqtt',
        locationKind: 'fridge',
        name: '1 号冷藏柜',
        binding: { topic: 'op_fridge_1' },
      },
      {
        kind: 'switch',
        vendor: 'tasmota',
        locationKind: 'uv_lamp',
        name: '凉菜间紫外线灯',
        binding: { topic: 'op_uv_1' },
      },
    ]) {
      const res = await server.request(`/v1/venues/${venueId}/devices`, { token, body: device });
      expect(res.status).toBe(201);
    }
    const page = await context.newPage();
    await page.goto(app('devices/index'));
    await page.getByText('1 号冷藏柜').waitFor({ timeout: 30_000 });
    await shot(page, '18-devices');
    await page.close();
  }, 60_000);
});
