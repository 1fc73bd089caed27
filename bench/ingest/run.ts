/**
 * `pnpm bench:ingest` — device ingestion against a reference measured in the same run:
 *  1. reference: N sensors publish QoS 1 Zigbee2MQTT payloads to a bare aedes broker (the library the
 *     platform embeds) and one QoS 1 subscriber receives them: the raw pass-through rate. Publishers
 *     (and that subscriber) run in worker threads with a lean MQTT client (raw-mqtt.ts), the same for
 *     both runs, so the generator's own cost stays out of the figures;
 *  2. platform: the same publishers, now registered devices with their own credentials, publish to the
 *     server's embedded broker; a message counts once converted, evaluated and its readings stored
 *     (GET /v1/ingest/stats);
 *  3. meanwhile, probe devices (Tasmota, fridge) send a reading that qualifies a breach (out of range
 *     for more than the 10-minute delay, by the device's own clock): latency until `alert.opened`
 *     arrives on the venue's realtime topic. Probes start every BENCH_PROBE_SPACING_MS, concurrently,
 *     so they fall inside the load; the table says how many did. Under a load the platform cannot keep
 *     up with, this latency is mostly the queue in front of it;
 *  4. so the latency is measured again under a steady load the platform can carry: the same sensors
 *     paced at BENCH_PACED_RATE msg/s (default: half the rate step 2 measured) for BENCH_PACED_SECONDS,
 *     with fresh probes spread over it.
 * Env: BENCH_SENSORS (100), BENCH_MESSAGES per sensor (500), BENCH_PROBES (100), BENCH_WINDOW (32),
 * BENCH_THREADS publisher worker threads (1), BENCH_PROBE_SPACING_MS (10), BENCH_PACED_RATE,
 * BENCH_PACED_SECONDS (5), BENCH_CPU_PROF (a directory: CPU profile of the server).
 * Needs `pnpm build` of sdk, device-adapters and server (the script does it).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { localTimeText } from '@brightkitchen/device-adapters/simulator';
import mqtt from 'mqtt';
import { freePort, startProcess } from '../lib/processes.js';
import { printTable, type Row } from '../lib/table.js';
import { percentile } from './latency.js';
import { prepareConsumer, preparePublishers } from './load.js';
import {
  api,
  demoLogins,
  ingestStats,
  type Platform,
  type RegisteredSensor,
  registerSensor,
  startPlatform,
} from './platform.js';
import { closeAll, connectSensors } from './publishers.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const SENSORS = Number(process.env.BENCH_SENSORS ?? 100);
const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 500);
const PROBES = Number(process.env.BENCH_PROBES ?? 100);
const WINDOW = Number(process.env.BENCH_WINDOW ?? 32);
const THREADS = Number(process.env.BENCH_THREADS ?? 1);
const PROBE_SPACING_MS = Number(process.env.BENCH_PROBE_SPACING_MS ?? 10);
const PACED_SECONDS = Number(process.env.BENCH_PACED_SECONDS ?? 5);
const TOTAL = SENSORS * MESSAGES;
const MIN = 60_000;

/** Epoch milliseconds, comparable with the worker threads' times. */
const clock = () => performance.timeOrigin + performance.now();

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function passThrough(): Promise<{ rate: number; seconds: number }> {
  const port = await freePort();
  const healthPort = await freePort();
  const broker = await startProcess(
    ['--import', 'tsx', join(root, 'bench/ingest/bare-broker.ts')],
    `http://127.0.0.1:${healthPort}/`,
    { PORT: String(port), HEALTH_PORT: String(healthPort) },
  );
  const url = `mqtt://127.0.0.1:${port}`;
  try {
    const consumer = await prepareConsumer(url, 'zigbee2mqtt/#', TOTAL);
    const sensors = await preparePublishers(
      url,
      Array.from({ length: SENSORS }, (_, i) => ({ topic: `zigbee2mqtt/bench_${i}` })),
      WINDOW,
      THREADS,
    );
    const consumed = consumer.run();
    const published = await sensors.run(MESSAGES);
    const received = await consumed;
    const seconds = (received.endedAt - published.startedAt) / 1000;
    await sensors.stop();
    await consumer.stop();
    return { rate: TOTAL / seconds, seconds };
  } finally {
    await broker.stop();
  }
}

async function throughPlatform(platform: Platform) {
  const { admin, manager, venueId } = await demoLogins(platform);
  const run = Math.random().toString(36).slice(2, 6);
  const devices: RegisteredSensor[] = [];
  for (let i = 0; i < SENSORS; i++) {
    devices.push(await registerSensor(platform, manager, venueId, 'zigbee2mqtt', `bench_${run}_${i}`, 'fridge'));
  }
  // One set of probes per latency run: a probe's alert opens once.
  const probes: RegisteredSensor[] = [];
  for (let i = 0; i < 2 * PROBES; i++) {
    probes.push(await registerSensor(platform, manager, venueId, 'tasmota', `probe_${run}_${i}`, 'fridge'));
  }

  // The venue's realtime topic, as the manager's app subscribes to it.
  const opened = new Map<string, number>();
  const realtimeTypes: Record<string, number> = {};
  const watcher = await mqtt.connectAsync(platform.mqttUrl, {
    username: 'manager',
    password: manager,
    reconnectPeriod: 0,
  });
  watcher.on('message', (_topic, bytes) => {
    const event = JSON.parse(bytes.toString('utf8')) as { type: string; alert?: { subject?: string } };
    realtimeTypes[event.type] = (realtimeTypes[event.type] ?? 0) + 1;
    if (process.env.BENCH_DEBUG) console.log(JSON.stringify(event).slice(0, 400));
    if (event.type === 'alert.opened' && event.alert?.subject) opened.set(event.alert.subject, performance.now());
  });
  const granted = await watcher.subscribeAsync(`bk/venues/${venueId}/events`, { qos: 1 });
  if ((granted[0]?.qos ?? 128) > 1) throw new Error('realtime subscription refused');

  const sensors = await preparePublishers(
    platform.mqttUrl,
    devices.map((d) => ({ topic: `zigbee2mqtt/${d.key}`, username: d.id, password: d.password })),
    WINDOW,
    THREADS,
  );
  const probeClients = await connectSensors(
    platform.mqttUrl,
    probes.map((p) => ({ topic: `tele/${p.key}/SENSOR`, username: p.id, password: p.password })),
  );

  // Warm-up: one message per sensor, to learn how many readings a message makes.
  const before = await ingestStats(platform, admin);
  await sensors.run(1);
  let warm = before;
  for (let i = 0; i < 400; i++) {
    warm = await ingestStats(platform, admin);
    if (warm.messages - before.messages >= SENSORS && warm.readingsStored > before.readingsStored) {
      await sleep(500);
      warm = await ingestStats(platform, admin);
      break;
    }
    await sleep(25);
  }
  const readingsPerMessage = Math.round((warm.readingsStored - before.readingsStored) / SENSORS);
  if (readingsPerMessage < 1) throw new Error('the platform stored no reading in the warm-up');

  // Probes: out of range now, then a reading stamped 11 minutes later by the device's clock: the one that
  // qualifies the breach (past the 10-minute delay), without waiting 10 real minutes. Registration started
  // the watch, so a reading stamped before it would be ignored as stale.
  const sentAt = new Map<string, number>();
  const fireProbes = (set: 0 | 1, spacingMs: number) =>
    Promise.all(
      probeClients.slice(set * PROBES, (set + 1) * PROBES).map(async (probe, i) => {
        const device = probes[set * PROBES + i]!;
        const reading = (at: number) =>
          JSON.stringify({
            Time: localTimeText(at, 480),
            DS18B20: { Id: '0316A2791B6D', Temperature: 12.5 },
            TempUnit: 'C',
          });
        await sleep(i * spacingMs);
        await probe.client.publishAsync(probe.topic, reading(Date.now()), { qos: 1 });
        await sleep(20);
        sentAt.set(device.id, performance.now());
        await probe.client.publishAsync(probe.topic, reading(Date.now() + 11 * MIN), { qos: 1 });
      }),
    );
  const latenciesOf = async (set: 0 | 1) => {
    const ids = probes.slice(set * PROBES, (set + 1) * PROBES).map((p) => p.id);
    const deadline = Date.now() + 30_000;
    while (ids.some((id) => !opened.has(id)) && Date.now() < deadline) await sleep(20);
    return ids.flatMap((id) => {
      const at = sentAt.get(id);
      const arrived = opened.get(id);
      return at === undefined || arrived === undefined ? [] : [arrived - at];
    });
  };

  const start = await ingestStats(platform, admin);
  const load = sensors.run(MESSAGES);
  const probing = fireProbes(0, PROBE_SPACING_MS);
  const { startedAt: t0 } = await load;
  const loadEnded = performance.now();
  let done = start;
  let t1 = 0;
  const deadline = Date.now() + 300_000;
  while (Date.now() < deadline) {
    done = await ingestStats(platform, admin);
    if (
      done.messages - start.messages >= TOTAL &&
      done.readingsStored - start.readingsStored >= TOTAL * readingsPerMessage
    ) {
      t1 = clock();
      break;
    }
    await sleep(10);
  }
  await probing;
  const underLoad = probes
    .slice(0, PROBES)
    .filter((p) => (sentAt.get(p.id) ?? Number.POSITIVE_INFINITY) < loadEnded).length;
  const latencies = await latenciesOf(0);
  if (latencies.length < PROBES) {
    console.log(`realtime events seen: ${JSON.stringify(realtimeTypes)}`);
    if (process.env.BENCH_DEBUG) {
      const alerts = await api<{ items: unknown[] }>(platform.base, `/v1/alerts?venueId=${venueId}&limit=5`, manager);
      console.log(JSON.stringify(alerts).slice(0, 800));
    }
  }
  if (t1 === 0) {
    throw new Error(
      `platform: ${done.messages - start.messages} messages, ${done.readingsStored - start.readingsStored} readings of ${TOTAL} in time`,
    );
  }
  const seconds = (t1 - t0) / 1000;
  const rate = TOTAL / seconds;

  // A steady load the platform can carry, with the second set of probes spread over its middle.
  const pacedRate = Number(process.env.BENCH_PACED_RATE ?? Math.max(500, Math.round(rate / 2 / 500) * 500));
  const pacedCount = Math.max(1, Math.round((pacedRate * PACED_SECONDS) / SENSORS));
  const pacedLoad = sensors.run(pacedCount, pacedRate);
  await sleep(1000);
  await fireProbes(1, (PACED_SECONDS * 600) / PROBES);
  await pacedLoad;
  const pacedLatencies = await latenciesOf(1);

  await sensors.stop();
  await closeAll(probeClients);
  await watcher.endAsync();
  return {
    rate,
    seconds,
    readingsPerMessage,
    failures: done.conversionFailures - start.conversionFailures,
    latencies,
    underLoad,
    pacedRate,
    pacedLatencies,
  };
}

const dataDir = mkdtempSync(join(tmpdir(), 'bk-bench-ingest-'));
try {
  console.log(
    `bench:ingest — ${SENSORS} sensors × ${MESSAGES} QoS 1 messages (${TOTAL}), window ${WINDOW}, ` +
      `${THREADS} publisher thread(s), ${PROBES} breach probes`,
  );
  const reference = await passThrough();
  let platformResult: Awaited<ReturnType<typeof throughPlatform>> | undefined;
  let platformError: string | undefined;
  let platform: Platform | undefined;
  try {
    platform = await startPlatform(dataDir);
    platformResult = await throughPlatform(platform);
  } catch (error) {
    platformError = error instanceof Error ? error.message : String(error);
  } finally {
    await platform?.stop();
  }
  const rows: Row[] = [
    {
      run: 'raw broker pass-through (aedes, no processing)',
      'msg/s': reference.rate.toFixed(0),
      seconds: reference.seconds.toFixed(2),
      ratio: '1.00',
      goal: '—',
    },
  ];
  if (platformResult) {
    const ratio = platformResult.rate / reference.rate;
    rows.push({
      run: `platform end to end (converted, evaluated, stored; ${platformResult.readingsPerMessage} readings/msg)`,
      'msg/s': platformResult.rate.toFixed(0),
      seconds: platformResult.seconds.toFixed(2),
      ratio: ratio.toFixed(2),
      goal: `≥ 25000 msg/s, ratio ≥ 0.8 ${platformResult.rate >= 25_000 && ratio >= 0.8 ? '✓' : '✗'}`,
    });
  } else {
    rows.push({ run: 'platform end to end', 'msg/s': 'n/a', seconds: '—', ratio: '—', goal: platformError ?? '' });
  }
  printTable('Device ingestion throughput', rows);
  if (platformResult) {
    const row = (load: string, l: readonly number[], underLoad: string): Row => {
      const p99 = percentile(l, 99);
      return {
        load,
        samples: `${l.length}/${PROBES}`,
        'under load': underLoad,
        'p50 ms': percentile(l, 50).toFixed(1),
        'p99 ms': p99.toFixed(1),
        'max ms': Math.max(...l).toFixed(1),
        goal: `p99 ≤ 20 ms ${p99 <= 20 ? '✓' : '✗'}`,
      };
    };
    const r = platformResult;
    printTable('Breach-qualifying reading → alert.opened on the realtime topic', [
      row('the saturating load above', r.latencies, `${r.underLoad}`),
      row(
        `steady ${r.pacedRate} msg/s (${Math.round((100 * r.pacedRate) / r.rate)}% of capacity)`,
        r.pacedLatencies,
        `${r.pacedLatencies.length}`,
      ),
    ]);
    if (platformResult.failures > 0) console.log(`\nconversion failures during the run: ${platformResult.failures}`);
  }
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
