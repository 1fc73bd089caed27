/**
 * `pnpm bench:console` — how long a regulator waits for the console's overview: navigation to `#/overview` until its
 * key figures are on screen, in desktop Chromium, against a test server (SQLite) holding a city seeded at scale
 * (BENCH_VENUES, 3000; BENCH_DAYS, 60), as the city's admin (the largest scope) and as the demo regulator (one
 * district). Cold: a fresh browser context each run (no cached scripts, signed in through storage). Reference in the
 * same run: the same page's API calls alone (overview, alerts, completion fetched from a blank page). Goal ≤ 2 s.
 * Also prints the console's bundle (gzip) as built. BENCH_RUNS (5).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { cityScale } from '../../packages/server/src/demo/city-scale.js';
import { seedDemoCity } from '../../packages/server/src/demo/seed.js';
import { startTestServer, type TestServer } from '../../packages/server/src/testing/test-server.js';
import { ensureConsoleBuild } from '../../tests/support/console-app.js';
import { launchChromium, root } from '../../tests/support/h5-app.js';
import { printTable, type Row } from '../lib/table.js';

const VENUES = Number(process.env.BENCH_VENUES ?? 3000);
const DAYS = Number(process.env.BENCH_DAYS ?? 60);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

interface Session {
  readonly who: string;
  readonly accessToken: string;
  readonly storage: { name: string; value: string }[];
}

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/** Signs in through the console's own page once and keeps its localStorage (the SDK's session) for later runs. */
async function signIn(browser: Browser, server: TestServer, who: string, login: string, password: string) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(`${server.baseUrl}/console/`);
  await page.getByLabel('账号').fill(login);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByTestId('overview-figures').waitFor({ timeout: 60_000 });
  const state = await context.storageState();
  const storage = state.origins.find((o) => o.origin === server.baseUrl)?.localStorage ?? [];
  await context.close();
  const answer = await server.request<{ accessToken: string }>('/v1/auth/login', { body: { login, password } });
  return { who, accessToken: answer.body.accessToken, storage } satisfies Session;
}

/** Navigation → the overview's figures shown, from a cold context. */
async function overviewShown(browser: Browser, server: TestServer, session: Session): Promise<number> {
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
    storageState: { cookies: [], origins: [{ origin: server.baseUrl, localStorage: session.storage }] },
  });
  const page = await context.newPage();
  const started = performance.now();
  await page.goto(`${server.baseUrl}/console/#/overview`);
  await page.getByTestId('overview-figures').waitFor({ timeout: 60_000 });
  const ms = performance.now() - started;
  await context.close();
  return ms;
}

/** The reference: the overview's three API calls alone, from a blank page of the same origin. */
async function apiAlone(browser: Browser, server: TestServer, session: Session): Promise<number> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${server.baseUrl}/healthz`).catch(() => undefined);
  const ms = await page.evaluate(async (token) => {
    const started = performance.now();
    const headers = { authorization: `Bearer ${token}` };
    await Promise.all(
      ['/v1/warehouse/overview', '/v1/warehouse/alerts', '/v1/warehouse/completion'].map((p) =>
        fetch(p, { headers }).then((r) => r.json()),
      ),
    );
    return performance.now() - started;
  }, session.accessToken);
  await context.close();
  return ms;
}

function bundle(): Row[] {
  const dir = join(root, 'packages', 'console', 'dist', 'assets');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.js') || f.endsWith('.css'))
    .map((f) => {
      const bytes = readFileSync(join(dir, f));
      const loaded = /^(index|rolldown-runtime)-/.test(f) ? 'first visit' : 'on demand';
      return {
        file: f.replace(/-[\w-]{8}\./, '.'),
        loaded,
        KB: (bytes.length / 1024).toFixed(1),
        'KB gzip': (gzipSync(bytes).length / 1024).toFixed(1),
      };
    });
}

async function main() {
  ensureConsoleBuild();
  const server = await startTestServer('sqlite');
  const seedStarted = performance.now();
  const seeded = await seedDemoCity(server.database, { venues: VENUES, days: DAYS, seed: 7, city: cityScale(VENUES) });
  console.log(`seeded ${VENUES} venues × ${DAYS} days in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`);
  const browser = await launchChromium();
  try {
    const rows: Row[] = [];
    for (const role of ['admin', 'regulator'] as const) {
      const account = seeded.accounts.find((a) => a.role === role);
      if (!account?.login || !account.password) continue;
      const session = await signIn(browser, server, role, account.login, account.password);
      const shown: number[] = [];
      const api: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        shown.push(await overviewShown(browser, server, session));
        api.push(await apiAlone(browser, server, session));
      }
      rows.push({
        'signed in as': role === 'admin' ? `admin (${VENUES} venues)` : `regulator (${account.regionName ?? ''})`,
        'overview shown, median ms': Math.round(median(shown)),
        'max ms': Math.round(Math.max(...shown)),
        'reference: API alone, median ms': Math.round(median(api)),
        goal: '≤ 2000',
      });
    }
    printTable(`Console overview, navigation → figures shown (Chromium, cold, ${RUNS} runs)`, rows);
    printTable('Console bundle (vite build)', bundle());
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
