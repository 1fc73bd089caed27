/**
 * `pnpm bench:warehouse` — the regulator's console at city scale. Seeds a Liaocheng-size city
 * (`bk-server seed --venues 45000 --days 365`, SQLite then PostgreSQL unless BK_SKIP_POSTGRES=1), starts the
 * built server, and times every console panel's request as the city's admin (the whole city: the largest scope),
 * the risk fit and a cold ranking of every venue, and the map layer; then the same aggregations in DuckDB
 * (in memory, over the same rows) as the reference. Goals: each panel p95 ≤ 300 ms, ranking ≤ 2 s, within 3× DuckDB.
 * BENCH_VENUES (45000), BENCH_DAYS (365), BENCH_REPEATS (20).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_TIME_ZONE, localDay } from '@brightkitchen/sdk';
import { loadConfig } from '../../packages/server/src/config.js';
import { openDatabase } from '../../packages/server/src/db/index.js';
import { readDemoAccounts } from '../../packages/server/src/demo/accounts-file.js';
import { addDays } from '../../packages/server/src/warehouse/range.js';
import { startPostgres } from '../../tests/setup/postgres.js';
import { freePort, startProcess } from '../lib/processes.js';
import { printTable, type Row } from '../lib/table.js';
import { loadDuck, referenceQueries } from './duck.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const cli = join(root, 'packages/server/dist/cli.js');
const VENUES = Number(process.env.BENCH_VENUES ?? 45_000);
const DAYS = Number(process.env.BENCH_DAYS ?? 365);
const REPEATS = Number(process.env.BENCH_REPEATS ?? 20);

const today = localDay(Date.now(), DEFAULT_TIME_ZONE);
const from = addDays(today, -29);
const PANELS: Record<string, string> = {
  overview: '/v1/warehouse/overview',
  completion: `/v1/warehouse/completion?from=${from}&to=${today}`,
  completionToday: '/v1/warehouse/completion/today?limit=100',
  alerts: `/v1/warehouse/alerts?from=${from}&to=${today}`,
  devices: '/v1/warehouse/devices',
  complaints: `/v1/warehouse/complaints?from=${from}&to=${today}`,
  ratings: `/v1/warehouse/ratings?from=${addDays(today, -89)}&to=${today}`,
  mapLayer: '/v1/warehouse/map',
};

const percentile = (values: readonly number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
};
const ms = (v: number) => (Number.isFinite(v) ? v.toFixed(0) : '—');

type Timings = Record<string, number[]>;

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

function seed(env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [cli, 'seed', '--venues', String(VENUES), '--days', String(DAYS)], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    child.once('exit', (code) =>
      code === 0 ? resolve(performance.now() - t0) : reject(new Error(`seed exited ${code}`)),
    );
  });
}

async function platform(
  name: string,
  env: Record<string, string>,
  dataDir: string,
): Promise<{ timings: Timings; seedMs: number }> {
  const fullEnv = { ...env, BK_DATA_DIR: dataDir, BK_TOKEN_SECRET: 'bench-warehouse-secret-0123456789abcdef' };
  console.error(`${name}: seeding ${VENUES} venues × ${DAYS} days …`);
  const seedMs = await seed(fullEnv);
  const port = await freePort();
  const server = await startProcess(
    [cli, 'start', '--port', String(port), '--log-level', 'warn'],
    `http://127.0.0.1:${port}/readyz`,
    { ...fullEnv, BK_DEVICES: 'off', BK_SIMULATOR: '0', BK_MQTT_PORT: '0', BK_MQTT_WS_PORT: '0' },
  );
  try {
    const base = `http://127.0.0.1:${port}`;
    const admin = readDemoAccounts(dataDir).find((a) => a.role === 'admin');
    const login = await fetch(`${base}/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: admin?.login, password: admin?.password }),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const headers = { authorization: `Bearer ${accessToken}` };
    const call = async (path: string, method = 'GET') => {
      const res = await fetch(`${base}${path}`, { method, headers });
      const body = await res.text();
      if (res.status !== 200) throw new Error(`${path}: ${res.status} ${body.slice(0, 200)}`);
      return body;
    };
    const timings: Timings = {};
    for (const [panel, path] of Object.entries(PANELS)) {
      if ((await fetch(`${base}${path}`, { headers })).status === 404) continue; // a panel this build does not have
      await call(path);
      timings[panel] = [];
      for (let i = 0; i < REPEATS; i++) timings[panel].push(await timed(() => call(path)));
    }
    timings.fit = [];
    timings.ranking = [];
    for (let i = 0; i < Math.max(3, Math.floor(REPEATS / 4)); i++) {
      timings.fit.push(await timed(() => call('/v1/risk/model/fit', 'POST')));
      // A refit forgets the cached rankings: this one is computed afresh for every venue.
      timings.ranking.push(await timed(() => call('/v1/risk/venues?limit=100')));
    }
    return { timings, seedMs };
  } finally {
    await server.stop();
  }
}

const dirs: string[] = [];
const tmp = (name: string) => {
  const d = mkdtempSync(join(tmpdir(), `bk-bench-warehouse-${name}-`));
  dirs.push(d);
  return d;
};

try {
  const sqliteDir = tmp('sqlite');
  const runs: { name: string; timings: Timings; seedMs: number }[] = [];
  runs.push({ name: 'SQLite', ...(await platform('SQLite', {}, sqliteDir)) });

  // The reference over the SQLite city's rows.
  const database = openDatabase(loadConfig({ BK_DATA_DIR: sqliteDir }, {}).database);
  const loadStart = performance.now();
  const { duck, rows } = await loadDuck(database);
  await database.close();
  console.error(`DuckDB: ${rows} rows copied in ${((performance.now() - loadStart) / 1000).toFixed(1)} s`);
  const queries = referenceQueries({
    from,
    to: today,
    today,
    from90: addDays(today, -90),
    from3y: addDays(today, -3 * 366),
  });
  const reference: Timings = {};
  for (const [panel, sql] of Object.entries(queries)) {
    await duck.runAndReadAll(sql);
    reference[panel] = [];
    for (let i = 0; i < REPEATS; i++) reference[panel].push(await timed(() => duck.runAndReadAll(sql)));
  }

  if (process.env.BK_SKIP_POSTGRES !== '1') {
    const pg = await startPostgres();
    try {
      runs.push({ name: 'PostgreSQL', ...(await platform('PostgreSQL', { BK_DATABASE_URL: pg.url }, tmp('pg'))) });
    } finally {
      pg.stop();
    }
  }

  const rowsOut: Row[] = [];
  const panels = [...new Set([...Object.keys(runs[0]?.timings ?? {}), ...Object.keys(reference)])];
  for (const panel of panels) {
    const row: Row = { panel };
    for (const run of runs) {
      const t = run.timings[panel] ?? [];
      row[`${run.name} p50`] = ms(percentile(t, 50));
      row[`${run.name} p95`] = ms(percentile(t, 95));
    }
    const ref = reference[panel] ?? [];
    row['DuckDB p50'] = ms(percentile(ref, 50));
    row['DuckDB p95'] = ms(percentile(ref, 95));
    const sqliteP95 = percentile(runs[0]?.timings[panel] ?? [], 95);
    const refP95 = percentile(ref, 95);
    row['SQLite ÷ DuckDB'] =
      Number.isFinite(sqliteP95) && Number.isFinite(refP95) ? `${(sqliteP95 / Math.max(refP95, 1)).toFixed(1)}×` : '—';
    row.goal = panel === 'ranking' ? '≤ 2000' : panel === 'fit' ? '—' : '≤ 300';
    rowsOut.push(row);
  }
  printTable(
    `Warehouse at city scale: ${VENUES} venues, ${DAYS} days of history; request time as the city's admin (ms), against DuckDB over the same rows`,
    rowsOut,
  );
  printTable(
    'Seeding the city',
    runs.map((r) => ({ engine: r.name, seconds: (r.seedMs / 1000).toFixed(1) })),
  );
} finally {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
}
