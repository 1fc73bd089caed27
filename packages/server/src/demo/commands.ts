/**
 * The demo's two entry points in the CLI: `bk-server seed [--venues N] [--days N]` and the first-start
 * seeding of `bk-server start`, both with a progress line, both writing `demo-accounts.json`.
 */
import { join } from 'node:path';
import type { ServerConfig } from '../config.js';
import { type Database, migrateToLatest, openDatabase } from '../db/index.js';
import { DEMO_ACCOUNTS_FILE, writeDemoAccounts } from './accounts-file.js';
import { startBanner } from './banner.js';
import { cityScale } from './city-scale.js';
import { ensureDemoCity, hasVenues } from './ensure.js';
import { discardInterruptedSeed } from './interrupted-seed.js';
import { progressPrinter } from './progress.js';
import { seedDemoCity } from './seed.js';

/** `bk-server seed`: seeds an empty database; refuses to touch one that has data. */
/** From this many venues `seed` builds a city at scale (city-scale.ts) rather than the all-equipped demo. */
const CITY_SCALE_FROM = 2_000;

export async function runSeedCommand(
  config: ServerConfig,
  sizes: { readonly venues?: number; readonly days?: number } = {},
): Promise<number> {
  const database = openDatabase(config.database);
  try {
    await migrateToLatest(database);
    if (await discardInterruptedSeed(database)) console.error(RESUMED);
    if (await hasVenues(database)) {
      console.error(
        `The database already holds data: nothing seeded (${config.database.kind}). 数据库已有数据，未重复生成。`,
      );
      return 1;
    }
    const { venues, days } = sizes;
    const result = await seedDemoCity(database, {
      ...(venues ? { venues } : {}),
      ...(days ? { days } : {}),
      // Beyond a demo's size, a city's: ~2,500 of 44,548 venues equipped, ~440,000 ledger records a year.
      ...(venues && venues > CITY_SCALE_FROM ? { city: cityScale(venues) } : {}),
      onProgress: progressPrinter(),
    });
    const file = writeDemoAccounts(config.dataDir, result.accounts);
    const counts = Object.entries(result.counts)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ');
    console.log(`Seeded the demo city in ${(result.ms / 1000).toFixed(1)} s: ${counts}`);
    console.log(startBanner(`http://${config.host}:${config.port}`, result.accounts, file));
    return 0;
  } finally {
    await database.close();
  }
}

const RESUMED = '[seed] the last seeding was stopped before its end: its rows are removed, seeding again';

/**
 * At start: seed on the first run (empty database), then return the accounts to print. `signal` stops the seeding
 * between two writes (it throws the signal's reason); the next start seeds again.
 */
export async function prepareDemo(database: Database, config: ServerConfig, signal?: AbortSignal) {
  // Said before the seeding's progress lines, not after them.
  if (await discardInterruptedSeed(database)) console.error(RESUMED);
  const result = await ensureDemoCity(database, config.dataDir, {
    onProgress: progressPrinter(),
    ...(signal ? { signal } : {}),
  });
  if (result.seeded) {
    console.error(
      `[seed] demo city ready in ${(result.seeded.ms / 1000).toFixed(1)} s (${result.seeded.counts.venues} venues)`,
    );
  }
  return result.accounts;
}

/** The banner for a listening address (`http://127.0.0.1:8080`). */
export function demoBanner(
  address: string,
  config: ServerConfig,
  accounts: Awaited<ReturnType<typeof prepareDemo>>,
  notes: readonly string[] = [],
) {
  return startBanner(address.replace('[::1]', 'localhost'), accounts, join(config.dataDir, DEMO_ACCOUNTS_FILE), notes);
}
