/**
 * `pnpm bench:video` — the live kitchen, each figure against a reference measured in the same run:
 *  1. first frame: a consumer opens the demo canteen's venue page (H5, Chromium) until the live kitchen shows a
 *     decoded frame, with the stream already running (the demo's recorded channel) and from cold (a channel
 *     started on demand by that first viewer); reference: a bare hls.js page on the same signed URL;
 *  2. viewers: simulated HLS viewers (playlist every second, each new segment once; a process of their own on
 *     core 1) against the platform pinned to core 0 (`taskset -c 0`), stepping up until the p99 segment fetch passes 200 ms; reference: a bare
 *     node:http file server on the same core serving the same folder;
 *  3. CPU per live channel: the pulling ffmpeg (copy, no re-encode) and, apart, the simulated camera's encoder.
 * Env: BENCH_STEPS (100,250,500,1000), BENCH_SECONDS (12), BENCH_RUNS (5). Needs the build (the script does it).
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CameraChannel, PublicVenueProfile } from '@brightkitchen/sdk';
import { readOrCreateTokenSecret } from '../../packages/server/src/config/token-secret.js';
import { readDemoAccounts } from '../../packages/server/src/demo/accounts-file.js';
import { PlayTokens } from '../../packages/server/src/video/play-token.js';
import { ensureH5Build, launchChromium } from '../../tests/support/h5-app.js';
import { freePort } from '../lib/processes.js';
import { printTable, type Row } from '../lib/table.js';
import { barePlayer, timeToFirstFrame } from './first-frame.js';
import type { ViewerLoad } from './viewers.js';

const STEPS = (process.env.BENCH_STEPS ?? '100,250,500,1000').split(',').map(Number);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 12);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const root = join(import.meta.dirname, '..', '..');
const cli = join(root, 'packages', 'server', 'dist', 'cli.js');
const hlsJs = join(
  createRequire(join(root, 'packages', 'miniprogram', 'package.json')).resolve('hls.js'),
  '..',
  'hls.min.js',
);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const percentile = (values: readonly number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
};
const median = (values: readonly number[]) => percentile(values, 50);

async function waitFor(url: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if ((await fetch(url).catch(() => undefined))?.status === 200) return;
    await sleep(50);
  }
  throw new Error(`${url} not ready`);
}

/** Runs on core 0 only (the machine has two; the load generator and Chromium take the other). */
function onCoreZero(args: readonly string[], env: NodeJS.ProcessEnv): ChildProcess {
  return spawn('taskset', ['-c', '0', ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

/** The viewers as a process on core 1 (the platform and the reference server are on core 0). */
function viewersOnCoreOne(urls: readonly string[], count: number): ViewerLoad {
  const file = join(mkdtempSync(join(tmpdir(), 'bk-viewers-')), 'urls.txt');
  writeFileSync(file, urls.join('\n'));
  const out = execFileSync(
    'taskset',
    ['-c', '1', 'npx', 'tsx', join(import.meta.dirname, 'viewers-cli.ts'), file, String(count), String(SECONDS)],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  return JSON.parse(out) as ViewerLoad;
}

const TICKS = 100;
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) / TICKS;
}
const pidsOf = (pattern: string) =>
  execFileSync('pgrep', ['-f', pattern], { encoding: 'utf8' }).trim().split('\n').filter(Boolean).map(Number);

async function main() {
  await ensureH5Build();
  const dataDir = mkdtempSync(join(tmpdir(), 'bk-bench-video-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = onCoreZero(
    [process.execPath, cli, 'start', '--port', String(port), '--data-dir', dataDir, '--log-level', 'warn'],
    {
      BK_MQTT_PORT: '0',
      BK_MQTT_WS_PORT: '0',
      BK_SIMULATOR: '0',
      BK_VIDEO_MAX_VIEWERS: '100000',
      BK_VIDEO_LOCAL_SOURCES: 'on',
      BK_LIMIT_PUBLIC_PER_IP: '1000000000',
    },
  );
  const browser = await launchChromium();
  let bare: ChildProcess | undefined;
  try {
    await waitFor(`${base}/healthz`);
    const accounts = readDemoAccounts(dataDir);
    const manager = accounts.find((a) => a.role === 'operator_manager');
    const admin = accounts.find((a) => a.role === 'admin');
    if (!manager?.venueId || !admin) throw new Error('no demo manager or admin');
    const login = async (account: { login?: string; password?: string }) =>
      (
        (await (
          await fetch(`${base}/v1/auth/login`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ login: account.login, password: account.password }),
          })
        ).json()) as { accessToken: string }
      ).accessToken;
    const adminToken = await login(admin);
    const api = async <T>(path: string, init: { method?: string; body?: unknown } = {}) =>
      (await (
        await fetch(`${base}${path}`, {
          method: init.method ?? 'GET',
          headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
          ...(init.body ? { body: JSON.stringify(init.body) } : {}),
        })
      ).json()) as T;
    const publicCodeOf = async (venueId: string) =>
      (await api<{ publicCode: string }>(`/v1/venues/${venueId}`)).publicCode;
    const demoCode = await publicCodeOf(manager.venueId);
    const profile = () => api<PublicVenueProfile>(`/v1/public/venues/${demoCode}`);
    // The demo camera streams from the start; wait for its first segments.
    let live = (await profile()).liveVideo;
    const warmUrl = `${base}${live.channels[0]?.hlsUrl ?? ''}`;
    await waitFor(warmUrl, 30_000);
    const cameraUrl = (await api<{ items: CameraChannel[] }>(`/v1/venues/${manager.venueId}/cameras`)).items[0]?.source;
    if (cameraUrl?.kind !== 'http') throw new Error('no demo camera');

    // 1. First frame.
    const pageOf = (code: string) => `${base}/app/#/pages/venue/index?code=${code}`;
    const warm: number[] = [];
    const warmBare: number[] = [];
    const cold: number[] = [];
    const venues = (await api<{ items: { id: string }[] }>('/v1/venues?limit=50')).items.filter(
      (v) => v.id !== manager.venueId,
    );
    for (let run = 0; run < RUNS; run++) {
      warm.push(await timeToFirstFrame(browser, pageOf(demoCode)));
      live = (await profile()).liveVideo;
      const signed = live.channels[0]?.hlsUrl ?? '';
      warmBare.push(
        await timeToFirstFrame(browser, `${base}/bench/play`, barePlayer(base, signed, readFileSync(hlsJs))),
      );
      // Cold: a venue whose public channel has never streamed.
      const venue = venues[run];
      if (!venue) break;
      await api(`/v1/venues/${venue.id}/cameras`, {
        method: 'POST',
        body: {
          area: 'cooking',
          name: '后厨',
          source: cameraUrl,
          public: true,
          hours: [{ from: '00:00', to: '24:00' }],
          record: false,
        },
      });
      cold.push(await timeToFirstFrame(browser, pageOf(await publicCodeOf(venue.id))));
    }
    printTable(`First frame after opening the venue page (H5, Chromium, local; median of ${RUNS})`, [
      {
        case: 'reference: bare hls.js page, stream running',
        'median ms': median(warmBare),
        'max ms': Math.max(...warmBare),
        goal: '—',
      },
      { case: 'venue page, stream running', 'median ms': median(warm), 'max ms': Math.max(...warm), goal: '≤ 2000' },
      {
        case: 'venue page, from cold (on demand)',
        'median ms': median(cold),
        'max ms': Math.max(...cold),
        goal: '≤ 4000',
      },
    ]);

    // 3. CPU per channel (before the viewers' load): the demo channel's pull and the simulated camera.
    const pulls = pidsOf('protocol_whitelist');
    const encoders = pidsOf('testsrc2');
    const before = [...pulls, ...encoders].map(cpuSeconds);
    await sleep(10_000);
    const after = [...pulls, ...encoders].map(cpuSeconds);
    const used = after.map((a, i) => a - (before[i] ?? 0));
    const pullCpu = used.slice(0, pulls.length).reduce((s, x) => s + x, 0) / pulls.length / 10;
    const encodeCpu = used.slice(pulls.length).reduce((s, x) => s + x, 0) / Math.max(1, encoders.length) / 10;

    // 2. Viewers on one core, against the bare file server on the same core.
    const demoChannel = live.channels[0]?.hlsUrl.match(/l\.(cam_[^.]+)\./)?.[1] ?? '';
    const tokens = new PlayTokens(readOrCreateTokenSecret(dataDir));
    const barePort = await freePort();
    bare = onCoreZero(
      [
        'npx',
        'tsx',
        join(import.meta.dirname, 'bare-static.ts'),
        join(dataDir, 'video', demoChannel),
        String(barePort),
      ],
      {},
    );
    await waitFor(`http://127.0.0.1:${barePort}/live.m3u8`);
    const rows: Row[] = [];
    for (const count of STEPS) {
      // Distinct viewers from one address: each its own signed URL (the profile gives one per minute to all),
      // signed with the instance's secret as any instance would.
      const expires = Math.floor(Date.now() / 1000) + 3600;
      const urls = Array.from(
        { length: count },
        (_, i) =>
          `${base}/v1/live/${tokens.sign({ kind: 'live', channelId: demoChannel, expires: expires + i })}/live.m3u8`,
      );
      const platform = viewersOnCoreOne(urls, count);
      const reference = viewersOnCoreOne([`http://127.0.0.1:${barePort}/live.m3u8`], count);
      rows.push({
        viewers: count,
        'platform p50 ms': percentile(platform.latencies, 50).toFixed(1),
        'platform p99 ms': percentile(platform.latencies, 99).toFixed(1),
        'platform errors': platform.errors,
        'bare p50 ms': percentile(reference.latencies, 50).toFixed(1),
        'bare p99 ms': percentile(reference.latencies, 99).toFixed(1),
        'MB/s': (platform.bytes / SECONDS / 1e6).toFixed(0),
      });
      if (percentile(platform.latencies, 99) > 1000) break;
    }
    printTable('Concurrent HLS viewers, server on one core (segment fetch, goal p99 ≤ 200 ms at ≥ 500 viewers)', rows);
    printTable('CPU per live channel (10 s, cores)', [
      { process: 'platform: ffmpeg pull (copy to HLS)', cores: pullCpu.toFixed(3) },
      { process: 'simulated camera: ffmpeg encode 640×360 15 fps (not the platform)', cores: encodeCpu.toFixed(3) },
    ]);
  } finally {
    await browser.close();
    bare?.kill('SIGKILL');
    server.kill('SIGTERM');
    await sleep(1500);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
