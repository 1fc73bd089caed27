/**
 * A regulator inspects on the phone (H5 app, phone-sized Chromium, demo city): signs in on the mini-program's login
 * and lands on this week's plan, opens a venue from it, answers the checklist with one item failed and a remark,
 * signs on the screen, the manager declines with a reason, submits; the consumer's QR page then shows the grade it
 * gave. Offline: an inspection submitted with the network cut waits in the outbox and, once the network is back,
 * is stored exactly once. The console's printable record is printed to PDF and read back (venue name, score).
 * Screenshots: artifacts/screenshots/regulator-*.png.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { GRADE_FACE_LABELS, type InspectionRecord, type PublicVenueProfile, type Venue } from '@brightkitchen/sdk';
import type { InspectionPlan } from '@brightkitchen/sdk/warehouse';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoAccount } from '../packages/server/src/demo/index.js';
import { seedDemoCity } from '../packages/server/src/demo/index.js';
import { startTestServer, type TestServer } from '../packages/server/src/testing/test-server.js';
import { ensureConsoleBuild } from './support/console-app.js';
import { ensureH5Build, launchChromium, phoneContext, root, shots } from './support/h5-app.js';

const require = createRequire(import.meta.url);
// The library itself, not its index (which reads a sample PDF when it is not `require`d by a parent module).
const pdfParse = require('pdf-parse/lib/pdf-parse.js') as (data: Buffer) => Promise<{ text: string; numpages: number }>;

let server: TestServer;
let browser: Browser;
let phone: BrowserContext;
let regulator: DemoAccount;
let token: string;
let planVenues: { venueId: string; name: string }[];
/** The venue inspected in the first test, and its record. */
let inspected: { venue: Venue; record: InspectionRecord } | null = null;

const app = (path: string) => `${server.baseUrl}/app/#/${path}`;
async function shot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(700);
  await page.screenshot({ path: join(shots, `regulator-${name}.png`), fullPage: true });
}

async function inspections(venueId: string): Promise<InspectionRecord[]> {
  const res = await server.request<{ items: InspectionRecord[] }>(`/v1/venues/${venueId}/inspections?limit=100`, {
    token,
  });
  expect(res.status).toBe(200);
  return res.body.items;
}

/** Draws a signature with the mouse (pointer events) on a signature canvas, then confirms it. */
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
  // The pad being signed is the first one still open (a confirmed one turns into its picture).
  await page.getByText('确认签名', { exact: true }).first().click();
}

/** Opens the 检查 page of a venue and waits for its checklist. */
async function openInspection(page: Page, venueId: string, name: string): Promise<void> {
  await page.goto(app(`regulator/inspect/index?venueId=${venueId}&name=${encodeURIComponent(name)}`));
  await page.getByTestId('check-item').first().waitFor({ timeout: 45_000 });
}

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  ensureConsoleBuild();
  await ensureH5Build();
  server = await startTestServer('sqlite');
  const seeded = await seedDemoCity(server.database, { venues: 11, days: 2, seed: 7 });
  regulator = seeded.accounts.find((a) => a.role === 'regulator') as DemoAccount;
  const login = await server.request<{ accessToken: string }>('/v1/auth/login', {
    body: { login: regulator.login, password: regulator.password },
  });
  token = login.body.accessToken;
  const plan = await server.request<InspectionPlan>('/v1/risk/plan', { token });
  expect(plan.status).toBe(200);
  planVenues = plan.body.districts.flatMap((d) => d.venues.map((v) => ({ venueId: v.venueId, name: v.name })));
  expect(planVenues.length).toBeGreaterThanOrEqual(2);
  browser = await launchChromium();
  phone = await phoneContext(browser);
}, 600_000);

afterAll(async () => {
  await phone?.close();
  await browser?.close();
  await server?.close();
});

describe('a regulator inspects on the phone (H5)', () => {
  it('opens a venue from the plan, fails one item with a remark, signs, the manager declines; the QR page shows the grade', async () => {
    const page = await phone.newPage();
    // The mini-program's staff login: a regulator on a phone-sized screen lands on this week's plan.
    await page.goto(app('operator/login/index'));
    await page.locator('input[placeholder="请输入账号"]').waitFor({ timeout: 30_000 });
    await page.locator('input[placeholder="请输入账号"]').fill(regulator.login ?? '');
    await page.locator('input[placeholder="请输入密码"]').fill(regulator.password ?? '');
    await page.getByText('登录', { exact: true }).last().click();
    const first = page.getByTestId('plan-venue').first();
    await first.waitFor({ timeout: 45_000 });
    await expect(first.textContent()).resolves.toContain('待检查');
    await expect(first.textContent()).resolves.toContain('原因：');
    await shot(page, '01-plan');

    const venueId = (await first.getAttribute('data-venue-id')) ?? '';
    const venue = (await server.request<Venue>(`/v1/venues/${venueId}`, { token })).body;
    const before = (await inspections(venueId)).length;
    await first.click();
    await page.getByTestId('check-item').first().waitFor({ timeout: 45_000 });
    await expect(page.getByTestId('inspect-venue').textContent()).resolves.toBe(venue.name);
    // Key items are marked.
    expect(await page.locator('.key-mark').count()).toBeGreaterThan(0);

    // One item fails, with what was found; the rest conform.
    await page.getByLabel('3.4 不符合', { exact: true }).click();
    await page.locator('textarea[aria-label="3.4 备注"]').fill('冷藏柜内生熟食品混放，未标注日期');
    await page.getByText('其余未检查项全部', { exact: false }).click();
    await expect(page.locator('[data-testid="check-item"][data-code="3.4"]').getAttribute('data-result')).resolves.toBe(
      'nonconform',
    );
    expect(await page.locator('[data-testid="check-item"][data-result=""]').count()).toBe(0);
    await shot(page, '02-checklist');

    // Submitting unsigned is refused in words.
    await page.getByText('提交检查记录', { exact: true }).click();
    await expect(page.getByTestId('inspect-message').textContent()).resolves.toContain('请检查人员签名');

    await sign(page, page.getByTestId('signature-canvas').first());
    await page.getByLabel('检查人员签名', { exact: true }).first().waitFor();
    await page.getByRole('radio', { name: '拒绝签字' }).click();
    await page.locator('textarea[aria-label="拒签理由"]').fill('负责人对检查结果有异议');
    await shot(page, '03-signed');
    await page.getByText('提交检查记录', { exact: true }).click();

    const sent = page.locator('[data-testid="inspection-sent"][data-state="sent"]');
    await sent.waitFor({ timeout: 45_000 });
    const stored = await inspections(venueId);
    expect(stored).toHaveLength(before + 1);
    const record = stored[0] as InspectionRecord;
    expect(record.answers.find((a) => a.code === '3.4')).toMatchObject({
      result: 'nonconform',
      remark: '冷藏柜内生熟食品混放，未标注日期',
    });
    expect(record.countersign).toEqual({ kind: 'declined', reason: '负责人对检查结果有异议' });
    expect(record.inspectorSignature).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(record.items.filter((i) => !i.passed).map((i) => i.code)).toEqual(['3.4']);
    await expect(page.getByTestId('inspection-score').textContent()).resolves.toBe(`得分 ${record.score.toFixed(2)}`);
    if (record.face !== 'none') await page.getByRole('img', { name: GRADE_FACE_LABELS[record.face].zh }).waitFor();
    await shot(page, '04-sent');
    inspected = { venue, record };

    // The consumer scans the venue's QR code: the public profile and the H5 venue page show the new grade.
    const profile = (await server.request<PublicVenueProfile>(`/v1/public/venues/${venue.publicCode}`)).body;
    expect(profile.grade.dynamic?.inspectedOn ?? null).toBe(record.face === 'none' ? null : record.date);
    if (record.face !== 'none') expect(profile.grade.dynamic?.face).toBe(record.face);
    const consumer = await phone.newPage();
    await consumer.goto(app(`pages/venue/index?code=${venue.publicCode}`));
    await consumer.getByTestId('grade-face').waitFor({ timeout: 45_000 });
    if (record.face === 'none') {
      await expect(consumer.getByTestId('grade-face').textContent()).resolves.toContain('暂无动态等级');
    } else {
      await consumer.getByTestId('grade-face').getByRole('img', { name: GRADE_FACE_LABELS[record.face].zh }).waitFor();
    }
    await shot(consumer, '05-consumer-venue');
    await consumer.close();
    await page.close();
  }, 240_000);

  it('finds a venue by a part of its name, and by the code under its QR code', async () => {
    const target = planVenues[1] as { venueId: string; name: string };
    const venue = (await server.request<Venue>(`/v1/venues/${target.venueId}`, { token })).body;
    const page = await phone.newPage();
    await page.goto(app('regulator/plan/index'));
    await page.getByText('查找单位 / 扫码').click();
    const box = page.locator('input[aria-label="单位名称或二维码编号"]');
    await box.waitFor({ timeout: 30_000 });
    await box.fill(venue.name.slice(1, 5));
    await page.getByText('查找', { exact: true }).click();
    const found = page.getByTestId('found-venue').filter({ hasText: venue.name });
    await found.waitFor({ timeout: 30_000 });
    await shot(page, '05a-find');
    await found.click();
    await page.getByTestId('check-item').first().waitFor({ timeout: 45_000 });
    await expect(page.getByTestId('inspect-venue').textContent()).resolves.toBe(venue.name);

    await page.goto(app('regulator/find/index'));
    await box.waitFor({ timeout: 30_000 });
    await box.fill(`https://bk.example.cn/v/${venue.publicCode}`);
    await page.getByText('查找', { exact: true }).click();
    await page.getByTestId('check-item').first().waitFor({ timeout: 45_000 });
    await expect(page.getByTestId('inspect-venue').textContent()).resolves.toBe(venue.name);
    await page.close();
  }, 120_000);

  it('offline: the inspection waits in the outbox, and is stored exactly once when the network is back', async () => {
    const target = planVenues.find((v) => v.venueId !== inspected?.venue.id) as { venueId: string; name: string };
    const before = (await inspections(target.venueId)).length;
    const page = await phone.newPage();
    await openInspection(page, target.venueId, target.name);
    await page.getByText('其余未检查项全部', { exact: false }).click();
    await sign(page, page.getByTestId('signature-canvas').first());
    await page.getByLabel('检查人员签名', { exact: true }).first().waitFor();
    await page.locator('input[aria-label="负责人姓名"]').fill('王经理');
    await sign(page, page.getByTestId('signature-canvas').first());
    await page.getByLabel('负责人签名', { exact: true }).first().waitFor();

    await phone.setOffline(true);
    await page.getByText('提交检查记录', { exact: true }).click();
    await page.locator('[data-testid="inspection-sent"][data-state="queued"]').waitFor({ timeout: 30_000 });
    await expect(page.getByTestId('outbox-pending').textContent()).resolves.toContain('检查记录 1 份');
    await shot(page, '06-offline-queued');
    expect(await inspections(target.venueId)).toHaveLength(before);

    await phone.setOffline(false);
    await page.locator('[data-testid="inspection-sent"][data-state="sent"]').waitFor({ timeout: 60_000 });
    await page.getByTestId('regulator-outbox').waitFor({ state: 'detached', timeout: 30_000 });
    await shot(page, '07-online-sent');
    // Reopened: nothing waits, and the server holds one inspection, with the manager's signature.
    await page.goto(app('regulator/plan/index'));
    await page.getByTestId('plan-venue').first().waitFor({ timeout: 45_000 });
    expect(await page.getByTestId('regulator-outbox').count()).toBe(0);
    // The plan marks the venue inspected today.
    await expect(page.locator(`[data-venue-id="${target.venueId}"]`).textContent()).resolves.toContain('已检查 ');
    const after = await inspections(target.venueId);
    expect(after).toHaveLength(before + 1);
    expect(after[0]?.countersign).toMatchObject({ kind: 'signed', name: '王经理' });
    await page.close();
  }, 240_000);
});

describe('the printable inspection record (console)', () => {
  it('prints to an A4 PDF naming the venue, the score and both parties', async () => {
    expect(inspected).not.toBeNull();
    const { venue, record } = inspected as { venue: Venue; record: InspectionRecord };
    const desk = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    const page = await desk.newPage();
    await page.goto(`${server.baseUrl}/console/`);
    await page.getByLabel('账号').fill(regulator.login ?? '');
    await page.getByLabel('密码').fill(regulator.password ?? '');
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByTestId('overview-figures').waitFor({ timeout: 30_000 });

    // The venue's inspections, one opened, then its paper copy.
    await page.goto(`${server.baseUrl}/console/#/inspections/venue/${venue.id}`);
    await page.getByRole('cell', { name: record.date }).first().click();
    await page.getByTestId('inspection-detail').waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: '打印检查记录' }).click();
    const printable = page.getByTestId('printable-record');
    await printable.waitFor({ timeout: 30_000 });
    await expect(page.getByTestId('print-venue').textContent()).resolves.toBe(venue.name);
    await expect(page.getByTestId('countersign-declined').textContent()).resolves.toContain('负责人对检查结果有异议');
    const signature = page.getByAltText('检查人员签名');
    await signature.waitFor({ timeout: 30_000 });
    await expect.poll(() => signature.evaluate((img) => (img as unknown as { complete: boolean }).complete)).toBe(true);
    expect(await page.locator('tr[data-code]').count()).toBe(record.answers.length);

    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('nav').isVisible()).resolves.toBe(false);
    await expect(page.getByRole('button', { name: '打印', exact: true }).isVisible()).resolves.toBe(false);
    await page.screenshot({ path: join(shots, 'regulator-08-print.png'), fullPage: true });
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    writeFileSync(join(root, 'artifacts', 'inspection-record.pdf'), pdf);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const { text, numpages } = await pdfParse(pdf);
    // The CJK font shares some ideographs' glyphs with radicals (食 with ⻝ U+2EDD, 民 with ⺠ U+2EA0), and its
    // ToUnicode map names the radical: read them back as the ideographs (venue names are drawn from the demo's).
    const RADICALS: Record<string, string> = { '\u2edd': '食', '\u2ea0': '民' };
    const flat = text
      .normalize('NFKC')
      .replace(/[\u2edd\u2ea0]/g, (radical) => RADICALS[radical] ?? radical)
      .replace(/\s+/g, '');
    expect(numpages).toBeGreaterThanOrEqual(1);
    expect(flat).toContain(venue.name.replace(/\s+/g, ''));
    expect(flat).toContain(`${record.score.toFixed(2)}分`);
    expect(flat).toContain('食品安全监督检查记录');
    expect(flat).toContain('冷藏柜内生熟食品混放');
    await desk.close();
  }, 180_000);
});
