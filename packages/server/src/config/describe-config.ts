/** The configuration as printed at start: secrets and passwords in URLs masked. */
import type { ServerConfig } from './server-config.js';

const MASK = '***';

/** `scheme://user:secret@host/…` → `scheme://user:***@host/…`; anything else unchanged. */
export function maskUrlPassword(url: string): string {
  if (!URL.canParse(url)) return url.replace(/\/\/([^:@/]+):[^@]*@/, `//$1:${MASK}@`);
  const parsed = new URL(url);
  if (!parsed.password) return url;
  parsed.password = MASK;
  return parsed.toString();
}

const masked = (secret: string) => (secret ? MASK : '');

export function describeConfig(config: ServerConfig): Record<string, unknown> {
  return {
    port: config.port,
    host: config.host,
    dataDir: config.dataDir,
    appDir: config.appDir,
    database: { kind: config.database.kind, url: maskUrlPassword(config.database.url) },
    wechat: { apiBase: config.wechat.apiBase, appId: config.wechat.appId, secret: masked(config.wechat.secret) },
    sms: { ...config.sms, secretKey: masked(config.sms.secretKey) },
    tokenSecret: MASK,
    ledgerSigningKey: MASK,
    accessTokenTtl: config.accessTokenTtl,
    refreshTokenTtl: config.refreshTokenTtl,
    bodyLimit: config.bodyLimit,
    logLevel: config.logLevel,
    devices: {
      ...config.devices,
      mqttUrl: maskUrlPassword(config.devices.mqttUrl),
      webhookUrl: maskUrlPassword(config.devices.webhookUrl),
      webhookSecret: masked(config.devices.webhookSecret),
      brokerHookToken: masked(config.devices.brokerHookToken),
    },
    corsOrigins: config.corsOrigins,
    metricsToken: masked(config.metricsToken),
  };
}
