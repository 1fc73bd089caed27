/**
 * A worker thread of publishers (or the reference's consumer), so the load generator does not share
 * an event loop with the benchmark's own measurements (stats polling, the realtime watcher).
 * Protocol: the worker gets a `LoadJob`, answers `ready` once connected (and subscribed); each message
 * from the parent (publishers: the count per sensor) starts a run, answered by `done` with epoch-ms times.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { sensorPayload } from './payload.js';
import { publishMany, type RawClient, rawConnect } from './raw-mqtt.js';

export type LoadJob =
  | {
      readonly kind: 'publish';
      readonly url: string;
      readonly sensors: readonly { index: number; topic: string; username?: string; password?: string }[];
      readonly window: number;
      /** Sensors across all threads (a paced rate is for all of them). */
      readonly totalSensors: number;
    }
  | { readonly kind: 'consume'; readonly url: string; readonly filter: string; readonly expected: number };

/** A run: messages per sensor, as fast as the window allows or (with `ratePerSecond`, for all sensors together) paced. */
export interface LoadRun {
  readonly count: number;
  readonly ratePerSecond?: number;
}

export type LoadReport =
  | { readonly type: 'ready' }
  | { readonly type: 'done'; readonly startedAt: number; readonly endedAt: number };

const now = () => performance.timeOrigin + performance.now();
const job = workerData as LoadJob;
const port = parentPort;
if (!port) throw new Error('load-worker runs as a worker thread');
const { hostname, port: tcpPort } = new URL(job.url);
const post = (report: LoadReport) => port.postMessage(report);
const go = () => new Promise<void>((resolve) => port.once('message', () => resolve()));

if (job.kind === 'publish') {
  const clients: RawClient[] = [];
  for (const [i, s] of job.sensors.entries()) {
    clients.push(
      await rawConnect(hostname, Number(tcpPort), {
        clientId: `bench-${process.pid}-${s.index}-${i}`,
        ...(s.username === undefined ? {} : { username: s.username }),
        ...(s.password === undefined ? {} : { password: s.password }),
      }),
    );
  }
  post({ type: 'ready' });
  // Each `go` message is a `LoadRun`; the parent terminates the worker at the end.
  port.on('message', async ({ count, ratePerSecond }: LoadRun) => {
    const startedAt = now();
    // Paced: this thread's share of the rate, spread evenly over its sensors.
    const intervalMs = ratePerSecond ? (1000 * job.totalSensors) / ratePerSecond : 0;
    await Promise.all(
      clients.map((client, i) => {
        const sensor = job.sensors[i]!;
        const pacing = intervalMs > 0 ? { intervalMs } : { window: job.window };
        return publishMany(client, sensor.topic, count, pacing, (n) => sensorPayload(sensor.index, n));
      }),
    );
    post({ type: 'done', startedAt, endedAt: now() });
  });
} else {
  const client = await rawConnect(hostname, Number(tcpPort), { clientId: `bench-consumer-${process.pid}` });
  await client.subscribe(job.filter);
  let last = 0;
  const finished = new Promise<void>((resolve) =>
    client.onMessage(() => {
      last = now();
      if (client.received() >= job.expected) resolve();
    }),
  );
  post({ type: 'ready' });
  await go();
  const startedAt = now();
  await finished;
  await client.end();
  post({ type: 'done', startedAt, endedAt: last });
}
