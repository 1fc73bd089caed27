/**
 * Training in the H5 app (phone-sized Chromium, real server, the demo city): the demo cook signs in, reads a lesson,
 * takes the national exam answer by answer — the app closed and opened again half-way, a few answers given offline
 * and sent once the network is back — submits, passes, sees the review and the certificate; the certificate then
 * verifies on the public page by its code (no login), as does the one the demo seeded; a forged code does not.
 * Screenshots: artifacts/screenshots/training-*.png.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoAccount } from '../packages/server/src/demo/index.js';
import { seedDemoCity } from '../packages/server/src/demo/index.js';
import { startTestServer, type TestServer } from '../packages/server/src/testing/test-server.js';
import { paperKey } from '../packages/server/src/training/testing.js';
import { ensureH5Build, launchChromium, phoneContext, shots } from './support/h5-app.js';

let server: TestServer;
let browser: Browser;
let context: BrowserContext;
let cook: DemoAccount;

const field = (label: string) => `[aria-label="${label}"] input, input[aria-label="${label}"]`;
const app = (path: string) => `${server.baseUrl}/app/#/${path}`;

async function shot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(500);
  await page.screenshot({ path: join(shots, `training-${name}.png`), fullPage: true });
}

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  await ensureH5Build();
  server = await startTestServer('sqlite');
  const seeded = await seedDemoCity(server.database, { venues: 11, days: 2, seed: 7 });
  cook = seeded.accounts.find((a) => a.role === 'operator_staff') as DemoAccount;
  browser = await launchChromium();
  context = await phoneContext(browser);
}, 480_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
});

/** The open attempt of the demo cook, as the server keeps it (for the test to know the right answers). */
async function openAttempt(): Promise<string> {
  const row = await server.database.db
    .selectFrom('training_attempts')
    .select('id')
    .where('state', '=', 'open')
    .orderBy('started_at', 'desc')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Answers the question on screen with `answer` (an option letter, letters, or true/false). */
async function answerShown(page: Page, answer: unknown): Promise<void> {
  const card = page.locator('[data-question-id]');
  if (typeof answer === 'boolean') {
    await card
      .locator('.option')
      .filter({ hasText: answer ? '正确' : '错误' })
      .click();
    return;
  }
  for (const letter of Array.isArray(answer) ? answer : [answer]) {
    await card
      .locator('.option')
      .filter({ has: page.locator('.option-letter', { hasText: String(letter) }) })
      .click();
  }
}

describe('training in the H5 app', () => {
  it('a cook reads a lesson, takes the exam across a restart and a lost network, passes and is certified', async () => {
    const page = await context.newPage();
    await page.goto(app('operator/login/index'));
    await page.locator(field('账号')).fill(cook.login as string);
    await page.locator(field('密码')).fill(cook.password as string);
    await page.getByText('登录', { exact: true }).click();
    await page.getByText('培训考试').first().waitFor({ timeout: 20_000 });

    await page.goto(app('training/courses/index'));
    await page.getByText('餐饮服务从业人员食品安全培训考核').first().waitFor({ timeout: 20_000 });
    await shot(page, 'courses');
    await page.locator('[data-course-id="nat-course-basics"]').click();
    await page.getByText('第 1 课 谁对食品安全负责').waitFor();
    await page.locator('[data-lesson-id="duties"]').getByText('学完本课').click();
    await page.locator('[data-lesson-id="duties"]').getByText('✓ 已学完').waitFor();
    await shot(page, 'course');

    await page.goto(app('training/exam/index?id=nat-exam-basics'));
    await page.locator('[data-question-id]').waitFor({ timeout: 20_000 });
    // The paper on the phone carries no key.
    const shown = (await page.locator('body').textContent()) ?? '';
    expect(shown).not.toContain('正确答案');
    const attemptId = await openAttempt();
    const key = await paperKey(server.database, attemptId);
    const questionIds = Object.keys(key);
    expect(questionIds).toHaveLength(50);

    const answerCurrent = async () => {
      const id = (await page.locator('[data-question-id]').getAttribute('data-question-id')) as string;
      await answerShown(page, key[id]);
    };
    // Twenty answers, then the app is closed and opened again.
    for (let i = 0; i < 20; i++) {
      await answerCurrent();
      await page.getByText('下一题', { exact: true }).click();
    }
    await page.getByText('已保存').waitFor();
    await shot(page, 'exam');
    await page.reload();
    await page.getByText('已答 20/50').waitFor({ timeout: 20_000 });

    // The network goes: answers wait on the phone, and are sent once it is back.
    await page.locator('.answer-cell').nth(20).click();
    await context.setOffline(true);
    for (let i = 20; i < 25; i++) {
      await answerCurrent();
      await page.getByText('下一题', { exact: true }).click();
    }
    await page.getByText(/网络不通，\d+ 题待同步/).waitFor();
    await shot(page, 'exam-offline');
    await context.setOffline(false);
    await page.getByText('已保存').waitFor({ timeout: 20_000 });
    const saved = await server.database.db
      .selectFrom('training_answers')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('attempt_id', '=', attemptId)
      .executeTakeFirst();
    expect(Number(saved?.n)).toBe(25);

    for (let i = 25; i < 50; i++) {
      await answerCurrent();
      if (i < 49) await page.getByText('下一题', { exact: true }).click();
    }
    await page.getByText('已答 50/50').waitFor();
    await page.getByText('交卷', { exact: true }).click();
    await page.locator('[data-testid="exam-result"]').getByText('100 分 · 合格').waitFor({ timeout: 20_000 });
    const code = ((await page.locator('[data-testid="certificate-code"]').textContent()) ?? '').replace(/-/g, '');
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{12}$/);
    await shot(page, 'result');

    await page.goto(app('training/certificates/index'));
    await page.locator(`[data-certificate-code="${code}"]`).waitFor({ timeout: 20_000 });
    await shot(page, 'certificates');

    // Anyone checks it by its code, without an account.
    const visitor = await phoneContext(browser);
    try {
      const publicPage = await visitor.newPage();
      await publicPage.goto(app(`training/verify/index?code=${code}`));
      await publicPage.getByText('✓ 证书有效').waitFor({ timeout: 20_000 });
      await publicPage.getByText('培训课程：餐饮服务从业人员食品安全基础').waitFor();
      await shot(publicPage, 'verify');
    } finally {
      await visitor.close();
    }
  });

  it('verifies the certificate the demo seeded by its code, and refuses a forged one', async () => {
    const visitor = await phoneContext(browser);
    const page = await visitor.newPage();
    await page.goto(app(`training/verify/index?code=${cook.certificateCode}`));
    await page.getByText('✓ 证书有效').waitFor({ timeout: 20_000 });
    await page.locator(field('验证码')).fill('ZZZZ-ZZZZ-ZZZZ');
    await page.getByText('核验', { exact: true }).click();
    await page.getByText('✗ 查无此证').waitFor();
    await shot(page, 'verify-forged');
    await visitor.close();
  });
});
