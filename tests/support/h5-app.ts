/**
 * The H5 build of the mini-program for Chromium tests: built when missing or older than its sources (beside
 * `dist-h5` and swapped in, so a parallel run never serves half a build), a headless Chromium, and a phone-sized
 * browser context (375×812, zh-CN) that serves `/app/` from the build whenever the server itself does not.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { localDay } from '@brightkitchen/sdk';
import { type Browser, type BrowserContext, type BrowserContextOptions, chromium, type Page } from 'playwright-core';
import { inspectionRow } from '../../packages/server/src/inspections/index.js';
import type { FakeTencentSms } from '../../packages/server/src/testing/fake-tencent-sms.js';
import type { TestServer } from '../../packages/server/src/testing/test-server.js';

export const root = fileURLToPath(new URL('../../', import.meta.url));
const mp = join(root, 'packages', 'miniprogram');
export const distH5 = join(mp, 'dist-h5');
/** Where every Chromium run keeps its screenshots, for a person to look at. */
export const shots = join(root, 'artifacts', 'screenshots');

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'application/javascript',
  '.css': 'text/css',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};

function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

/** Builds the H5 app when `dist-h5` is missing or older than the app's or the SDK's sources. */
export async function ensureH5Build(): Promise<void> {
  const index = join(distH5, 'index.html');
  const sources = Math.max(
    newest(join(mp, 'src')),
    newest(join(mp, 'config')),
    newest(join(root, 'packages', 'sdk', 'src')),
  );
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return;
  const next = `${distH5}.next-${process.pid}`;
  try {
    execFileSync('pnpm', ['run', 'build:h5'], {
      cwd: mp,
      stdio: 'pipe',
      timeout: 420_000,
      env: { ...process.env, NODE_ENV: 'production', BK_MP_OUT: next },
    });
    rmSync(distH5, { recursive: true, force: true });
    renameSync(next, distH5);
  } finally {
    rmSync(next, { recursive: true, force: true });
  }
}

/** Headless Chromium as the CI image has it. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/**
 * A phone-sized context; `/app/` comes from the server, or from the build when the server answers 404 for it.
 * Given the server's `baseUrl`, a server that serves the build itself is left unrouted, so the page runs exactly as
 * a phone would see it (routing in the browser also changes caching and timing).
 */
export async function phoneContext(
  browser: Browser,
  options: BrowserContextOptions = {},
  baseUrl?: string,
): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 375, height: 812 }, locale: 'zh-CN', ...options });
  if (baseUrl && (await fetch(`${baseUrl}/app/`)).status === 200) return context;
  await context.route('**/app/**', async (route) => {
    // Asked afresh: a 304 answering the browser's cache validators cannot be handed back to a navigation.
    const headers = { ...route.request().headers() };
    delete headers['if-none-match'];
    delete headers['if-modified-since'];
    const served = await route.fetch({ headers }).catch(() => null);
    if (served && served.status() !== 404) return route.fulfill({ response: served });
    const path = new URL(route.request().url()).pathname.replace(/^\/app\/?/, '') || 'index.html';
    const file = join(distH5, path);
    if (!file.startsWith(distH5) || !existsSync(file) || statSync(file).isDirectory())
      return route.fulfill({ status: 404 });
    return route.fulfill({
      status: 200,
      body: readFileSync(file),
      contentType: TYPES[extname(file)] ?? 'application/octet-stream',
    });
  });
  return context;
}

/** Gives a venue an inspection today with every item at `score` (9+ excellent, 8+ good, 6+ average), as a regulator would. */
export async function inspectVenue(server: TestServer, venueId: string, score: number): Promise<void> {
  const items = [
    { code: '1.1', title: '许可证照', key: true, score, passed: true },
    { code: '2.1', title: '健康证明', key: true, score, passed: true },
  ];
  const date = localDay(Date.now(), 'Asia/Shanghai');
  await server.database.db
    .insertInto('inspections')
    .values(inspectionRow({ venueId, inspector: '赵监管', date, items }, null, new Date().toISOString()))
    .execute();
}

/**
 * Signs a consumer in on the H5 sign-in page (which must be open): `phone`, then the code the fake SMS provider
 * received for it. The number's last code is aged a minute first, as a number gets one code a minute.
 */
export async function signInByPhone(page: Page, server: TestServer, sms: FakeTencentSms, phone: string): Promise<void> {
  await server.database.db
    .updateTable('sms_codes')
    .set({ sent_at: new Date(Date.now() - 61_000).toISOString() })
    .where('phone', '=', phone)
    .execute();
  await page.locator('input[aria-label="手机号"]').waitFor({ timeout: 20_000 });
  await page.locator('input[aria-label="手机号"]').fill(phone);
  const before = sms.messages.length;
  await page.getByText('获取验证码', { exact: true }).click();
  const until = Date.now() + 15_000;
  while (sms.messages.length === before && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
  await page.locator('input[aria-label="短信验证码"]').fill(sms.lastCode(phone) ?? '');
  await page.getByText('登录', { exact: true }).click();
}
