/** Settings → ServerConfig: the defaults worked out at start, the data dir created, the token secret kept. */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError } from './config-error.js';
import { readOrCreateLedgerSigningKey } from './ledger-signing-key.js';
import type { DatabaseConfig, ServerConfig, SmsConfig } from './server-config.js';
import { readSettings } from './settings.js';
import { readOrCreateTokenSecret } from './token-secret.js';
import { type FlagValues, SERVER_VARIABLES, type Settings } from './variables.js';

/**
 * packages/miniprogram/dist-h5, found from the server package's root: this code runs from src/config/ under
 * tsx and from a chunk in dist/ when built, so a fixed relative URL would be right in only one of them.
 */
/** A sibling package's folder (`../miniprogram/dist-h5`), found from this package's root. */
function siblingDir(path: string): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return join(dir, '..', path);
}

/** With BK_SMS_PROVIDER=tencent every setting the call needs must be there (refused at start otherwise). */
function smsConfig(s: Settings): SmsConfig {
  const sms: SmsConfig = {
    provider: s.BK_SMS_PROVIDER,
    apiBase: s.BK_SMS_API_BASE,
    region: s.BK_SMS_REGION,
    secretId: s.BK_SMS_SECRET_ID ?? '',
    secretKey: s.BK_SMS_SECRET_KEY ?? '',
    appId: s.BK_SMS_APP_ID ?? '',
    signName: s.BK_SMS_SIGN_NAME ?? '',
    templateId: s.BK_SMS_TEMPLATE_ID ?? '',
  };
  if (sms.provider !== 'tencent') return sms;
  const missing = (
    [
      ['BK_SMS_SECRET_ID', sms.secretId],
      ['BK_SMS_SECRET_KEY', sms.secretKey],
      ['BK_SMS_APP_ID', sms.appId],
      ['BK_SMS_SIGN_NAME', sms.signName],
      ['BK_SMS_TEMPLATE_ID', sms.templateId],
    ] as const
  ).filter(([, value]) => !value);
  if (missing.length > 0) {
    throw new ConfigError(
      'CONFIG_INVALID',
      missing.map(([name]) => ({
        source: name,
        variable: name,
        problem: 'needed with BK_SMS_PROVIDER=tencent',
        accepts: SERVER_VARIABLES[name].accepts,
      })),
    );
  }
  return sms;
}

/**
 * Builds the configuration from an environment and the command line's flags (`parseCommandLine(argv).flags`),
 * which win. Every value is checked first: a refused one throws a `ConfigError` before anything is created.
 *
 * @example loadConfig(process.env, parseCommandLine(['--port', '9000']).flags).port // 9000
 */
export function loadConfig(
  env: Readonly<Record<string, string | undefined>> = process.env,
  flags: FlagValues = {},
): ServerConfig {
  const s = readSettings(env, flags);
  const dataDir = resolve(s.BK_DATA_DIR);
  mkdirSync(dataDir, { recursive: true });
  const dbUrl = s.BK_DATABASE_URL ?? '';
  const database: DatabaseConfig = /^postgres(ql)?:\/\//i.test(dbUrl)
    ? { kind: 'postgres', url: dbUrl }
    : { kind: 'sqlite', url: dbUrl || join(dataDir, 'brightkitchen.db') };
  // On PostgreSQL several instances may share the database: a secret made per data folder would make each
  // instance refuse the others' tokens, so the platform's one secret must be given.
  if (database.kind === 'postgres' && !s.BK_TOKEN_SECRET) {
    throw new ConfigError('CONFIG_INVALID', [
      {
        source: 'BK_TOKEN_SECRET',
        variable: 'BK_TOKEN_SECRET',
        problem: 'needed with a PostgreSQL BK_DATABASE_URL (every instance of the platform signs with it)',
        accepts: SERVER_VARIABLES.BK_TOKEN_SECRET.accepts,
      },
    ]);
  }
  // Under the test runner the broker's defaults are random ports, so parallel suites never collide.
  const underTest = Boolean(process.env.VITEST);
  return {
    port: s.BK_PORT,
    host: s.BK_HOST,
    dataDir,
    appDir: resolve(s.BK_APP_DIR ?? siblingDir('miniprogram/dist-h5')),
    consoleDir: resolve(s.BK_CONSOLE_DIR ?? siblingDir('console/dist')),
    database,
    wechat: {
      apiBase: s.BK_WECHAT_API_BASE,
      appId: s.BK_WECHAT_APPID ?? '',
      secret: s.BK_WECHAT_SECRET ?? '',
      tipTemplateId: s.BK_WECHAT_TIP_TEMPLATE_ID ?? '',
    },
    sms: smsConfig(s),
    tokenSecret: s.BK_TOKEN_SECRET ?? readOrCreateTokenSecret(dataDir),
    ledgerSigningKey: s.BK_LEDGER_SIGNING_KEY ?? readOrCreateLedgerSigningKey(dataDir),
    accessTokenTtl: s.BK_ACCESS_TOKEN_TTL,
    refreshTokenTtl: s.BK_REFRESH_TOKEN_TTL,
    partnerWindowMs: 5 * 60 * 1000,
    bodyLimit: s.BK_BODY_LIMIT,
    logLevel: s.BK_LOG_LEVEL,
    limits: {
      loginPerIpPerMinute: s.BK_LIMIT_LOGIN_PER_IP,
      loginLockAfter: s.BK_LIMIT_LOGIN_LOCK_AFTER,
      publicPerIpPerMinute: s.BK_LIMIT_PUBLIC_PER_IP,
      consumerDaily: s.BK_LIMIT_CONSUMER_DAILY,
      smsPerIpPerHour: s.BK_LIMIT_SMS_PER_IP,
      smsPerPhonePerDay: s.BK_LIMIT_SMS_PER_PHONE,
    },
    devices: {
      enabled: s.BK_DEVICES,
      adapterModules: s.BK_ADAPTERS ?? [],
      mqttUrl: s.BK_MQTT_URL ?? '',
      mqttPort: s.BK_MQTT_PORT ?? (underTest ? 0 : 1883),
      mqttWsPort: s.BK_MQTT_WS_PORT ?? (underTest ? 0 : 8083),
      mqttHost: s.BK_MQTT_HOST ?? s.BK_HOST,
      mqttShareGroup: s.BK_MQTT_SHARE_GROUP,
      mqttClientId: s.BK_MQTT_CLIENT_ID ?? '',
      brokerHookToken: s.BK_BROKER_HOOK_TOKEN ?? '',
      mqttDynsec: s.BK_MQTT_DYNSEC,
      emqxApiUrl: (s.BK_EMQX_API_URL ?? '').replace(/\/+$/, ''),
      emqxApiKey: s.BK_EMQX_API_KEY ?? '',
      mqttSessionExpiry: s.BK_MQTT_SESSION_EXPIRY,
      flushRows: s.BK_INGEST_FLUSH_ROWS,
      flushMs: s.BK_INGEST_FLUSH_MS,
      tickMs: s.BK_DEVICES_TICK_MS,
      webhookUrl: s.BK_WEBHOOK_URL ?? '',
      webhookSecret: s.BK_WEBHOOK_SECRET ?? '',
      wechatTemplateId: s.BK_WECHAT_ALERT_TEMPLATE_ID ?? '',
      offlineGraceMs: s.BK_DEVICE_OFFLINE_GRACE_MS,
      runGraceMs: s.BK_DISINFECTION_GRACE_MS,
      simulator: s.BK_SIMULATOR,
    },
    corsOrigins: s.BK_CORS_ORIGINS ?? [],
    metricsToken: s.BK_METRICS_TOKEN ?? '',
    video: {
      enabled: s.BK_VIDEO === 'on',
      offered: s.BK_VIDEO !== 'off',
      ffmpeg: s.BK_FFMPEG,
      urlTtlSeconds: s.BK_VIDEO_URL_TTL,
      maxViewers: s.BK_VIDEO_MAX_VIEWERS,
      localSources: s.BK_VIDEO_LOCAL_SOURCES,
      gb28181Url: s.BK_VIDEO_GB28181_URL ?? '',
      playBase: (s.BK_VIDEO_PLAY_BASE ?? '').replace(/\/+$/, ''),
    },
  };
}
