/**
 * The kinds of value a BK_* variable or a flag holds, as valibot schemas from text to the typed value.
 * The text is trimmed and non-empty when it gets here (an empty variable counts as unset).
 */
import { createPrivateKey } from 'node:crypto';
import * as v from 'valibot';

/** A setTimeout/setInterval delay above this fires at once, so millisecond settings stop here. */
export const MAX_TIMER_MS = 2_147_483_647;

export const text = v.string();

/** Digits only (no `1e3`, `0x10`, `8080.5`), then a range check. */
export const wholeNumber = (min: number, max = Number.MAX_SAFE_INTEGER) =>
  v.pipe(v.string(), v.regex(/^-?\d+$/), v.transform(Number), v.integer(), v.minValue(min), v.maxValue(max));

const ON = ['1', 'on', 'true', 'yes'];
const OFF = ['0', 'off', 'false', 'no'];

export const onOff = v.pipe(
  v.string(),
  v.toLowerCase(),
  v.picklist([...ON, ...OFF]),
  v.transform((value) => ON.includes(value)),
);

/**
 * BK_VIDEO: `on` (this instance pulls, records and serves), `elsewhere` (another instance does: this one signs the
 * play URLs it points at), `off` (no live video).
 */
export const videoMode = v.pipe(
  v.string(),
  v.toLowerCase(),
  v.picklist([...ON, ...OFF, 'elsewhere']),
  v.transform((value): 'on' | 'off' | 'elsewhere' =>
    value === 'elsewhere' ? 'elsewhere' : ON.includes(value) ? 'on' : 'off',
  ),
);

/** A URL whose scheme is one of `schemes` (`['http', 'https']`). */
export const urlWith = (schemes: readonly string[]) =>
  v.pipe(
    v.string(),
    v.check((value) => URL.canParse(value) && schemes.includes(new URL(value).protocol.slice(0, -1))),
  );

/** A host name or IP address: no spaces, slashes or scheme. */
export const hostName = v.pipe(v.string(), v.regex(/^[^\s/]+$/));

/** Comma-separated items, blanks dropped. */
export const commaList = v.pipe(
  v.string(),
  v.transform((value) =>
    value
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean),
  ),
);

/** One web origin: `http(s)://host[:port]`, nothing after it but an optional `/`. */
function isOrigin(item: string): boolean {
  if (!URL.canParse(item)) return false;
  const url = new URL(item);
  return ['http:', 'https:'].includes(url.protocol) && url.origin === item.replace(/\/$/, '');
}

/** Comma-separated web origins (BK_CORS_ORIGINS), each as the browser sends it in `Origin`. */
export const originList = v.pipe(
  commaList,
  v.check((items) => items.every(isOrigin)),
  v.transform((items) => items.map((item) => new URL(item).origin)),
);

/** A `postgres://` URL, or anything else that is not a URL (a SQLite file path). */
export const databaseUrl = v.pipe(
  v.string(),
  v.check((value) => {
    if (/^postgres(ql)?:\/\//i.test(value)) return URL.canParse(value);
    return !/^[a-z][a-z0-9+.-]*:\/\//i.test(value);
  }),
);

/**
 * An Ed25519 private key as PKCS#8 PEM (line breaks may be written `\n`) or as the base64 of its DER, kept as PEM.
 */
export const ed25519PrivateKey = v.pipe(
  v.string(),
  v.rawTransform(({ dataset, addIssue, NEVER }) => {
    const text = dataset.value.replace(/\\n/g, '\n');
    try {
      const key = text.includes('-----BEGIN')
        ? createPrivateKey(text)
        : createPrivateKey({ key: Buffer.from(text, 'base64'), format: 'der', type: 'pkcs8' });
      if (key.asymmetricKeyType === 'ed25519') return key.export({ format: 'pem', type: 'pkcs8' }).toString();
    } catch {
      // Reported below: the variable's `accepts` says what is wanted.
    }
    addIssue({ message: 'not an Ed25519 private key' });
    return NEVER;
  }),
);

/** What one consumer may send per local day (BK_LIMIT_CONSUMER_DAILY). */
export interface ConsumerDailyLimits {
  readonly ratings: number;
  readonly notices: number;
  readonly complaints: number;
  readonly photoBytes: number;
}

const count = v.pipe(v.string(), v.regex(/^\d+$/), v.transform(Number));

/** `ratings=20,notices=10,…`: every key named once, each a whole number. */
export const consumerDaily = v.pipe(
  v.string(),
  v.transform((value) => Object.fromEntries(value.split(',').map((pair) => pair.split('=').map((p) => p.trim())))),
  v.strictObject({ ratings: count, notices: count, complaints: count, photoBytes: count }),
  v.transform((limits): ConsumerDailyLimits => limits),
);
