/**
 * `pnpm bench:cluster` — the platform as a cluster (throwaway PostgreSQL, Mosquitto, `bk-server start`
 * processes; packages/server/src/testing/local-cluster.ts), against a reference measured in the same run:
 *  1. reference: the same publishers through the same Mosquitto to one plain QoS 1 subscriber (the broker's
 *     pass-through rate on this machine);
 *  2. one instance, then two: SENSORS registered Zigbee2MQTT fridge sensors publish MESSAGES QoS 1 readings
 *     each (a unique value per message); throughput = readings stored / time, and the servers' CPU seconds
 *     per 1,000 messages (from /proc: what one instance costs per 1,000 msg/s, in cores);
 *  3. alert latency: PROBES partner violation pushes (alternating instances), push → the webhook receives the
 *     alert's first notification;
 *  4. with two instances: `kill -9` of the first while sensors publish; failover = kill → the first
 *     notification of an alert pushed to the survivor after the kill; the killed instance restarted, then
 *     duplicates and losses counted over every reading published (stored rows against values sent).
 * Env: BENCH_SENSORS (20), BENCH_MESSAGES (300), BENCH_PROBES (30). Needs the build (the script does it).
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mqtt, { type MqttClient } from 'mqtt';
import pg from 'pg';
import { signPartnerRequest } from '../../packages/server/src/auth/partner-signature.js';
import type { DemoAccount } from '../../packages/server/src/demo/accounts.js';
import { readDemoAccounts } from '../../packages/server/src/demo/accounts-file.js';
import { type LocalCluster, startLocalCluster } from '../../packages/server/src/testing/local-cluster.js';
import { printTable, type Row } from '../lib/table.js';

const SENSORS = Number(process.env.BENCH_SENSORS ?? 20);
const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 300);
const PROBES = Number(process.env.BENCH_PROBES ?? 30);
const WINDOW = 32;
const TICKS_PER_SECOND = 100;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const percentile = (values: readonly number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
};

/** CPU seconds (user + system) a process has used, from /proc. */
function cpuSeconds(pid: number | undefined): number {
  if (!pid) return 0;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/** Publishes `count` QoS 1 messages per topic with at most WINDOW unacknowledged per client. */
async function publishAll(url: string, topics: readonly string[], count: number, value: (seq: number) => number) {
  const clients = await Promise.all(
    topics.map(() => mqtt.connectAsync(url, { clean: true, reconnectPeriod: 500, protocolVersion: 5 })),
  );
  let acknowledged = 0;
  await Promise.all(
    topics.map(async (topic, i) => {
      const client = clients[i] as MqttClient;
      let next = 0;
      const lane = async () => {
        while (next < count) {
          const seq = next++;
          for (let attempt = 0; ; attempt++) {
            try {
              await client.publishAsync(topic, JSON.stringify({ temperature: value(seq), linkquality: 80 }), {
                qos: 1,
              });
              acknowledged += 1;
              break;
            } catch (error) {
              if (attempt > 20) throw error;
              await sleep(100);
            }
          }
        }
      };
      await Promise.all(Array.from({ length: WINDOW }, lane));
    }),
  );
  await Promise.all(clients.map((c) => c.endAsync()));
  return acknowledged;
}

async function reference(url: string): Promise<number> {
  const total = SENSORS * MESSAGES;
  const subscriber = await mqtt.connectAsync(url, { clean: true });
  let received = 0;
  let done: () => void = () => {};
  const all = new Promise<void>((resolve) => {
    done = resolve;
  });
  subscriber.on('message', () => {
    received += 1;
    if (received === total) done();
  });
  await subscriber.subscribeAsync('bench-ref/#', { qos: 1 });
  const started = performance.now();
  const topics = Array.from({ length: SENSORS }, (_, i) => `bench-ref/${i}`);
  await publishAll(url, topics, MESSAGES, (seq) => seq);
  await Promise.race([all, sleep(60_000)]);
  const seconds = (performance.now() - started) / 1000;
  await subscriber.endAsync();
  return received / seconds;
}

interface Measured {
  rate: number;
  cpuPer1000: number;
  latency: number[];
  failoverMs?: number;
  lost?: number;
  duplicated?: number;
  published?: number;
}

async function measure(instances: number): Promise<Measured> {
  const hookTimes = new Map<string, number>();
  const hookCounts = new Map<string, number>();
  const hooks = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      const parsed = JSON.parse(body) as { repeat: number; alert: { id: string } };
      if (parsed.repeat === 0) {
        if (!hookTimes.has(parsed.alert.id)) hookTimes.set(parsed.alert.id, performance.now());
        hookCounts.set(parsed.alert.id, (hookCounts.get(parsed.alert.id) ?? 0) + 1);
      }
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => hooks.listen(0, '127.0.0.1', resolve));
  const address = hooks.address();
  const hookPort = typeof address === 'object' && address ? address.port : 0;
  const dataDir = mkdtempSync(join(tmpdir(), 'bk-bench-cluster-'));
  let cluster: LocalCluster | undefined;
  const db = { client: undefined as pg.Client | undefined };
  try {
    cluster = await startLocalCluster({
      basePort: 0,
      instances,
      dataDir,
      runner: 'dist',
      env: {
        BK_WEBHOOK_URL: `http://127.0.0.1:${hookPort}/hook`,
        BK_WEBHOOK_SECRET: 'bench-cluster',
        BK_LIMIT_LOGIN_PER_IP: '100000',
        BK_LIMIT_PUBLIC_PER_IP: '10000000',
      },
    });
    const c = cluster;
    db.client = new pg.Client({ connectionString: c.databaseUrl });
    await db.client.connect();
    const accounts = readDemoAccounts(dataDir);
    const manager = accounts.find((a) => a.login === 'manager') as DemoAccount;
    const partner = accounts.find((a) => a.role === 'partner') as DemoAccount;
    const base = (i: number) => c.instances[i % c.instances.length]?.baseUrl ?? '';
    const loginRes = await fetch(`${base(0)}/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: manager.login, password: manager.password }),
    });
    const token = ((await loginRes.json()) as { accessToken: string }).accessToken;
    const post = (i: number, path: string, body: unknown) =>
      fetch(`${base(i)}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(body),
      });

    // Sensors.
    const sensors: { id: string; key: string }[] = [];
    for (let i = 0; i < SENSORS; i++) {
      const key = `bench_fridge_${i}_${randomUUID().slice(0, 6)}`;
      const res = await post(i, `/v1/venues/${manager.venueId}/devices`, {
        kind: 'sensor',
        vendor: 'zigbee2mqtt',
        locationKind: 'fridge',
        name: key,
        binding: { topic: key },
      });
      sensors.push({ id: ((await res.json()) as { device: { id: string } }).device.id, key });
    }
    const sensorIds = sensors.map((s) => s.id);
    const stored = async () =>
      Number(
        (
          await db.client?.query<{ n: string }>(
            `select count(*) as n from readings where metric = 'temperature' and device_id = any($1)`,
            [sensorIds],
          )
        )?.rows[0]?.n ?? 0,
      );

    // Throughput and CPU.
    const total = SENSORS * MESSAGES;
    const pids = () => c.instances.map((i) => i.process()?.pid);
    const cpuBefore = pids().reduce<number>((sum, pid) => sum + cpuSeconds(pid), 0);
    const started = performance.now();
    await publishAll(
      c.mqttUrl,
      sensors.map((s) => `zigbee2mqtt/${s.key}`),
      MESSAGES,
      (seq) => 2 + seq / 1000,
    );
    const deadline = Date.now() + 120_000;
    while ((await stored()) < total && Date.now() < deadline) await sleep(50);
    const seconds = (performance.now() - started) / 1000;
    const cpu = pids().reduce<number>((sum, pid) => sum + cpuSeconds(pid), 0) - cpuBefore;
    const storedCount = await stored();

    // Alert latency: partner violation push → webhook.
    const cameras: string[] = [];
    // One camera per probe: each push opens a new alert (one open alert per camera and violation type).
    for (let i = 0; i < PROBES + 2; i++) {
      const address = `3402000000131${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
      await post(i, `/v1/venues/${manager.venueId}/devices`, {
        kind: 'camera',
        vendor: 'gb28181',
        locationKind: 'camera',
        name: `bench camera ${i}`,
        binding: { address },
      });
      cameras.push(address);
    }
    const push = async (i: number, camera: string, violation: string) => {
      const raw = JSON.stringify({
        venueId: manager.venueId,
        violation,
        time: new Date().toISOString(),
        source: 'gb28181',
        cameraId: camera,
        externalId: randomUUID(),
      });
      const timestamp = String(Date.now());
      const signature = signPartnerRequest(partner.secret ?? '', {
        method: 'POST',
        pathWithQuery: '/v1/partner/violations',
        timestamp,
        body: raw,
      });
      const res = await fetch(`${base(i)}/v1/partner/violations`, {
        method: 'POST',
        body: raw,
        headers: {
          'content-type': 'application/json',
          'x-bk-key': partner.keyId ?? '',
          'x-bk-timestamp': timestamp,
          'x-bk-signature': signature,
        },
      });
      return ((await res.json()) as { alertId: string | null }).alertId;
    };
    const latency: number[] = [];
    for (let p = 0; p < PROBES; p++) {
      const sent = performance.now();
      const alertId = await push(p, cameras[p + 2] as string, 'no_hat');
      if (!alertId) continue;
      const until = Date.now() + 10_000;
      while (!hookTimes.has(alertId) && Date.now() < until) await sleep(2);
      const at = hookTimes.get(alertId);
      if (at !== undefined) latency.push(at - sent);
    }
    const result: Measured = { rate: storedCount / seconds, cpuPer1000: cpu / (storedCount / 1000), latency };

    if (instances > 1) {
      // Failover: sensors keep publishing while the first instance is killed; alerts pushed to the survivor.
      const publishing = publishAll(
        c.mqttUrl,
        sensors.map((s) => `zigbee2mqtt/${s.key}`),
        MESSAGES,
        (seq) => 5 + seq / 1000,
      );
      await sleep(300);
      const killedAt = performance.now();
      await c.instances[0]?.kill('SIGKILL');
      let failoverMs: number | undefined;
      const survivors = ['no_uniform', 'smoking', 'rodent', 'stranger', 'phone'];
      for (let k = 0; failoverMs === undefined && k < 100; k++) {
        const alertId = await push(1, cameras[k % 2] as string, survivors[k % survivors.length] as string).catch(
          () => null,
        );
        if (!alertId) {
          await sleep(100);
          continue;
        }
        const until = Date.now() + 5000;
        while (!hookTimes.has(alertId) && Date.now() < until) await sleep(2);
        const at = hookTimes.get(alertId);
        if (at !== undefined) failoverMs = at - killedAt;
      }
      await publishing;
      await c.instances[0]?.restart();
      // Everything published twice over (both rounds) should be stored exactly once.
      const expected = 2 * total;
      const distinctStored = async () =>
        Number(
          (
            await db.client?.query<{ n: string }>(
              `select count(distinct (device_id, value)) as n from readings
               where metric = 'temperature' and device_id = any($1)`,
              [sensorIds],
            )
          )?.rows[0]?.n ?? 0,
        );
      // Messages the killed instance held unacknowledged come back with its session once it has restarted.
      const until = Date.now() + 60_000;
      while ((await distinctStored()) < expected && Date.now() < until) await sleep(200);
      const rows = await db.client.query<{ device_id: string; value: number; n: string }>(
        `select device_id, value, count(*) as n from readings where metric = 'temperature' and device_id = any($1)
         group by device_id, value`,
        [sensorIds],
      );
      const duplicated = rows.rows.reduce((sum, r) => sum + Math.max(0, Number(r.n) - 1), 0);
      const distinct = rows.rows.length;
      result.failoverMs = failoverMs;
      result.published = expected;
      result.duplicated = duplicated;
      result.lost = expected - distinct;
      const doubled = [...hookCounts.values()].filter((n) => n > 1).length;
      if (doubled > 0) console.error(`!! ${doubled} alerts notified more than once`);
    }
    return result;
  } finally {
    await db.client?.end().catch(() => undefined);
    await cluster?.stop();
    hooks.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const fmt = (n: number | undefined, digits = 0) => (n === undefined || Number.isNaN(n) ? '—' : n.toFixed(digits));

console.log(`bench:cluster — ${SENSORS} sensors × ${MESSAGES} QoS 1 messages, ${PROBES} alert probes`);
const broker = await (async () => {
  const { startPlatformMosquitto } = await import('../../packages/server/src/testing/local-cluster.js');
  const m = await startPlatformMosquitto();
  try {
    return await reference(m.url);
  } finally {
    m.stop();
  }
})();
const one = await measure(1);
const two = await measure(2);
const rows: Row[] = [
  {
    run: 'reference: Mosquitto → one subscriber',
    'msg/s': fmt(broker),
    'CPU s per 1,000 msg': '—',
    'alert p50 ms': '—',
    'alert p95 ms': '—',
  },
  ...[
    ['one instance', one],
    ['two instances', two],
  ].map(([name, m]) => {
    const r = m as Measured;
    return {
      run: name as string,
      'msg/s': fmt(r.rate),
      'CPU s per 1,000 msg': fmt(r.cpuPer1000, 3),
      'alert p50 ms': fmt(percentile(r.latency, 50), 1),
      'alert p95 ms': fmt(percentile(r.latency, 95), 1),
    };
  }),
];
printTable('Cluster ingest and alerts (PostgreSQL + Mosquitto, this machine)', rows);
printTable('Failover (two instances, kill -9 of one while sensors publish)', [
  {
    'kill → alerts flowing': `${fmt(two.failoverMs)} ms`,
    'readings published': fmt(two.published),
    lost: fmt(two.lost),
    duplicated: fmt(two.duplicated),
  },
]);
console.log(
  `\nPer core: one instance carried ${fmt(one.rate)} msg/s; at 1,000 msg/s it needs ~${fmt(one.cpuPer1000, 2)} cores ` +
    '(CPU seconds per 1,000 messages). Two instances on two shared cores cannot show scaling.',
);
process.exit(0);
