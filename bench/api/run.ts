/**
 * `pnpm bench:api` — the platform's HTTP figures, each against a reference measured in the same run:
 *  1. QR profile (GET /v1/public/venues/{code}, codes rotated over every demo venue) vs a bare Fastify
 *     hello-world, both 50 connections from autocannon; the ratio of requests/s and the p99. The public tips and
 *     red/black lists of every demo region beside it.
 *  2. Ledger writes: validated, hash-chained writes/s through the SDK's batch call, on SQLite and PostgreSQL.
 *  3. `bk-server start` to the first answered request, on a first start (seeding) and with data present.
 * Needs `pnpm build` first (it runs the built server, as `pnpm start` does).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createNodeClient, type LedgerRecord } from '@brightkitchen/sdk/node';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import PgModule from 'pg';
import { startPostgres } from '../../tests/setup/postgres.js';
import { freePort, type Started, startProcess } from '../lib/processes.js';
import { printTable, type Row } from '../lib/table.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const cli = join(root, 'packages/server/dist/cli.js');
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const ledgerCount = Number(process.env.BENCH_LEDGERS ?? 20_000);

interface DemoAccount {
  role: string;
  login?: string;
  password?: string;
  venueId?: string;
}

async function startServer(dataDir: string, extra: string[] = []): Promise<Started & { base: string }> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const started = await startProcess(
    [cli, 'start', '--port', String(port), '--data-dir', dataDir, '--log-level', 'warn', ...extra],
    `${base}/healthz`,
    {
      BK_MQTT_PORT: '0',
      BK_MQTT_WS_PORT: '0',
      BK_SIMULATOR: '0',
      // The per-IP limiter stays on (its cost is measured) with a limit this one-address load never reaches.
      BK_LIMIT_PUBLIC_PER_IP: '1000000000',
      BK_LIMIT_LOGIN_PER_IP: '1000000',
      // Required on PostgreSQL (instances sharing a database share it); harmless on SQLite.
      BK_TOKEN_SECRET: 'bench-api-token-secret-0123456789abcdef',
    },
  );
  return { ...started, base };
}

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

interface Measured {
  rps: number;
  p50: number;
  p99: number;
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

/** Each figure's median over the rounds (taken separately: the runs need not agree on which is middle). */
function medianOf(runs: readonly Measured[]): Measured {
  return {
    rps: median(runs.map((r) => r.rps)),
    p50: median(runs.map((r) => r.p50)),
    p99: median(runs.map((r) => r.p99)),
  };
}

async function load(url: string, paths: readonly string[]): Promise<Measured> {
  let i = 0;
  const run = (duration: number) =>
    autocannon({
      url,
      connections: 50,
      duration,
      requests: [
        {
          setupRequest: (req) => {
            req.path = paths[i++ % paths.length] as string;
            return req;
          },
        },
      ],
    });
  await run(2); // warm-up: JIT, caches, connection set-up
  const r = await run(seconds);
  if (r.non2xx > 0 || r.errors > 0) throw new Error(`${url}: ${r.non2xx} non-2xx, ${r.errors} errors`);
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99 };
}

function disinfectionRecords(n: number): LedgerRecord[] {
  const now = Date.now();
  return Array.from({ length: n }, (_, i) => ({
    kind: 'tableware_disinfection',
    time: new Date(now - (n - i) * 1000).toISOString(),
    items: ['碗', '盘'],
    count: 120,
    method: 'heat_steam',
    temperatureC: 100,
    durationSeconds: 600,
    operator: '压测员',
  })) as LedgerRecord[];
}

async function ledgerWrites(base: string, dataDir: string): Promise<{ perSecond: number; stored: number }> {
  const accounts = (
    JSON.parse(readFileSync(join(dataDir, 'demo-accounts.json'), 'utf8')) as { accounts: DemoAccount[] }
  ).accounts;
  const manager = accounts.find((a) => a.role === 'operator_manager');
  if (!manager?.login || !manager.password || !manager.venueId) throw new Error('no demo operator_manager account');
  const client = createNodeClient({ baseURL: base });
  await client.auth.login(manager.login, manager.password);
  const records = disinfectionRecords(ledgerCount);
  const batch = 500;
  const concurrency = 4;
  let next = 0;
  let stored = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < records.length) {
        const slice = records.slice(next, next + batch);
        next += batch;
        const results = await client.ledgers.submitMany(manager.venueId as string, slice);
        stored += results.filter((r) => r.status === 201).length;
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  const check = await client.ledgers.verifyChain(manager.venueId);
  if (!check.ok) throw new Error('hash chain broken after the benchmark');
  return { perSecond: stored / seconds, stored };
}

const dirs: string[] = [];
const tmp = (name: string) => {
  const d = mkdtempSync(join(tmpdir(), `bk-bench-${name}-`));
  dirs.push(d);
  return d;
};

try {
  // 3. start-up: first start seeds the demo city; the second reuses the data.
  const dataDir = tmp('sqlite');
  const first = await startServer(dataDir);
  await first.stop();
  const server = await startServer(dataDir);
  const startRows: Row[] = [
    { start: 'first start (seeds the demo city)', 'ms to first answer': first.readyMs.toFixed(0), goal: '—' },
    { start: 'start with data present', 'ms to first answer': server.readyMs.toFixed(0), goal: '≤ 3000' },
  ];

  // 1. QR profile vs hello-world.
  const db = new Database(join(dataDir, 'brightkitchen.db'), { readonly: true });
  const codes = (db.prepare('select public_code as c from venues').all() as { c: string }[]).map(
    (r) => `/v1/public/venues/${r.c}`,
  );
  // Public tips: every region of the demo city (the districts carry their city's tips too).
  const tipPaths = (db.prepare('select id from regions').all() as { id: string }[]).map(
    (r) => `/v1/public/tips?regionId=${encodeURIComponent(r.id)}`,
  );
  // Public red/black lists: the same regions (the districts fall back to the city's published lists).
  const listPaths = tipPaths.map((path) => path.replace('/v1/public/tips', '/v1/public/lists'));
  db.close();
  // Reference and profile alternate over ROUNDS rounds (hello, profile, hello, profile, …): machine noise
  // (other processes, CPU frequency) then hits both alike; the medians are compared.
  const helloPort = await freePort();
  const hello = await startProcess(
    ['--import', 'tsx', join(root, 'bench/api/hello.ts')],
    `http://127.0.0.1:${helloPort}/hello`,
    { PORT: String(helloPort) },
  );
  const refRuns: Measured[] = [];
  const profileRuns: Measured[] = [];
  const tipsRuns: Measured[] = [];
  const listsRuns: Measured[] = [];
  const sameBytesRuns: Measured[] = [];
  // The lists answer is large (every listed venue with its reasons): also compared with Fastify sending as many bytes.
  const listBytes = Buffer.byteLength(await (await fetch(`${server.base}${listPaths[0]}`)).text());
  try {
    for (let round = 0; round < ROUNDS; round++) {
      refRuns.push(await load(`http://127.0.0.1:${helloPort}`, ['/hello']));
      profileRuns.push(await load(server.base, codes));
      tipsRuns.push(await load(server.base, tipPaths));
      listsRuns.push(await load(server.base, listPaths));
      sameBytesRuns.push(await load(`http://127.0.0.1:${helloPort}`, [`/bytes/${listBytes}`]));
    }
  } finally {
    await hello.stop();
  }
  const ref = medianOf(refRuns);
  const profile = medianOf(profileRuns);
  const tips = medianOf(tipsRuns);
  const lists = medianOf(listsRuns);
  const sameBytes = medianOf(sameBytesRuns);
  const profileRows: Row[] = [
    {
      route: `bare Fastify hello-world (reference), median of ${ROUNDS}`,
      'req/s': ref.rps.toFixed(0),
      'p50 ms': ref.p50,
      'p99 ms': ref.p99,
    },
    {
      route: `QR profile, ${codes.length} venues, median of ${ROUNDS}`,
      'req/s': profile.rps.toFixed(0),
      'p50 ms': profile.p50,
      'p99 ms': profile.p99,
    },
    {
      route: 'ratio of medians (goal ≥ 0.7, p99 ≤ 10 ms)',
      'req/s': (profile.rps / ref.rps).toFixed(2),
      'p50 ms': '',
      'p99 ms': '',
    },
    {
      route: `public tips (GET /v1/public/tips), ${tipPaths.length} regions, median of ${ROUNDS}`,
      'req/s': tips.rps.toFixed(0),
      'p50 ms': tips.p50,
      'p99 ms': tips.p99,
    },
    {
      route: 'ratio of medians, tips (goal ≥ 0.8)',
      'req/s': (tips.rps / ref.rps).toFixed(2),
      'p50 ms': '',
      'p99 ms': '',
    },
    {
      route: `public lists (GET /v1/public/lists), ${listPaths.length} regions, median of ${ROUNDS}`,
      'req/s': lists.rps.toFixed(0),
      'p50 ms': lists.p50,
      'p99 ms': lists.p99,
    },
    {
      route: 'ratio of medians, lists (goal ≥ 0.8)',
      'req/s': (lists.rps / ref.rps).toFixed(2),
      'p50 ms': '',
      'p99 ms': '',
    },
    {
      route: `bare Fastify sending the lists' ${listBytes} bytes (second reference), median of ${ROUNDS}`,
      'req/s': sameBytes.rps.toFixed(0),
      'p50 ms': sameBytes.p50,
      'p99 ms': sameBytes.p99,
    },
    {
      route: 'ratio of medians, lists / same bytes',
      'req/s': (lists.rps / sameBytes.rps).toFixed(2),
      'p50 ms': '',
      'p99 ms': '',
    },
  ];

  // 2. ledger writes on SQLite, then PostgreSQL.
  const sqlite = await ledgerWrites(server.base, dataDir);
  await server.stop();
  const writeRows: Row[] = [
    { database: 'SQLite', records: sqlite.stored, 'writes/s': sqlite.perSecond.toFixed(0), goal: '≥ 5000' },
  ];
  if (process.env.BK_SKIP_POSTGRES !== '1') {
    const pg = await startPostgres();
    try {
      const pgDir = tmp('pg');
      const pgServer = await startServer(pgDir, ['--database-url', pg.url]);
      const result = await ledgerWrites(pgServer.base, pgDir);
      // The QR profile on PostgreSQL: each request also pays the shared per-IP counter's upsert (rate_counters).
      const client = new PgModule.Client({ connectionString: pg.url });
      await client.connect();
      const pgCodes = (await client.query<{ c: string }>('select public_code as c from venues')).rows.map(
        (r) => `/v1/public/venues/${r.c}`,
      );
      await client.end();
      const pgRuns: Measured[] = [];
      for (let round = 0; round < ROUNDS; round++) pgRuns.push(await load(pgServer.base, pgCodes));
      const pgProfile = medianOf(pgRuns);
      profileRows.push({
        route: `QR profile on PostgreSQL (per-IP counter shared), ${pgCodes.length} venues, median of ${ROUNDS}`,
        'req/s': pgProfile.rps.toFixed(0),
        'p50 ms': pgProfile.p50,
        'p99 ms': pgProfile.p99,
      });
      profileRows.push({
        route: 'ratio PostgreSQL / SQLite QR profile',
        'req/s': (pgProfile.rps / profile.rps).toFixed(2),
        'p50 ms': '',
        'p99 ms': '',
      });
      await pgServer.stop();
      writeRows.push({
        database: 'PostgreSQL',
        records: result.stored,
        'writes/s': result.perSecond.toFixed(0),
        goal: '—',
      });
    } finally {
      pg.stop();
    }
  }

  printTable('QR profile vs bare Fastify (50 connections)', profileRows);
  printTable('Validated, hash-chained ledger writes through the SDK (batches of 500, 4 in flight)', writeRows);
  printTable('Start-up', startRows);
} finally {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
}
