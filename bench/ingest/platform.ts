/** The platform side of the benchmark: the built server as a process, its demo accounts, device registration. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, type Started, startProcess } from '../lib/processes.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const cli = join(root, 'packages/server/dist/cli.js');

export interface Platform extends Started {
  readonly base: string;
  readonly mqttUrl: string;
  readonly dataDir: string;
}

export async function startPlatform(dataDir: string): Promise<Platform> {
  // BENCH_CPU_PROF=DIR: a V8 CPU profile of the server, written to DIR when it stops.
  const profiling = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  const port = await freePort();
  const mqttPort = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const started = await startProcess(
    [...profiling, cli, 'start', '--port', String(port), '--data-dir', dataDir, '--log-level', 'warn'],
    `${base}/healthz`,
    {
      BK_MQTT_PORT: String(mqttPort),
      BK_MQTT_WS_PORT: '0',
      BK_SIMULATOR: '0',
    },
  );
  return { ...started, base, mqttUrl: `mqtt://127.0.0.1:${mqttPort}`, dataDir };
}

interface DemoAccount {
  role: string;
  login?: string;
  password?: string;
  venueId?: string;
}

export async function api<T>(base: string, path: string, token: string | undefined, body?: unknown): Promise<T> {
  const res = await fetch(`${base}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status} ${text.slice(0, 300)}`);
  return JSON.parse(text) as T;
}

/** Logs in the demo admin and the demo venue's manager. */
export async function demoLogins(platform: Platform): Promise<{ admin: string; manager: string; venueId: string }> {
  const file = JSON.parse(readFileSync(join(platform.dataDir, 'demo-accounts.json'), 'utf8')) as {
    accounts: DemoAccount[];
  };
  const login = async (role: string) => {
    const account = file.accounts.find((a) => a.role === role);
    if (!account?.login || !account.password) throw new Error(`no demo ${role} account`);
    const answer = await api<{ accessToken: string }>(platform.base, '/v1/auth/login', undefined, {
      login: account.login,
      password: account.password,
    });
    return { token: answer.accessToken, venueId: account.venueId };
  };
  const admin = await login('admin');
  const manager = await login('operator_manager');
  if (!manager.venueId) throw new Error('the demo manager has no venue');
  return { admin: admin.token, manager: manager.token, venueId: manager.venueId };
}

export interface RegisteredSensor {
  readonly id: string;
  readonly password: string;
  readonly key: string;
}

export async function registerSensor(
  platform: Platform,
  token: string,
  venueId: string,
  vendor: 'zigbee2mqtt' | 'tasmota',
  key: string,
  locationKind: 'fridge' | 'freezer',
): Promise<RegisteredSensor> {
  const answer = await api<{ device: { id: string }; credentials: { password: string } }>(
    platform.base,
    `/v1/venues/${venueId}/devices`,
    token,
    { kind: 'sensor', vendor, locationKind, name: key, binding: { topic: key } },
  );
  return { id: answer.device.id, password: answer.credentials.password, key };
}

export interface IngestStats {
  messages: number;
  events: number;
  readingsStored: number;
  conversionFailures: number;
  dropped: { total: number };
}

export const ingestStats = (platform: Platform, adminToken: string) =>
  api<IngestStats>(platform.base, '/v1/ingest/stats', adminToken);
