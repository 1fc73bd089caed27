/**
 * Server configuration: environment variables, overridden by CLI flags (`--port 9000`, `--data-dir ./x`).
 * The token secret is generated once and kept in the data dir, so restarts keep sessions valid.
 */

import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface DatabaseConfig {
  readonly kind: 'sqlite' | 'postgres';
  /** A file path for SQLite, a `postgres://` URL for PostgreSQL. */
  readonly url: string;
}

export interface ServerConfig {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  /** The mini-program's H5 build served at `/app/` (BK_APP_DIR; default packages/miniprogram/dist-h5). */
  readonly appDir: string;
  readonly database: DatabaseConfig;
  readonly wechat: { readonly apiBase: string; readonly appId: string; readonly secret: string };
  readonly tokenSecret: string;
  /** Access-token lifetime in seconds. */
  readonly accessTokenTtl: number;
  /** Refresh-token lifetime in seconds. */
  readonly refreshTokenTtl: number;
  /** Partner signature window in milliseconds (timestamp skew and replay memory). */
  readonly partnerWindowMs: number;
  /** Largest accepted request body in bytes (complaint photos included). */
  readonly bodyLimit: number;
  readonly logLevel: LogLevel;
  /** Devices: MQTT broker (embedded or external), ingestion batching, notification channels. */
  readonly devices: DevicesConfig;
}

export interface DevicesConfig {
  /** False: no broker, no ingestion loop (BK_DEVICES=off). */
  readonly enabled: boolean;
  /**
   * Modules with a vendor's own adapters, loaded at start (BK_ADAPTERS, comma-separated paths or package
   * names; each exports `adapters`, an array, or a default adapter or array).
   */
  readonly adapterModules: readonly string[];
  /** External broker URL (`mqtt://user:pass@host:1883`); empty → the embedded broker. */
  readonly mqttUrl: string;
  /** Embedded broker: TCP port (0 = random) and MQTT-over-WebSocket port (0 = random, -1 = none). */
  readonly mqttPort: number;
  readonly mqttWsPort: number;
  readonly mqttHost: string;
  /** Shared-subscription group on an external broker (`$share/<group>/…`). */
  readonly mqttShareGroup: string;
  /** Readings are written when this many are buffered or this many ms passed. */
  readonly flushRows: number;
  readonly flushMs: number;
  /** Period of the clock loop (threshold ticks, escalation, retries). */
  readonly tickMs: number;
  /** Signed webhook for alert notifications (empty: off) and its HMAC secret. */
  readonly webhookUrl: string;
  readonly webhookSecret: string;
  /** WeChat subscribe-message template for alerts (empty: channel off). */
  readonly wechatTemplateId: string;
  /** A device's dropped broker connection becomes DEVICE_OFFLINE after this long (BK_DEVICE_OFFLINE_GRACE_MS). */
  readonly offlineGraceMs: number;
  /** A preset disinfection run must draw power within this long of its start (BK_DISINFECTION_GRACE_MS). */
  readonly runGraceMs: number;
  /** `bk-server start` runs the simulated kitchen of the demo venue (BK_SIMULATOR=0 turns it off). */
  readonly simulator: boolean;
}

const FLAG_TO_ENV: Readonly<Record<string, string>> = {
  port: 'BK_PORT',
  host: 'BK_HOST',
  'data-dir': 'BK_DATA_DIR',
  'database-url': 'BK_DATABASE_URL',
  'wechat-api-base': 'BK_WECHAT_API_BASE',
  'log-level': 'BK_LOG_LEVEL',
};

/** Reads `--name value` and `--name=value` flags into their environment-variable names. */
export function flagsToEnv(argv: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (!arg.startsWith('--')) continue;
    const [name, inline] = arg.slice(2).split('=', 2) as [string, string | undefined];
    const envName = FLAG_TO_ENV[name];
    if (!envName) continue;
    const value = inline ?? argv[i + 1];
    if (inline === undefined) i++;
    if (value !== undefined) out[envName] = value;
  }
  return out;
}

function readOrCreateSecret(dataDir: string): string {
  const file = join(dataDir, 'token-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

/** Builds the configuration from an environment (and optional CLI flags, which win). */
export function loadConfig(
  env: Readonly<Record<string, string | undefined>> = process.env,
  argv: readonly string[] = [],
): ServerConfig {
  const e = { ...env, ...flagsToEnv(argv) };
  const dataDir = resolve(e.BK_DATA_DIR ?? './data');
  mkdirSync(dataDir, { recursive: true });
  const dbUrl = e.BK_DATABASE_URL ?? '';
  const database: DatabaseConfig = /^postgres(ql)?:\/\//.test(dbUrl)
    ? { kind: 'postgres', url: dbUrl }
    : { kind: 'sqlite', url: dbUrl || join(dataDir, 'brightkitchen.db') };
  return {
    port: Number(e.BK_PORT ?? 8080),
    host: e.BK_HOST ?? '127.0.0.1',
    dataDir,
    appDir: resolve(e.BK_APP_DIR ?? fileURLToPath(new URL('../../miniprogram/dist-h5/', import.meta.url))),
    database,
    wechat: {
      apiBase: (e.BK_WECHAT_API_BASE ?? 'https://api.weixin.qq.com').replace(/\/+$/, ''),
      appId: e.BK_WECHAT_APPID ?? '',
      secret: e.BK_WECHAT_SECRET ?? '',
    },
    tokenSecret: e.BK_TOKEN_SECRET || readOrCreateSecret(dataDir),
    accessTokenTtl: Number(e.BK_ACCESS_TOKEN_TTL ?? 15 * 60),
    refreshTokenTtl: Number(e.BK_REFRESH_TOKEN_TTL ?? 30 * 24 * 3600),
    partnerWindowMs: 5 * 60 * 1000,
    bodyLimit: Number(e.BK_BODY_LIMIT ?? 8 * 1024 * 1024),
    logLevel: (e.BK_LOG_LEVEL ?? 'info') as LogLevel,
    devices: {
      enabled: (e.BK_DEVICES ?? 'on') !== 'off',
      adapterModules: (e.BK_ADAPTERS ?? '')
        .split(',')
        .map((m) => m.trim())
        .filter(Boolean),
      mqttUrl: e.BK_MQTT_URL ?? '',
      // Under the test runner the defaults are random ports, so parallel suites never collide.
      mqttPort: Number(e.BK_MQTT_PORT ?? (process.env.VITEST ? 0 : 1883)),
      mqttWsPort: Number(e.BK_MQTT_WS_PORT ?? (process.env.VITEST ? 0 : 8083)),
      mqttHost: e.BK_MQTT_HOST ?? e.BK_HOST ?? '127.0.0.1',
      mqttShareGroup: e.BK_MQTT_SHARE_GROUP ?? 'bk',
      flushRows: Number(e.BK_INGEST_FLUSH_ROWS ?? 500),
      flushMs: Number(e.BK_INGEST_FLUSH_MS ?? 200),
      tickMs: Number(e.BK_DEVICES_TICK_MS ?? 1000),
      webhookUrl: e.BK_WEBHOOK_URL ?? '',
      webhookSecret: e.BK_WEBHOOK_SECRET ?? '',
      wechatTemplateId: e.BK_WECHAT_ALERT_TEMPLATE_ID ?? '',
      offlineGraceMs: Number(e.BK_DEVICE_OFFLINE_GRACE_MS ?? 60_000),
      runGraceMs: Number(e.BK_DISINFECTION_GRACE_MS ?? 10 * 60_000),
      simulator: !['0', 'off', 'false', 'no'].includes((e.BK_SIMULATOR ?? '1').toLowerCase()),
    },
  };
}

/** The configuration as printed at start: secrets and database passwords masked. */
export function describeConfig(config: ServerConfig): Record<string, unknown> {
  return {
    port: config.port,
    host: config.host,
    dataDir: config.dataDir,
    appDir: config.appDir,
    database: { kind: config.database.kind, url: config.database.url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@') },
    wechat: { apiBase: config.wechat.apiBase, appId: config.wechat.appId, secret: config.wechat.secret ? '***' : '' },
    tokenSecret: '***',
    accessTokenTtl: config.accessTokenTtl,
    logLevel: config.logLevel,
    devices: {
      ...config.devices,
      mqttUrl: config.devices.mqttUrl.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@'),
      webhookSecret: config.devices.webhookSecret ? '***' : '',
    },
  };
}
