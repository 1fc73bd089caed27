/** The regulators' console build for Chromium tests: built when missing or older than its sources or the SDK's. */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { root } from './h5-app.js';

const consoleDir = join(root, 'packages', 'console');

function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

export function ensureConsoleBuild(): void {
  const index = join(consoleDir, 'dist', 'index.html');
  const sources = Math.max(newest(join(consoleDir, 'src')), newest(join(root, 'packages', 'sdk', 'dist')));
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return;
  execFileSync('pnpm', ['run', 'build'], { cwd: consoleDir, stdio: 'pipe', timeout: 300_000 });
}

/** A desktop-wide browser context signed in to the console as `account` (the session stays in its localStorage). */
export async function consoleSignedIn(
  browser: Browser,
  baseUrl: string,
  account: { readonly login?: string; readonly password?: string },
): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(`${baseUrl}/console/`);
  await page.getByLabel('账号').fill(account.login ?? '');
  await page.getByLabel('密码').fill(account.password ?? '');
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByTestId('overview-figures').waitFor({ timeout: 30_000 });
  await page.close();
  return context;
}
