/**
 * `pnpm bench:lists` — recomputing a 45,000-venue city's grades and its red and black lists (goal ≤ 60 s), on
 * SQLite then PostgreSQL (BK_SKIP_POSTGRES=1 skips it). The city is `bk-server seed --venues 45000 --days 365`
 * (BENCH_VENUES, BENCH_DAYS; BENCH_DATA_DIR reuses a seeded SQLite folder). Reference, in the same run: reading
 * every row the two read (venues, two years of inspections, the month's ratings, the 30 days' ledger records)
 * with plain selects and no work on them — the floor any recomputation stands on.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { monthPeriod } from '../../packages/sdk/src/listing/period.js';
import { type Database, migrateToLatest, openDatabase } from '../../packages/server/src/db/index.js';
import { refreshGrades } from '../../packages/server/src/inspections/index.js';
import { computeDraft, publishDraft } from '../../packages/server/src/listings/service.js';
import { startPostgres } from '../../tests/setup/postgres.js';
import { printTable, type Row } from '../lib/table.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const cli = join(root, 'packages/server/dist/cli.js');
const VENUES = Number(process.env.BENCH_VENUES ?? 45_000);
const DAYS = Number(process.env.BENCH_DAYS ?? 365);
const GOAL_MS = 60_000;

function seed(env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, 'seed', '--venues', String(VENUES), '--days', String(DAYS)], {
      env: { ...process.env, BK_TOKEN_SECRET: 'bench-lists-secret-0123456789abcdef0123', ...env },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`seed exited ${code}`))));
  });
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

async function measure(name: string, database: Database): Promise<Row> {
  await migrateToLatest(database);
  const { db } = database;
  const city = await db.selectFrom('regions').select('id').where('parent_id', 'is', null).executeTakeFirstOrThrow();
  const regulator = await db.selectFrom('users').select('id').where('role', '=', 'regulator').executeTakeFirstOrThrow();
  const now = new Date();
  const period = monthPeriod(now, 1);
  const reference = await timed(async () => {
    await db.selectFrom('venues').select(['id', 'data']).execute();
    await db.selectFrom('inspections').select(['venue_id', 'date', 'score', 'items']).execute();
    await db.selectFrom('ratings').select(['venue_id', 'dishes']).where('local_day', '>=', `${period}-01`).execute();
    await db
      .selectFrom('ledger_records')
      .select(['venue_id', 'local_day', 'kind'])
      .where('local_day', '>=', `${period}-01`)
      .execute();
  });
  // A city benchmarked before: its publication goes first (one publication per period).
  await db.deleteFrom('list_members').execute();
  await db.deleteFrom('list_sets').execute();
  const grades = await timed(() => refreshGrades(database, { now }));
  let listed = { red: 0, black: 0, venues: 0 };
  const lists = await timed(async () => {
    const draft = await computeDraft(database, () => undefined, regulator.id, { regionId: city.id, period }, now);
    await publishDraft(database, draft.id, regulator.id, now);
    listed = { red: draft.red.length, black: draft.black.length, venues: draft.venues };
  });
  const total = grades + lists;
  return {
    database: name,
    venues: listed.venues,
    'reference: read the inputs (ms)': reference.toFixed(0),
    'grades (ms)': grades.toFixed(0),
    'lists: draft + publish (ms)': lists.toFixed(0),
    'total (s)': (total / 1000).toFixed(1),
    red: listed.red,
    black: listed.black,
    'goal ≤ 60 s': total <= GOAL_MS ? 'met' : 'missed',
  };
}

const rows: Row[] = [];
const given = process.env.BENCH_DATA_DIR;
const sqliteDir = given ?? mkdtempSync(join(tmpdir(), 'bk-bench-lists-sqlite-'));
try {
  if (!existsSync(join(sqliteDir, 'brightkitchen.db'))) {
    console.error(`SQLite: seeding ${VENUES} venues × ${DAYS} days …`);
    await seed({ BK_DATA_DIR: sqliteDir });
  }
  const sqlite = openDatabase({ kind: 'sqlite', url: join(sqliteDir, 'brightkitchen.db') });
  rows.push(await measure('SQLite', sqlite));
  await sqlite.close();
  if (process.env.BK_SKIP_POSTGRES !== '1') {
    const pg = await startPostgres();
    const pgDir = mkdtempSync(join(tmpdir(), 'bk-bench-lists-pg-'));
    try {
      console.error(`PostgreSQL: seeding ${VENUES} venues × ${DAYS} days …`);
      await seed({ BK_DATA_DIR: pgDir, BK_DATABASE_URL: pg.url });
      const postgres = openDatabase({ kind: 'postgres', url: pg.url });
      rows.push(await measure('PostgreSQL', postgres));
      await postgres.close();
    } finally {
      await pg.stop();
      rmSync(pgDir, { recursive: true, force: true });
    }
  }
} finally {
  if (!given) rmSync(sqliteDir, { recursive: true, force: true });
}
printTable(`Grades and red/black lists of a ${VENUES}-venue city, recomputed`, rows);
