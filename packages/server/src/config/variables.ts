/**
 * THE table of the server's environment: every BK_* variable it reads, with its type (a valibot schema from
 * text), default, meaning and what it accepts. The command line (`--port` …), the start-up check,
 * `bk-server --help` and the README's "Configuration" are all read from here.
 */
import * as v from 'valibot';
import {
  commaList,
  consumerDaily,
  databaseUrl,
  ed25519PrivateKey,
  hostName,
  MAX_TIMER_MS,
  onOff,
  originList,
  text,
  urlWith,
  videoMode,
  wholeNumber,
} from './values.js';

export interface Variable {
  /** What it sets, in a sentence. */
  readonly description: string;
  /** What a value may be; printed when one is refused. */
  readonly accepts: string;
  /** From the trimmed, non-empty text to the value. */
  readonly schema: v.GenericSchema<string, unknown>;
  /** The text used when the variable is unset or empty; without it the setting is absent (see `computedDefault`). */
  readonly fallback?: string;
  /** How the default reads when it is worked out at start rather than fixed. */
  readonly computedDefault?: string;
  /** The command-line flag that overrides the variable (`port` → `--port`), and its value's name in `--help`. */
  readonly flag?: string;
  readonly flagValue?: string;
  /** Never printed: not at start, not when refused. */
  readonly secret?: true;
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const ON_OFF = '`on` or `off` (also `1`/`0`, `true`/`false`, `yes`/`no`)';
const milliseconds = (min: number) => `a whole number of milliseconds from ${min} to ${MAX_TIMER_MS}`;

export const SERVER_VARIABLES = {
  BK_PORT: {
    flag: 'port',
    flagValue: 'N',
    description: 'HTTP port of the API, the docs and the H5 app.',
    schema: wholeNumber(0, 65535),
    fallback: '8080',
    accepts: 'a whole number from 0 to 65535 (0: a random free port)',
  },
  BK_HOST: {
    flag: 'host',
    flagValue: 'HOST',
    description: 'Address the HTTP server listens on.',
    schema: hostName,
    fallback: '127.0.0.1',
    accepts: 'a host name or IP address (`0.0.0.0`: every interface)',
  },
  BK_DATA_DIR: {
    flag: 'data-dir',
    flagValue: 'DIR',
    description: 'Where the SQLite database, the token secret and the demo accounts and devices are kept.',
    schema: text,
    fallback: './data',
    accepts: 'a directory path (created when missing)',
  },
  BK_DATABASE_URL: {
    flag: 'database-url',
    flagValue: 'URL',
    description: 'The database: PostgreSQL for a `postgres://` URL, otherwise a SQLite file.',
    schema: databaseUrl,
    computedDefault: '`<BK_DATA_DIR>/brightkitchen.db`',
    accepts: 'a `postgres://` or `postgresql://` URL (query such as `?sslmode=require` kept), or a SQLite file path',
  },
  BK_LOG_LEVEL: {
    flag: 'log-level',
    flagValue: 'LEVEL',
    description: 'Least severe log line written.',
    schema: v.picklist(LOG_LEVELS),
    fallback: 'info',
    accepts: `one of ${LOG_LEVELS.join(', ')}`,
  },
  BK_APP_DIR: {
    description: "The mini-program's H5 build, served at `/app/`.",
    schema: text,
    computedDefault: '`packages/miniprogram/dist-h5`',
    accepts: 'a directory path',
  },
  BK_CONSOLE_DIR: {
    description: "The regulators' console build, served at `/console/`.",
    schema: text,
    computedDefault: '`packages/console/dist`',
    accepts: 'a directory path',
  },
  BK_BODY_LIMIT: {
    description: 'Largest accepted request body in bytes (complaint photos included).',
    schema: wholeNumber(1),
    fallback: '8388608',
    accepts: 'a whole number of bytes, at least 1',
  },
  BK_TOKEN_SECRET: {
    description:
      'HMAC key of the access tokens; give every server of one platform the same (required on PostgreSQL, where several instances may share the database).',
    schema: v.pipe(v.string(), v.minLength(32)),
    computedDefault: 'generated once, kept in `<BK_DATA_DIR>/token-secret`',
    accepts: 'at least 32 characters (`openssl rand -hex 32`)',
    secret: true,
  },
  BK_LEDGER_SIGNING_KEY: {
    description:
      "The platform's Ed25519 key: signs the ledger roots and retention checkpoints; give every server of one platform the same.",
    schema: ed25519PrivateKey,
    computedDefault: 'generated once, kept in `<BK_DATA_DIR>/ledger-signing-key.pem`',
    accepts: 'an Ed25519 private key, PKCS#8 PEM (`openssl genpkey -algorithm ed25519`) or the base64 of its DER',
    secret: true,
  },
  BK_ACCESS_TOKEN_TTL: {
    description: 'Access-token lifetime in seconds.',
    schema: wholeNumber(1),
    fallback: '900',
    accepts: 'a whole number of seconds, at least 1',
  },
  BK_REFRESH_TOKEN_TTL: {
    description: 'Refresh-token lifetime in seconds (30 days).',
    schema: wholeNumber(1),
    fallback: '2592000',
    accepts: 'a whole number of seconds, at least 1',
  },
  BK_WECHAT_API_BASE: {
    flag: 'wechat-api-base',
    flagValue: 'URL',
    description: 'WeChat API origin (code2session, access token, subscribe messages); tests point it at a fake.',
    schema: v.pipe(
      urlWith(['http', 'https']),
      v.transform((url) => url.replace(/\/+$/, '')),
    ),
    fallback: 'https://api.weixin.qq.com',
    accepts: 'an `http://` or `https://` URL',
  },
  BK_WECHAT_APPID: {
    description: "The mini-program's AppID, for WeChat login.",
    schema: text,
    accepts: 'an AppID (`wx…`)',
  },
  BK_WECHAT_SECRET: {
    description: "The mini-program's AppSecret, for WeChat login and subscribe messages.",
    schema: text,
    accepts: 'the AppSecret',
    secret: true,
  },
  BK_SMS_PROVIDER: {
    description:
      'Who sends the sign-in codes of the H5 app: `tencent` (Tencent Cloud SMS) or `log` (not sent: written to the server log, for the demo).',
    schema: v.picklist(['log', 'tencent']),
    fallback: 'log',
    accepts: '`log` or `tencent`',
  },
  BK_SMS_API_BASE: {
    description: 'Tencent Cloud SMS API origin (`SendSms`, API 3.0); tests point it at a fake.',
    schema: v.pipe(
      urlWith(['http', 'https']),
      v.transform((url) => url.replace(/\/+$/, '')),
    ),
    fallback: 'https://sms.tencentcloudapi.com',
    accepts: 'an `http://` or `https://` URL',
  },
  BK_SMS_REGION: {
    description: 'Tencent Cloud region of the SMS calls (`X-TC-Region`).',
    schema: v.pipe(v.string(), v.regex(/^[a-z]+(-[a-z]+)+$/)),
    fallback: 'ap-guangzhou',
    accepts: 'a region such as `ap-guangzhou` or `ap-beijing`',
  },
  BK_SMS_SECRET_ID: {
    description: 'Tencent Cloud API key id (SecretId) for SMS.',
    schema: text,
    accepts: 'a SecretId (`AKID…`)',
  },
  BK_SMS_SECRET_KEY: {
    description: 'Tencent Cloud API key (SecretKey) for SMS: signs each call (TC3-HMAC-SHA256).',
    schema: text,
    accepts: 'the SecretKey',
    secret: true,
  },
  BK_SMS_APP_ID: {
    description: 'The SMS application (SmsSdkAppId) the codes are sent from.',
    schema: v.pipe(v.string(), v.regex(/^\d+$/)),
    accepts: 'an SmsSdkAppId (digits, `1400…`)',
  },
  BK_SMS_SIGN_NAME: {
    description: 'The approved SMS signature (签名), e.g. `明厨亮灶`.',
    schema: text,
    accepts: 'an approved signature',
  },
  BK_SMS_TEMPLATE_ID: {
    description: 'The approved template of the code message: `{1}` the code, `{2}` its minutes of validity.',
    schema: v.pipe(v.string(), v.regex(/^\d+$/)),
    accepts: 'a template id (digits)',
  },
  BK_DEVICES: {
    description: 'Devices: the MQTT broker, ingestion and the clock loop; `off` serves the API alone.',
    schema: onOff,
    fallback: 'on',
    accepts: ON_OFF,
  },
  BK_ADAPTERS: {
    description: "Modules with a vendor's own adapters, loaded at start (each exports `adapters` or a default).",
    schema: commaList,
    accepts: 'comma-separated module paths or package names',
  },
  BK_MQTT_URL: {
    description: 'An external MQTT broker to join; when empty the server runs its embedded broker.',
    schema: urlWith(['mqtt', 'mqtts', 'tcp', 'tls', 'ws', 'wss']),
    accepts: 'an `mqtt://`, `mqtts://`, `tcp://`, `tls://`, `ws://` or `wss://` URL (`user:pass@` for credentials)',
  },
  BK_MQTT_PORT: {
    description: "The embedded broker's TCP port.",
    schema: wholeNumber(0, 65535),
    computedDefault: '`1883` (`0` under vitest)',
    accepts: 'a whole number from 0 to 65535 (0: a random free port)',
  },
  BK_MQTT_WS_PORT: {
    description: "The embedded broker's MQTT-over-WebSocket port (`/mqtt` on the HTTP port is served either way).",
    schema: wholeNumber(-1, 65535),
    computedDefault: '`8083` (`0` under vitest)',
    accepts: 'a whole number from -1 to 65535 (0: a random free port, -1: none)',
  },
  BK_MQTT_HOST: {
    description: 'Address the embedded broker listens on.',
    schema: hostName,
    computedDefault: 'the value of `BK_HOST`',
    accepts: 'a host name or IP address',
  },
  BK_MQTT_SHARE_GROUP: {
    description: 'Shared-subscription group on an external broker (`$share/<group>/…`): one per platform.',
    schema: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]+$/)),
    fallback: 'bk',
    accepts: 'letters, digits, `_` and `-`',
  },
  BK_MQTT_CLIENT_ID: {
    description:
      'On an external broker: this instance’s MQTT client id, kept across restarts; its MQTT 5 session (and its share of QoS 1 messages) outlives a restart.',
    schema: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/)),
    computedDefault: 'a random id and a clean session at each start',
    accepts: 'up to 64 letters, digits, `_` and `-`, different for each instance',
  },
  BK_MQTT_SESSION_EXPIRY: {
    description: 'Seconds the broker keeps the session of an instance with BK_MQTT_CLIENT_ID after it drops.',
    schema: wholeNumber(0, 4294967295),
    fallback: '300',
    accepts: 'a whole number of seconds',
  },
  BK_BROKER_HOOK_TOKEN: {
    description:
      'Turns on the EMQX authentication and authorization hooks (`/v1/broker/emqx/…`); EMQX sends it as `X-BK-Broker-Token`.',
    schema: v.pipe(v.string(), v.minLength(32)),
    computedDefault: 'empty: the hooks refuse every call',
    accepts: 'at least 32 characters (`openssl rand -hex 32`)',
    secret: true,
  },
  BK_EMQX_API_URL: {
    description:
      "EMQX's management API (`http://emqx:18083`): a device removed is disconnected at once (`GET /api/v5/clients?username=`, then `DELETE /api/v5/clients/{clientid}`), not only refused when it reconnects.",
    schema: urlWith(['http', 'https']),
    computedDefault: 'empty: removed devices are refused by the hooks only',
    accepts: 'an http(s) URL',
  },
  BK_EMQX_API_KEY: {
    description: "An API key of EMQX's management API as `key:secret` (HTTP Basic).",
    schema: v.pipe(v.string(), v.regex(/^[^:]+:.+$/)),
    computedDefault: 'empty',
    accepts: '`key:secret`',
    secret: true,
  },
  BK_MQTT_DYNSEC: {
    description:
      "With BK_MQTT_URL on Mosquitto 2: provision devices' credentials and topic ACLs and users' realtime access through the dynamic security plugin (BK_MQTT_URL's user is its admin).",
    schema: onOff,
    fallback: 'off',
    accepts: ON_OFF,
  },
  BK_INGEST_FLUSH_ROWS: {
    description: 'Buffered readings are written once this many wait…',
    schema: wholeNumber(1),
    fallback: '500',
    accepts: 'a whole number, at least 1',
  },
  BK_INGEST_FLUSH_MS: {
    description: '…or every this many milliseconds.',
    schema: wholeNumber(1, MAX_TIMER_MS),
    fallback: '200',
    accepts: milliseconds(1),
  },
  BK_DEVICES_TICK_MS: {
    description: 'Period of the clock loop (threshold durations, escalation, retries) in milliseconds.',
    schema: wholeNumber(1, MAX_TIMER_MS),
    fallback: '1000',
    accepts: milliseconds(1),
  },
  BK_DEVICE_OFFLINE_GRACE_MS: {
    description: "A device's dropped broker connection becomes `DEVICE_OFFLINE` after this many milliseconds.",
    schema: wholeNumber(0, MAX_TIMER_MS),
    fallback: '60000',
    accepts: milliseconds(0),
  },
  BK_DISINFECTION_GRACE_MS: {
    description: 'A preset disinfection run must draw power within this many milliseconds of its start.',
    schema: wholeNumber(0, MAX_TIMER_MS),
    fallback: '600000',
    accepts: milliseconds(0),
  },
  BK_WEBHOOK_URL: {
    description: 'Signed webhook for alert notifications; off when empty.',
    schema: urlWith(['http', 'https']),
    accepts: 'an `http://` or `https://` URL',
  },
  BK_WEBHOOK_SECRET: {
    description: "HMAC-SHA256 key of the webhook's `X-BK-Signature`.",
    schema: text,
    accepts: 'any text',
    secret: true,
  },
  BK_WECHAT_ALERT_TEMPLATE_ID: {
    description: 'WeChat subscribe-message template for alerts; the channel is off when empty.',
    schema: text,
    accepts: 'a template id',
  },
  BK_WECHAT_TIP_TEMPLATE_ID: {
    description: 'WeChat subscribe-message template for consumer alerts (消费预警); off when empty.',
    schema: text,
    accepts: 'a template id',
  },
  BK_SIMULATOR: {
    description: "`bk-server start` runs the demo venue's simulated kitchen (with the embedded broker).",
    schema: onOff,
    fallback: 'on',
    accepts: ON_OFF,
  },
  BK_LIMIT_LOGIN_PER_IP: {
    description: 'Login attempts (password and WeChat) one IP address may make per minute; more are answered 429.',
    schema: wholeNumber(1),
    fallback: '30',
    accepts: 'a whole number, at least 1',
  },
  BK_LIMIT_LOGIN_LOCK_AFTER: {
    description: 'Wrong passwords in a row that lock an account: 1 min, doubling with each further failure up to 1 h.',
    schema: wholeNumber(1),
    fallback: '5',
    accepts: 'a whole number, at least 1',
  },
  BK_LIMIT_PUBLIC_PER_IP: {
    description: 'Requests one IP address may make per minute to the public routes (QR profile, open data).',
    schema: wholeNumber(1),
    fallback: '1200',
    accepts: 'a whole number, at least 1',
  },
  BK_LIMIT_CONSUMER_DAILY: {
    description: 'What one consumer may send per local day: ratings, notices, complaints and photo bytes.',
    schema: consumerDaily,
    fallback: 'ratings=20,notices=10,complaints=5,photoBytes=8388608',
    accepts: 'comma-separated `name=N` for ratings, notices, complaints, photoBytes (each a whole number)',
  },
  BK_LIMIT_SMS_PER_IP: {
    description: 'Sign-in codes by SMS one IP address may ask for per hour; more are answered 429.',
    schema: wholeNumber(1),
    fallback: '20',
    accepts: 'a whole number, at least 1',
  },
  BK_LIMIT_SMS_PER_PHONE: {
    description: 'Sign-in codes one phone number may be sent per local day (and at most one a minute).',
    schema: wholeNumber(1),
    fallback: '10',
    accepts: 'a whole number, at least 1',
  },
  BK_CORS_ORIGINS: {
    description: 'Web origins whose pages may call the API from the browser (CORS); empty: same origin only.',
    schema: originList,
    accepts: 'comma-separated origins such as `https://partner.example.com` (scheme, host, port; no path)',
  },
  BK_METRICS_TOKEN: {
    description:
      '`GET /metrics` (Prometheus) then asks for `Authorization: Bearer <token>`; empty: loopback callers only, not proxied.',
    schema: v.pipe(v.string(), v.minLength(16)),
    accepts: 'at least 16 characters (`openssl rand -hex 16`)',
    secret: true,
  },
  BK_VIDEO: {
    description:
      "The live kitchen's media engine: ffmpeg pulls camera channels to HLS (public ones on demand, recorded ones always). `elsewhere`: another instance of the cluster runs it (a balancer sends it `/v1/live`, `/v1/recordings`, `kitchen.jpg` and playback, or BK_VIDEO_PLAY_BASE points at it); this one still offers the live kitchen on venue pages. Off: no live video.",
    schema: videoMode,
    fallback: 'on',
    accepts: `${ON_OFF}, or \`elsewhere\``,
  },
  BK_FFMPEG: {
    description: 'The ffmpeg the media engine runs (Debian: `apt-get install ffmpeg`).',
    schema: text,
    fallback: 'ffmpeg',
    accepts: 'a command name or path',
  },
  BK_VIDEO_URL_TTL: {
    description:
      'Seconds a signed live or playback URL is accepted from when it was issued (rounded up to the minute); a viewer already watching goes on.',
    schema: wholeNumber(60, 86_400),
    fallback: '300',
    accepts: 'a whole number of seconds from 60 to 86400',
  },
  BK_VIDEO_MAX_VIEWERS: {
    description:
      "Concurrent live viewers per venue; more are answered 429 LIVE_VIEWERS_FULL (protects the venue's and the server's uplink).",
    schema: wholeNumber(1, 100_000),
    fallback: '50',
    accepts: 'a whole number from 1',
  },
  BK_VIDEO_LOCAL_SOURCES: {
    description:
      'Camera sources may be on this machine or link-local (127.0.0.0/8, ::1, localhost, 169.254.0.0/16). Off (default): refused, so a channel cannot point the server at its own services (the demo sets up its simulated camera on loopback itself, not through the API).',
    schema: onOff,
    fallback: 'off',
    accepts: ON_OFF,
  },
  BK_VIDEO_GB28181_URL: {
    description:
      'How the media engine reaches a channel of the city video network: the RTSP URL template of the GB/T 28181 media server, with `{deviceId}` and `{channelId}` (ZLMediaKit: `rtsp://zlm:554/rtp/{deviceId}_{channelId}`). Unset: such channels are unavailable.',
    schema: v.pipe(
      text,
      v.regex(/^rtsps?:\/\/\S+$/),
      v.check((t) => t.includes('{deviceId}') && t.includes('{channelId}')),
    ),
    accepts: 'an rtsp:// URL containing {deviceId} and {channelId}',
  },
  BK_VIDEO_PLAY_BASE: {
    description:
      'Origin the signed play URLs point at (a dedicated video instance or a CDN in front of it, e.g. `https://video.example.cn`); unset: server-relative URLs (`/v1/live/…`).',
    schema: urlWith(['http', 'https']),
    accepts: 'an http(s) URL',
  },
} satisfies Record<`BK_${string}`, Variable>;

export type VariableName = keyof typeof SERVER_VARIABLES;

type SettingOf<T extends Variable> = T extends { fallback: string }
  ? v.InferOutput<T['schema']>
  : v.InferOutput<T['schema']> | undefined;

/** The checked value of every variable; absent where the default is worked out at start. */
export type Settings = { readonly [K in VariableName]: SettingOf<(typeof SERVER_VARIABLES)[K]> };

/** Values given on the command line, by the variable they override. */
export type FlagValues = Partial<Record<VariableName, string>>;

/** The default as the README and `--help` show it. */
export function defaultText(variable: Variable): string {
  return variable.computedDefault ?? (variable.fallback === undefined ? 'empty' : `\`${variable.fallback}\``);
}

/** The table as entries, typed loosely for code that walks every variable. */
export const variableEntries = (): [VariableName, Variable][] =>
  Object.entries(SERVER_VARIABLES) as [VariableName, Variable][];
