/**
 * The H5 venue page as a consumer's phone on a mobile network meets it: Chromium throttled through the DevTools
 * protocol (150 ms round trip, 1.6 Mbps down, 750 kbps up, CPU 4× slower), a cold cache (a fresh context each run),
 * from navigation start to the venue's grade face on screen. Goal ≤ 1.5 s (the web's "good" LCP is 2.5 s); the
 * median of 5 runs is written to artifacts/h5-venue-throttled.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedTestCity } from '../packages/server/src/testing/fixtures.js';
import { startTestServer, type TestServer } from '../packages/server/src/testing/test-server.js';
import { ensureH5Build, inspectVenue, launchChromium, phoneContext, root, shots } from './support/h5-app.js';

const NETWORK = { offline: false, latency: 150, downloadThroughput: 1_600_000 / 8, uploadThroughput: 750_000 / 8 };
const CPU_SLOWDOWN = 4;
const GOAL_MS = 1500;
const RUNS = 5;

let server: TestServer;
let browser: Browser;
let url: string;

beforeAll(async () => {
  await ensureH5Build();
  server = await startTestServer('sqlite');
  const city = await seedTestCity(server);
  await inspectVenue(server, city.venues.school, 9.5);
  const code = (
    await server.request<{ publicCode: string }>(`/v1/venues/${city.venues.school}`, { token: city.manager.token })
  ).body.publicCode;
  url = `${server.baseUrl}/app/#/pages/venue/index?code=${code}`;
  browser = await launchChromium();
}, 480_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** One cold, throttled load: navigation start → the grade's face in the page (ms). */
async function coldLoad(run: number): Promise<{ gradeMs: number }> {
  const context = await phoneContext(browser);
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', NETWORK);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });

    await page.addInitScript(() => {
      type Observer = { observe(target: unknown, options: object): void; disconnect(): void };
      const w = globalThis as unknown as {
        __gradeAt?: number;
        document: { querySelector(s: string): { getClientRects(): { length: number } } | null };
        MutationObserver: new (cb: (records: unknown, observer: Observer) => void) => Observer;
      };
      new w.MutationObserver((_records, observer) => {
        const face = w.document.querySelector('[data-testid="grade-face"] [role="img"]');
        if (face && face.getClientRects().length > 0) {
          w.__gradeAt = performance.now();
          observer.disconnect();
        }
      }).observe(w.document, { subtree: true, childList: true, attributes: true });
    });
    await page.goto(url);
    await page.waitForFunction(() => (globalThis as { __gradeAt?: number }).__gradeAt !== undefined, null, {
      timeout: 60_000,
    });
    const gradeMs = Math.round(await page.evaluate(() => (globalThis as unknown as { __gradeAt: number }).__gradeAt));
    if (run === 0) await page.screenshot({ path: join(shots, 'consumer-venue-throttled.png'), fullPage: true });
    return { gradeMs };
  } finally {
    await context.close();
  }
}

describe('the H5 venue page on a throttled mobile network', () => {
  // Tests never assert timings (a loaded CI machine is not a phone): this one checks the grade shows on a slow
  // network and records the time to it in artifacts/h5-venue-throttled.json for the README's table.
  it(`shows the grade face on a throttled mobile network, cold, and records the time (median of ${RUNS})`, async () => {
    mkdirSync(shots, { recursive: true });
    const runs: { gradeMs: number }[] = [];
    for (let i = 0; i < RUNS; i++) runs.push(await coldLoad(i));
    const sorted = runs.map((r) => r.gradeMs).sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
    writeFileSync(
      join(root, 'artifacts', 'h5-venue-throttled.json'),
      `${JSON.stringify(
        {
          measured: 'navigation start → grade face visible; fresh context (cold cache) per run',
          network: { rttMs: 150, downMbps: 1.6, upMbps: 0.75 },
          cpuSlowdown: CPU_SLOWDOWN,
          gradeVisibleMedianMs: median,
          runsMs: runs.map((r) => r.gradeMs),
          goalMs: GOAL_MS,
        },
        null,
        2,
      )}\n`,
    );
    expect(runs.every((r) => Number.isFinite(r.gradeMs) && r.gradeMs > 0)).toBe(true);
    console.log(`H5 venue page, throttled: grade visible after ${median} ms (median; goal ≤ ${GOAL_MS} ms)`);
  }, 300_000);
});
