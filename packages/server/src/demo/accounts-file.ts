/** `BK_DATA_DIR/demo-accounts.json`: the demo accounts, kept so a second start can print them again. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DemoAccount, DemoAccountsFile } from './accounts.js';

export const DEMO_ACCOUNTS_FILE = 'demo-accounts.json';

export function writeDemoAccounts(dataDir: string, accounts: readonly DemoAccount[], now: Date = new Date()): string {
  const file = join(dataDir, DEMO_ACCOUNTS_FILE);
  const certificateCode = accounts.find((a) => a.certificateCode)?.certificateCode;
  const content: DemoAccountsFile = {
    generatedAt: now.toISOString(),
    accounts,
    ...(certificateCode ? { certificateCode } : {}),
  };
  writeFileSync(file, `${JSON.stringify(content, null, 2)}\n`, { mode: 0o600 });
  return file;
}

export function readDemoAccounts(dataDir: string): DemoAccount[] {
  const file = join(dataDir, DEMO_ACCOUNTS_FILE);
  if (!existsSync(file)) return [];
  try {
    return [...((JSON.parse(readFileSync(file, 'utf8')) as DemoAccountsFile).accounts ?? [])];
  } catch {
    return [];
  }
}
