// scratch (to delete): ledger phase only, server optionally under --cpu-prof
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createNodeClient, type LedgerRecord } from '@brightkitchen/sdk/node';
import { startPostgres } from '../../tests/setup/postgres.js';
import { freePort, startProcess } from '../lib/processes.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const cli = join(root, 'packages/server/dist/cli.js');
const ledgerCount = Number(process.env.BENCH_LEDGERS ?? 20_000);
const prof = process.env.PROF === '1' ? ['--cpu-prof', '--cpu-prof-dir=/tmp/ledgerprof'] : [];

async function startServer(dataDir: string, extra: string[] = []) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const started = await startProcess(
    [...prof, cli, 'start', '--port', String(port), '--data-dir', dataDir, '--log-level', 'warn', ...extra],
    `${base}/healthz`,
    { BK_MQTT_PORT: '0', BK_MQTT_WS_PORT: '0', BK_SIMULATOR: '0' },
  );
  return { ...started, base };
}
function recs(n: number): LedgerRecord[] {
  const now = Date.now();
  return Array.from({ length: n }, (_, i) => ({
    kind: 'tableware_disinfection', time: new Date(now - (n - i) * 1000).toISOString(), items: ['碗', '盘'],
    count: 120, method: 'heat_steam', temperatureC: 100, durationSeconds: 600, operator: '压测员',
  })) as LedgerRecord[];
}
async function run(base: string, dataDir: string) {
  const accounts = JSON.parse(readFileSync(join(dataDir, 'demo-accounts.json'), 'utf8')).accounts as any[];
  const m = accounts.find((a) => a.role === 'operator_manager');
  const client = createNodeClient({ baseURL: base });
  await client.auth.login(m.login, m.password);
  const records = recs(ledgerCount);
  let next = 0, stored = 0;
  const t0 = performance.now();
  await Promise.all(Array.from({ length: 4 }, async () => {
    while (next < records.length) {
      const slice = records.slice(next, next + 500); next += 500;
      const r = await client.ledgers.submitMany(m.venueId, slice);
      stored += r.filter((x) => x.status === 201).length;
    }
  }));
  const s = (performance.now() - t0) / 1000;
  const check = await client.ledgers.verifyChain(m.venueId);
  console.log({ stored, perSecond: Math.round(stored / s), chain: check.ok });
}
const dir = mkdtempSync(join(tmpdir(), 'bk-prof-'));
try {
  if (process.env.PG === '1') {
    const pg = await startPostgres();
    try { const s = await startServer(dir, ['--database-url', pg.url]); await run(s.base, dir); await s.stop(); } finally { pg.stop(); }
  } else {
    const s = await startServer(dir); await run(s.base, dir); await s.stop();
  }
} finally { rmSync(dir, { recursive: true, force: true }); }
