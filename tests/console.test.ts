/**
 * The regulators' console as a regulator uses it, in desktop Chromium against the real server (SQLite, a seeded
 * demo city): signs in, reads the overview's figures, the risk ranking with a venue's score explained and the
 * week's plan, exports a table to CSV and .xlsx, opens an alert's evidence and a venue; a regulator who signs in on
 * the H5 app lands on the console. Screenshots: artifacts/screenshots/console/*.png; the time from navigation to
 * the overview's figures is written to artifacts/console-overview-ms.json (recorded, never asserted).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Overview, RiskRanking } from '@brightkitchen/sdk/warehouse';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alertRow } from '../packages/server/src/alerts/alert-book.js';
import type { DemoAccount } from '../packages/server/src/demo/index.js';
import { seedDemoCity } from '../packages/server/src/demo/index.js';
import { startTestServer, type TestServer } from '../packages/server/src/testing/test-server.js';
import { ensureConsoleBuild } from './support/console-app.js';
import { ensureH5Build, launchChromium, phoneContext, shots } from './support/h5-app.js';
import { seedVenueCamera } from './support/venue-camera.js';

let server: TestServer;
let browser: Browser;
let context: BrowserContext;
let regulator: DemoAccount;
let seeded: Awaited<ReturnType<typeof seedDemoCity>>;
let token: string;

const consoleUrl = (path = '') => `${server.baseUrl}/console/${path}`;
const consoleShots = join(shots, 'console');
const shot = (page: Page, name: string) => page.screenshot({ path: join(consoleShots, `${name}.png`), fullPage: true });

beforeAll(async () => {
  mkdirSync(consoleShots, { recursive: true });
  ensureConsoleBuild();
  await ensureH5Build();
  server = await startTestServer('sqlite');
  seeded = await seedDemoCity(server.database, { venues: 24, days: 7, seed: 11 });
  regulator = seeded.accounts.find((a) => a.role === 'regulator') as DemoAccount;
  const login = await server.request<{ accessToken: string }>('/v1/auth/login', {
    body: { login: regulator.login, password: regulator.password },
  });
  token = login.body.accessToken;
  browser = await launchChromium();
  context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
    acceptDownloads: true,
  });
  const page = await context.newPage();
  await page.goto(consoleUrl());
  await page.getByLabel('账号').fill(regulator.login ?? '');
  await page.getByLabel('密码').fill(regulator.password ?? '');
  await shot(page, '01-login');
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByTestId('overview-figures').waitFor({ timeout: 30_000 });
  await page.close();
}, 480_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
});

describe('the regulator console in Chromium (demo regulator)', () => {
  it('the overview shows the key figures of the regulator’s regions and its charts', async () => {
    const overview = (await server.request<Overview>('/v1/warehouse/overview', { token })).body;
    const page = await context.newPage();
    // Navigation → the figures on screen, as a regulator waits for it (from a cold page: scripts, API, render).
    const started = Date.now();
    await page.goto(consoleUrl('#/overview'));
    const figures = page.getByTestId('overview-figures');
    await figures.waitFor();
    const shownMs = Date.now() - started;
    writeFileSync(
      join(shots, '..', 'console-overview-ms.json'),
      `${JSON.stringify({ shownMs, venues: overview.venues, at: new Date().toISOString() })}\n`,
    );
    await expect(figures.textContent()).resolves.toContain(`监管单位${overview.venues}`);
    expect(await page.locator('.chart canvas').count()).toBeGreaterThanOrEqual(3);
    await shot(page, '02-overview');
    await page.close();
  }, 60_000);

  it('the header’s region picker offers the regulator’s own district only, and narrows the overview to it', async () => {
    const regions = (await server.request<{ items: { id: string; name: string }[] }>('/v1/regions', { token })).body;
    const page = await context.newPage();
    await page.goto(consoleUrl('#/overview'));
    await page.getByTestId('overview-figures').waitFor();
    const picker = page.getByLabel('辖区');
    await expect(picker.locator('option', { hasText: regulator.regionName ?? '' }).count()).resolves.toBe(1);
    const others = regions.items.filter((r) => r.id !== regulator.regionId).map((r) => r.name);
    const offered = await picker.locator('option').allTextContents();
    expect(offered.filter((name) => others.includes(name))).toEqual([]);
    await picker.selectOption({ label: regulator.regionName ?? '' });
    const district = (
      await server.request<Overview>(`/v1/warehouse/overview?regionId=${regulator.regionId}`, { token })
    ).body;
    await expect(page.getByTestId('overview-figures').textContent()).resolves.toContain(`监管单位${district.venues}`);
    await picker.selectOption({ label: '全部辖区' });
    await page.getByTestId('overview-figures').waitFor();
    await page.close();
  }, 60_000);

  it('the ranking explains a venue’s score and exports what it shows to CSV and Excel', async () => {
    const ranking = (await server.request<RiskRanking>('/v1/risk/venues?limit=50', { token })).body;
    const first = ranking.items[0];
    expect(first).toBeDefined();
    const page = await context.newPage();
    await page.goto(consoleUrl('#/risk'));
    await page
      .getByText(first?.name ?? '')
      .first()
      .click();
    const breakdown = page.getByTestId('risk-breakdown');
    await breakdown.waitFor();
    await expect(breakdown.textContent()).resolves.toContain(`风险分 ${first?.score.toFixed(2)} = 截距`);
    await shot(page, '03-risk');

    const panel = page.locator('section', { hasText: '风险排名（分数越高越优先检查）' });
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      panel.getByRole('button', { name: '导出 CSV' }).click(),
    ]);
    const text = readFileSync((await csv.path()) ?? '', 'utf8');
    const lines = text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('排名,单位,风险分（logit）,主要因素');
    expect(lines[1]?.startsWith(`1,${first?.name}`)).toBe(true);
    expect(lines).toHaveLength(ranking.items.length + 1);

    const [xlsx] = await Promise.all([
      page.waitForEvent('download'),
      panel.getByRole('button', { name: '导出 Excel' }).click(),
    ]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile((await xlsx.path()) ?? '');
    const sheet = book.worksheets[0];
    expect(sheet?.getRow(1).getCell(2).value).toBe('单位');
    expect(sheet?.getRow(2).getCell(2).value).toBe(first?.name);
    await page.close();
  }, 90_000);

  it('a weight pinned as policy is said so on the page and in the score’s breakdown, and can be learned again', async () => {
    const page = await context.newPage();
    await page.goto(consoleUrl('#/risk'));
    const model = page.getByTestId('risk-model');
    await model.waitFor();
    await model.getByLabel('因素').selectOption('sensitive_kind');
    await model.getByLabel('固定权重').fill('0');
    await model.getByRole('button', { name: '固定权重' }).click();
    await expect(page.locator('.policy').textContent()).resolves.toContain('政策固定权重：高风险业态');
    await page.locator('section', { hasText: '风险排名（' }).locator('tbody tr').first().click();
    const pinned = page.getByTestId('risk-breakdown').locator('tr', { hasText: '高风险业态' });
    await expect(pinned.textContent()).resolves.toContain('政策固定');
    await expect(pinned.locator('td').nth(3).textContent()).resolves.toBe('0.000');
    await page.getByRole('button', { name: /^取消固定：高风险业态/ }).click();
    await page.locator('.policy').waitFor({ state: 'detached' });
    await page.close();
  }, 60_000);

  it('the week’s plan and today’s ledger gaps open the venue, with its archive and risk factors', async () => {
    const page = await context.newPage();
    await page.goto(consoleUrl('#/completion'));
    await page.getByText('今日缺项单位').waitFor();
    await page.getByText('各业态台账完成率').waitFor();
    const byDay = page.locator('section', { hasText: '每日台账完成率' }).last();
    expect(await byDay.locator('tbody tr').count()).toBeGreaterThanOrEqual(7);
    await shot(page, '04-completion');
    await page.goto(consoleUrl('#/risk'));
    const plan = page.locator('section', { hasText: '本周检查计划' });
    await plan.locator('tbody tr').first().click();
    await page.getByText('许可证').first().waitFor();
    await page.getByText('风险因素：排名第').waitFor();
    expect(page.url()).toMatch(/#\/venue\/ven_/);
    // The venue's records below: its inspection grade, ledgers, devices, complaints, notices and ratings.
    for (const heading of ['监督检查', '台账记录（最近 30 条）', '设备', '投诉', '告知书']) {
      await page.getByRole('heading', { name: heading, exact: true }).waitFor();
    }
    await expect(page.getByTestId('venue-ratings').textContent()).resolves.toMatch(/消费者评价（\d+ 条/);
    // A sensor registered for the venue shows with its state (never heard from yet).
    const admin = seeded.accounts.find((a) => a.role === 'admin') as DemoAccount;
    const adminLogin = await server.request<{ accessToken: string }>('/v1/auth/login', {
      body: { login: admin.login, password: admin.password },
    });
    const venueId = page.url().split('/').pop() ?? '';
    const registered = await server.request(`/v1/venues/${venueId}/devices`, {
      token: adminLogin.body.accessToken,
      body: {
        kind: 'sensor',
        vendor: 'tasmota',
        locationKind: 'fridge',
        name: '控制台测试冰柜',
        binding: { topic: 'console-test-fridge' },
      },
    });
    expect(registered.status).toBe(201);
    await page.reload();
    const deviceRow = page.locator('tr', { hasText: '控制台测试冰柜' });
    await expect(deviceRow.textContent()).resolves.toContain('未上报');
    await shot(page, '05-venue');
    await page.close();
  }, 60_000);

  it('the alerts page lists the open alerts and opens one’s evidence', async () => {
    const page = await context.newPage();
    await page.goto(consoleUrl('#/alerts'));
    const open = page.locator('section', { hasText: '未处理告警' }).first();
    await open.locator('tbody tr').first().click();
    const evidence = page.getByTestId('alert-evidence');
    await evidence.waitFor();
    await expect(evidence.getByRole('button', { name: '查看前后 2 分钟录像' }).count()).resolves.toBe(1);
    await shot(page, '06-alerts');
    await page.close();
  }, 60_000);

  it('a regulator replays the two minutes around an AI capture from the venue’s recording', async () => {
    const venue = await server.database.db
      .selectFrom('venues')
      .select('id')
      .where('region_id', '=', regulator.regionId ?? '')
      .executeTakeFirstOrThrow();
    const camera = await seedVenueCamera(server, venue.id);
    const capture = alertRow({
      venueId: venue.id,
      source: 'violation',
      type: 'no_mask',
      severity: 'warning',
      subject: 'cam-kitchen-1',
      message: { zh: 'AI 抓拍：未戴口罩（回放测试）', en: 'AI capture: no mask' },
      openedAt: camera.from,
    });
    await server.database.db.insertInto('alerts').values(capture).execute();
    const page = await context.newPage();
    await page.goto(consoleUrl('#/alerts'));
    await page.getByText('AI 抓拍：未戴口罩（回放测试）').click();
    const evidence = page.getByTestId('alert-evidence');
    await evidence.getByRole('button', { name: '查看前后 2 分钟录像' }).click();
    await page.waitForFunction(
      () =>
        ((
          globalThis as unknown as { document: { querySelector(s: string): { currentTime: number } | null } }
        ).document.querySelector('[data-testid="alert-evidence"] video')?.currentTime ?? 0) > 0.5,
      undefined,
      { timeout: 30_000 },
    );
    await shot(page, '07-alert-recording');
    await page.close();
  }, 90_000);

  it('the e-map shows the district’s venues, and a consumer’s new complaint appears without reloading', async () => {
    const page = await context.newPage();
    await page.goto(consoleUrl('#/map'));
    const summary = page.getByTestId('map-summary');
    await page.waitForFunction(
      () =>
        /^[1-9]\d* 家单位在图上/.test(
          (
            globalThis as unknown as { document: { querySelector(s: string): { textContent: string } | null } }
          ).document.querySelector('[data-testid="map-summary"]')?.textContent ?? '',
        ),
      undefined,
      { timeout: 20_000 },
    );
    const consumer = seeded.accounts.find((a) => a.role === 'consumer') as DemoAccount;
    const consumerLogin = await server.request<{ accessToken: string }>('/v1/auth/login', {
      body: { login: consumer.login, password: consumer.password },
    });
    const venue = await server.database.db
      .selectFrom('venues')
      .select(['id', 'name'])
      .where('region_id', '=', regulator.regionId ?? '')
      .executeTakeFirstOrThrow();
    const sent = await server.request(`/v1/venues/${venue.id}/complaints`, {
      token: consumerLogin.body.accessToken,
      body: { text: '地图测试：后厨有老鼠。' },
    });
    expect(sent.status).toBe(201);
    // Polled every second: the complaint shows as the newest point (no reload).
    await page.waitForFunction(
      (name) =>
        (
          (
            globalThis as unknown as { document: { querySelector(s: string): { textContent: string } | null } }
          ).document.querySelector('[data-testid="map-summary"]')?.textContent ?? ''
        ).includes(`${name} 投诉`),
      venue.name,
      { timeout: 10_000 },
    );
    await expect(summary.textContent()).resolves.toContain('最新：');
    await shot(page, '08-map');
    await page.close();
  }, 60_000);

  it('the devices, complaints and ratings pages show their panels', async () => {
    const page = await context.newPage();
    for (const [path, text, name] of [
      ['devices', '设备在线率', '09-devices'],
      ['complaints', '投诉', '10-complaints'],
      ['ratings', '次评价，满意度', '11-ratings'],
    ] as const) {
      await page.goto(consoleUrl(`#/${path}`));
      await page.getByText(text).first().waitFor();
      await shot(page, name);
    }
    await page.close();
  }, 60_000);

  it('a register uploaded in the console is checked, then imported, and its venue is in the archive', async () => {
    const page = await context.newPage();
    await page.goto(consoleUrl('#/import'));
    const csv = `单位名称,许可证编号,主体业态,经营地址,所属区县,发证日期,许可证有效期至\n控制台导入饭店,JY13715029990001,小型餐饮,${regulator.regionName} 3 号,${regulator.regionName},2024-05-01,2029-04-30\n坏行饭店,,小型餐饮,某地,${regulator.regionName},2024-05-01,2029-04-30\n`;
    await page
      .getByLabel('登记表文件')
      .setInputFiles({ name: 'register.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: '检查' }).click();
    await expect(page.getByTestId('import-result').textContent()).resolves.toContain('检查完成：2 行，1 处问题');
    await page.getByText('VALUE_REQUIRED').waitFor();
    // The bad column as the register names it, beside its key.
    await page.getByText('许可证编号（licenceNo）').waitFor();
    await page.getByText('跳过错误行').click();
    await page.getByRole('button', { name: '导入' }).click();
    await page.getByText('导入完成：新增 1').waitFor();
    await shot(page, '12-import');
    const stored = await server.database.db
      .selectFrom('venues')
      .select('name')
      .where('licence_no', '=', 'JY13715029990001')
      .executeTakeFirst();
    expect(stored?.name).toBe('控制台导入饭店');
    await page.close();
  }, 60_000);

  it('training: coverage of the district, and a certificate checked by its code and revoked', async () => {
    const code = seeded.accounts.find((a) => a.certificateCode)?.certificateCode ?? '';
    expect(code).not.toBe('');
    const page = await context.newPage();
    await page.goto(consoleUrl('#/training'));
    await expect(page.getByTestId('training-coverage').textContent()).resolves.toMatch(
      /从业人员 \d+ 人，持有效合格证 \d+ 人/,
    );
    await page.getByLabel('证书编号').fill(code);
    await page.getByRole('button', { name: '核验' }).click();
    const found = page.getByTestId('certificate-found');
    await expect(found.textContent()).resolves.toContain('有效');
    page.once('dialog', (dialog) => void dialog.accept('证书信息与本人不符'));
    await found.getByRole('button', { name: '撤销' }).click();
    await page.getByText('已撤销').waitFor();
    await expect(found.textContent()).resolves.toContain('无效');
    const check = await server.request<{ valid: boolean; reason?: string }>(`/v1/public/certificates/${code}`);
    expect(check.body).toMatchObject({ valid: false, reason: 'revoked' });
    await shot(page, '13-training');
    await page.close();
  }, 60_000);

  it('training: a regulator publishes a district course, then retires it', async () => {
    const page = await context.newPage();
    await page.goto(consoleUrl('#/training'));
    const form = page.locator('form.course-form');
    await form.getByLabel('课程名称').fill('东昌府区夏季食品安全专题');
    await form.getByLabel('简介').fill('夏季高温，冷藏与留样要点。');
    await form.getByLabel('第一课内容').fill('冷藏柜温度应保持在 0–8 ℃，每日记录两次。');
    await form.getByText('厨师', { exact: true }).click();
    await form.getByRole('button', { name: '发布' }).click();
    await page.getByText('已发布「东昌府区夏季食品安全专题」').waitFor();
    const row = page.locator('tr', { hasText: '东昌府区夏季食品安全专题' });
    await expect(row.textContent()).resolves.toContain('已发布');
    page.once('dialog', (dialog) => void dialog.accept());
    await row.click();
    await page.getByText('已下架「东昌府区夏季食品安全专题」').waitFor();
    await expect(page.locator('tr', { hasText: '东昌府区夏季食品安全专题' }).textContent()).resolves.toContain(
      '已下架',
    );
    await shot(page, '14-courses');
    await page.close();
  }, 60_000);

  it('a regulator who signs in on the H5 app on a desktop-wide screen lands on the console', async () => {
    // On a phone-sized screen the H5 app keeps them, on this week's plan (tests/regulator-inspection-h5.test.ts).
    const phone = await phoneContext(browser, { viewport: { width: 1440, height: 900 } }, server.baseUrl);
    const page = await phone.newPage();
    await page.goto(`${server.baseUrl}/app/#/operator/login/index`);
    await page.locator('input[placeholder="请输入账号"]').fill(regulator.login ?? '');
    await page.locator('input[placeholder="请输入密码"]').fill(regulator.password ?? '');
    await page.getByText('登录', { exact: true }).last().click();
    await page.waitForURL(/\/console\/$/, { timeout: 30_000 });
    await page.getByText('明厨亮灶 · 监管平台').waitFor();
    await phone.close();
  }, 60_000);
});
