import type { ConsumerDailyLimits } from './values.js';

/** The configuration the server runs with, built once at start by `loadConfig`. */

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
  /** The regulators' console build served at `/console/` (BK_CONSOLE_DIR; default packages/console/dist). */
  readonly consoleDir: string;
  readonly database: DatabaseConfig;
  readonly wechat: {
    readonly apiBase: string;
    readonly appId: string;
    readonly secret: string;
    /** Subscribe-message template of consumer alerts (BK_WECHAT_TIP_TEMPLATE_ID; empty or absent: off). */
    readonly tipTemplateId?: string;
  };
  /** Who sends the H5 sign-in codes (BK_SMS_PROVIDER with its keys): Tencent Cloud SMS, or the server log (the demo). */
  readonly sms: SmsConfig;
  readonly tokenSecret: string;
  /** The platform's Ed25519 private key (PKCS#8 PEM): signs ledger roots and retention checkpoints. */
  readonly ledgerSigningKey: string;
  /** Access-token lifetime in seconds. */
  readonly accessTokenTtl: number;
  /** Refresh-token lifetime in seconds. */
  readonly refreshTokenTtl: number;
  /** Partner signature window in milliseconds (timestamp skew and replay memory). */
  readonly partnerWindowMs: number;
  /** Largest accepted request body in bytes (complaint photos included). */
  readonly bodyLimit: number;
  readonly logLevel: LogLevel;
  /** Abuse limits (BK_LIMIT_LOGIN_PER_IP and its neighbours): logins per IP and account lock-out, public routes per IP, consumers per day. */
  readonly limits: LimitsConfig;
  /** Devices: MQTT broker (embedded or external), ingestion batching, notification channels. */
  readonly devices: DevicesConfig;
  /** Origins whose pages may call the API from a browser (BK_CORS_ORIGINS); empty: same origin only. */
  readonly corsOrigins: readonly string[];
  /** Bearer token of `GET /metrics` (BK_METRICS_TOKEN); empty: loopback callers only. */
  readonly metricsToken: string;
  /** The live kitchen (BK_VIDEO and its neighbours). */
  readonly video: VideoConfig;
}

export interface VideoConfig {
  /** This instance runs the media engine (BK_VIDEO=on). */
  readonly enabled: boolean;
  /** Venue pages offer the live kitchen: this instance or another serves it (BK_VIDEO=on or elsewhere). */
  readonly offered: boolean;
  readonly ffmpeg: string;
  readonly urlTtlSeconds: number;
  readonly maxViewers: number;
  readonly localSources: boolean;
  /** RTSP template with `{deviceId}` and `{channelId}`; empty: GB/T 28181 channels unavailable. */
  readonly gb28181Url: string;
  /** Origin of play URLs; empty: server-relative. */
  readonly playBase: string;
}

export interface SmsConfig {
  readonly provider: 'log' | 'tencent';
  readonly apiBase: string;
  readonly region: string;
  readonly secretId: string;
  readonly secretKey: string;
  readonly appId: string;
  readonly signName: string;
  readonly templateId: string;
}

export interface LimitsConfig {
  /** Login attempts per IP and minute. */
  readonly loginPerIpPerMinute: number;
  /** Wrong passwords in a row before an account is locked (1 min, doubling, at most 1 h). */
  readonly loginLockAfter: number;
  /** Requests per IP and minute on public routes. */
  readonly publicPerIpPerMinute: number;
  readonly consumerDaily: ConsumerDailyLimits;
  /** SMS sign-in codes per IP and hour, and per phone number and local day. */
  readonly smsPerIpPerHour: number;
  readonly smsPerPhonePerDay: number;
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
  /** External broker: a stable client id (persistent MQTT 5 session) or empty (random id, clean session). */
  readonly mqttClientId: string;
  readonly mqttSessionExpiry: number;
  /** EMQX's hooks: the token it sends (empty: the hooks refuse every call). */
  readonly brokerHookToken: string;
  /** EMQX's management API (empty: off) and its `key:secret`, to disconnect removed devices at once. */
  readonly emqxApiUrl: string;
  readonly emqxApiKey: string;
  /** External Mosquitto: provision credentials and ACLs through its dynamic security plugin. */
  readonly mqttDynsec: boolean;
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
