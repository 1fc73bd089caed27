/**
 * First start seeds, later starts reuse: the demo city is seeded only when the database has no venue. A seeding that
 * was stopped before its end is undone first (interrupted-seed.ts), so it is seeded again, whole.
 */
import type { Database } from '../db/index.js';
import type { DemoAccount } from './accounts.js';
import { readDemoAccounts, writeDemoAccounts } from './accounts-file.js';
import { discardInterruptedSeed } from './interrupted-seed.js';
import { type SeedOptions, type SeedResult, seedDemoCity } from './seed.js';

export interface EnsureDemoResult {
  /** The seeding that just happened, or null when the data was already there. */
  readonly seeded: SeedResult | null;
  readonly accounts: readonly DemoAccount[];
  /** The rows of a seeding stopped half-way were removed before this one. */
  readonly resumed: boolean;
}

export async function hasVenues({ db }: Database): Promise<boolean> {
  const row = await db.selectFrom('venues').select('id').limit(1).executeTakeFirst();
  return row !== undefined;
}

export async function ensureDemoCity(
  database: Database,
  dataDir: string,
  options: SeedOptions = {},
): Promise<EnsureDemoResult> {
  const resumed = await discardInterruptedSeed(database);
  if (await hasVenues(database)) return { seeded: null, accounts: readDemoAccounts(dataDir), resumed };
  const seeded = await seedDemoCity(database, options);
  writeDemoAccounts(dataDir, seeded.accounts);
  return { seeded, accounts: seeded.accounts, resumed };
}
