/**
 * A local cluster on this machine: a throwaway PostgreSQL (Debian's initdb + pg_ctl), Mosquitto with the
 * platform's configuration (MQTT 5, persistence for sessions, shared subscriptions), and N server processes
 * (`bk-server start`) on consecutive HTTP ports sharing the database, the broker, the token secret and the
 * data folder (demo accounts, ledger signing key). Used by `pnpm cluster`, the chaos test and `bench:cluster`.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findMosquitto, freePort, runMosquitto, startThrowawayPostgres } from './local-services.js';

export interface LocalClusterOptions {
  /** HTTP port of the first instance; the next ones follow (0: free ports). */
  readonly basePort: number;
  readonly instances: number;
  /** Shared by every instance: demo-accounts.json, the ledger signing key. Created when missing. */
  readonly dataDir: string;
  /** `dist`: node packages/server/dist/cli.js (built); `source`: tsx on src/cli.ts (tests). */
  readonly runner: 'dist' | 'source';
  /** Mosquitto's dynamic security plugin, provisioned by the platform (BK_MQTT_DYNSEC=on); anonymous otherwise. */
  readonly dynamicSecurity?: boolean;
  /** More BK_* settings for every instance. */
  readonly env?: Readonly<Record<string, string>>;
  /** Lines the processes write (prefixed with the instance's name). */
  readonly onLine?: (line: string) => void;
}

export interface ClusterInstance {
  readonly name: string;
  readonly port: number;
  readonly baseUrl: string;
  /** The running process (undefined after `kill` until `restart`). */
  process(): ChildProcess | undefined;
  /** Sends the signal and waits for the process to exit. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** Starts the process again and waits until /readyz answers 200. */
  restart(): Promise<void>;
}

export interface LocalCluster {
  readonly databaseUrl: string;
  readonly mqttUrl: string;
  readonly mqttPort: number;
  readonly tokenSecret: string;
  readonly dataDir: string;
  readonly instances: readonly ClusterInstance[];
  stop(): Promise<void>;
}

const serverRoot = fileURLToPath(new URL('../../', import.meta.url));

async function waitReady(baseUrl: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${baseUrl}: the server exited with ${child.exitCode}`);
    try {
      const res = await fetch(`${baseUrl}/readyz`);
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${baseUrl} not ready within ${timeoutMs / 1000} s`);
}

/** Mosquitto as the platform configures it: loopback listener, sessions kept on disk, large queues. */
export interface PlatformMosquittoOptions {
  readonly port?: number;
  /**
   * Mosquitto 2's dynamic security plugin, default deny: the platform provisions devices and users (BK_MQTT_DYNSEC).
   * The answered URL carries the plugin's admin, which the platform connects as.
   */
  readonly dynamicSecurity?: boolean;
}

const DYNSEC_PLUGINS = [
  '/usr/lib/x86_64-linux-gnu/mosquitto_dynamic_security.so',
  '/usr/lib/aarch64-linux-gnu/mosquitto_dynamic_security.so',
  '/usr/lib/mosquitto_dynamic_security.so',
];

export function findDynamicSecurityPlugin(): string | undefined {
  return DYNSEC_PLUGINS.find((p) => existsSync(p));
}

export async function startPlatformMosquitto(
  options: PlatformMosquittoOptions = {},
): Promise<{ url: string; port: number; stop(): void }> {
  const bin = findMosquitto();
  if (!bin) throw new Error('Mosquitto is not installed: apt-get install -y mosquitto');
  const dir = mkdtempSync(join(tmpdir(), 'bk-cluster-mqtt-'));
  chmodSync(dir, 0o777);
  const listen = options.port ?? (await freePort());
  let credentials = '';
  const security: string[] = ['allow_anonymous true'];
  if (options.dynamicSecurity) {
    const plugin = findDynamicSecurityPlugin();
    if (!plugin) throw new Error('mosquitto_dynamic_security.so not found (Debian package mosquitto)');
    const password = randomBytes(18).toString('base64url');
    const file = join(dir, 'dynamic-security.json');
    execFileSync('mosquitto_ctrl', ['dynsec', 'init', file, 'bk-platform', password], { stdio: 'pipe' });
    chmodSync(file, 0o666);
    security.splice(0, 1, 'allow_anonymous false', `plugin ${plugin}`, `plugin_opt_config_file ${file}`);
    credentials = `bk-platform:${password}@`;
  }
  const broker = await runMosquitto(bin, dir, listen, [
    // Every option applies to every listener (the plugin is global).
    'per_listener_settings false',
    `listener ${listen} 127.0.0.1`,
    ...security,
    // Persistent sessions (MQTT 5 session expiry) survive a broker restart too.
    'persistence true',
    `persistence_location ${dir}/`,
    'log_dest none',
    'max_queued_messages 100000',
    // The servers hold a QoS 1 acknowledgement until the reading is stored: no cap on messages in flight.
    'max_inflight_messages 0',
  ]);
  return { url: `mqtt://${credentials}127.0.0.1:${listen}`, port: listen, stop: broker.stop };
}

export async function startLocalCluster(options: LocalClusterOptions): Promise<LocalCluster> {
  mkdirSync(options.dataDir, { recursive: true });
  const postgres = await startThrowawayPostgres({ durable: true });
  let mosquitto: Awaited<ReturnType<typeof startPlatformMosquitto>> | undefined;
  const instances: ClusterInstance[] = [];
  const tokenSecret = options.env?.BK_TOKEN_SECRET ?? randomBytes(32).toString('hex');
  try {
    mosquitto = await startPlatformMosquitto({ dynamicSecurity: options.dynamicSecurity === true });
    const mqttUrl = mosquitto.url;
    const command =
      options.runner === 'dist'
        ? [join(serverRoot, 'dist/cli.js'), 'start']
        : ['--import', 'tsx', join(serverRoot, 'src/cli.ts'), 'start'];
    const ports: number[] = [];
    for (let i = 0; i < options.instances; i++)
      ports.push(options.basePort > 0 ? options.basePort + i : await freePort());
    const origin = (port: number) => `http://127.0.0.1:${port}`;
    for (let i = 0; i < options.instances; i++) {
      const port = ports[i] ?? 0;
      const name = `server-${String.fromCharCode(97 + i)}`;
      const baseUrl = `http://127.0.0.1:${port}`;
      const env: Record<string, string> = {
        ...(process.env as Record<string, string>),
        BK_PORT: String(port),
        BK_HOST: '127.0.0.1',
        BK_DATA_DIR: options.dataDir,
        BK_DATABASE_URL: postgres.url,
        BK_TOKEN_SECRET: tokenSecret,
        BK_MQTT_URL: mqttUrl,
        // One stable broker session per instance: restarted, it takes up its share of the queue again.
        BK_MQTT_CLIENT_ID: `bk-${name}-${port}`,
        BK_SIMULATOR: 'off',
        ...(options.dynamicSecurity ? { BK_MQTT_DYNSEC: 'on' } : {}),
        BK_LOG_LEVEL: 'warn',
        // The first instance runs the live video (they share the data folder, where segments are written); the
        // others sign play URLs on its origin, which lets their pages' players fetch them.
        ...(i === 0
          ? {
              BK_CORS_ORIGINS: ports
                .slice(1)
                .flatMap((p) => [origin(p), `http://localhost:${p}`])
                .join(','),
            }
          : { BK_VIDEO: 'elsewhere', BK_VIDEO_PLAY_BASE: origin(ports[0] ?? 0) }),
        ...options.env,
      };
      let child: ChildProcess | undefined;
      const launch = async () => {
        const started = spawn(process.execPath, command, { env, stdio: ['ignore', 'pipe', 'pipe'], cwd: serverRoot });
        child = started;
        const forward = (chunk: Buffer) => {
          for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) options.onLine?.(`[${name}] ${line}`);
        };
        started.stdout?.on('data', forward);
        started.stderr?.on('data', forward);
        await waitReady(baseUrl, started, 180_000);
      };
      const instance: ClusterInstance = {
        name,
        port,
        baseUrl,
        process: () => child,
        async kill(signal = 'SIGKILL') {
          const c = child;
          if (!c || c.exitCode !== null || c.signalCode !== null) return;
          const exited = new Promise<void>((resolve) => c.once('exit', () => resolve()));
          c.kill(signal);
          await exited;
          child = undefined;
        },
        restart: launch,
      };
      // One after the other: the first seeds the demo city and creates the shared files, the next reuse them.
      await launch();
      instances.push(instance);
    }
    const broker = mosquitto;
    return {
      databaseUrl: postgres.url,
      // Without the platform's login: what devices and tests connect to.
      mqttUrl: mqttUrl.replace(/\/\/[^@/]*@/, '//'),
      mqttPort: broker.port,
      tokenSecret,
      dataDir: options.dataDir,
      instances,
      async stop() {
        await Promise.all(instances.map((i) => i.kill('SIGTERM')));
        broker.stop();
        postgres.stop();
      },
    };
  } catch (error) {
    await Promise.all(instances.map((i) => i.kill('SIGKILL')));
    mosquitto?.stop();
    postgres.stop();
    throw error;
  }
}
