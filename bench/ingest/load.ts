/** Runs publishers (or the reference's consumer) in worker threads: see load-worker.ts. */
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { build } from 'esbuild';
import type { LoadJob, LoadReport, LoadRun } from './load-worker.js';

export interface PreparedLoad {
  /**
   * Starts all workers at once (publishers: `count` messages per sensor, as fast as acknowledged or at
   * `ratePerSecond` for all sensors together); resolves with the earliest start and the latest end (epoch ms).
   */
  run(count?: number, ratePerSecond?: number): Promise<{ startedAt: number; endedAt: number }>;
  stop(): Promise<void>;
}

// Node 20 does not hand tsx's loader to worker threads: the worker is bundled to JavaScript once.
let bundled: Promise<string> | undefined;
function workerFile(): Promise<string> {
  bundled ??= (async () => {
    // Beside bench's node_modules, so the packages it imports (kept external) resolve.
    const outfile = fileURLToPath(new URL('../node_modules/.cache/bk-bench/load-worker.mjs', import.meta.url));
    await build({
      entryPoints: [fileURLToPath(new URL('./load-worker.ts', import.meta.url))],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      outfile,
      logLevel: 'warning',
    });
    return outfile;
  })();
  return bundled;
}

async function prepareWorkers(jobs: readonly LoadJob[]): Promise<PreparedLoad> {
  const file = await workerFile();
  const workers = jobs.map((job) => new Worker(file, { workerData: job }));
  const next = (worker: Worker) =>
    new Promise<LoadReport>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
  await Promise.all(workers.map(next));
  return {
    async run(count = 0, ratePerSecond?: number) {
      const reports = workers.map(next);
      const run: LoadRun = ratePerSecond ? { count, ratePerSecond } : { count };
      for (const worker of workers) worker.postMessage(run);
      const done = (await Promise.all(reports)).flatMap((r) => (r.type === 'done' ? [r] : []));
      return {
        startedAt: Math.min(...done.map((d) => d.startedAt)),
        endedAt: Math.max(...done.map((d) => d.endedAt)),
      };
    },
    async stop() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}

/** Sensors connected from `threads` workers; each run publishes QoS 1 messages per sensor with `window` in flight. */
export function preparePublishers(
  url: string,
  sensors: readonly { topic: string; username?: string; password?: string }[],
  window: number,
  threads: number,
): Promise<PreparedLoad> {
  const indexed = sensors.map((s, index) => ({ ...s, index }));
  const jobs: LoadJob[] = Array.from({ length: Math.max(1, threads) }, (_, t) => ({
    kind: 'publish',
    url,
    sensors: indexed.filter((s) => s.index % Math.max(1, threads) === t),
    window,
    totalSensors: sensors.length,
  }));
  return prepareWorkers(jobs.filter((j) => j.kind === 'publish' && j.sensors.length > 0));
}

/** One QoS 1 subscriber that finishes after `expected` messages. */
export function prepareConsumer(url: string, filter: string, expected: number): Promise<PreparedLoad> {
  return prepareWorkers([{ kind: 'consume', url, filter, expected }]);
}
