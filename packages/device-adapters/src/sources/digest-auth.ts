/**
 * HTTP Digest access authentication (RFC 7616) as a client: read the server's challenge, answer it.
 * MD5 and SHA-256 (and their `-sess` forms), `qop=auth`; RFC 2069 (no qop) for old cameras.
 */
import { createHash, randomBytes } from 'node:crypto';
import { sha256Hex } from '@brightkitchen/sdk';

export interface DigestChallenge {
  readonly realm: string;
  readonly nonce: string;
  readonly opaque?: string;
  readonly algorithm: string;
  /** The qop values offered, e.g. `['auth', 'auth-int']`; empty for RFC 2069 servers. */
  readonly qop: readonly string[];
}

export interface DigestCredentials {
  readonly username: string;
  readonly password: string;
}

const md5Hex = (text: string) => createHash('md5').update(text, 'utf8').digest('hex');

/** The hash of each algorithm spoken, over UTF-8 text, as hex (SHA-256 is the SDK's one helper). */
const HASHES: Readonly<Record<string, (text: string) => string>> = {
  md5: md5Hex,
  'md5-sess': md5Hex,
  'sha-256': sha256Hex,
  'sha-256-sess': sha256Hex,
};

const hashOf = (algorithm: string) => {
  const name = algorithm.toLowerCase();
  return Object.hasOwn(HASHES, name) ? HASHES[name] : undefined;
};

/** The first Digest challenge of a `WWW-Authenticate` header with an algorithm we speak, or undefined. */
export function parseDigestChallenge(header: string | readonly string[] | undefined): DigestChallenge | undefined {
  const values = typeof header === 'string' ? [header] : (header ?? []);
  for (const value of values) {
    for (const match of value.matchAll(/Digest\s+((?:[^,"]+?=(?:"[^"]*"|[^,\s]*)\s*,?\s*)+)/gi)) {
      const params: Record<string, string> = {};
      for (const p of (match[1] ?? '').matchAll(/([\w-]+)\s*=\s*(?:"([^"]*)"|([^,\s]*))/g)) {
        params[p[1]!.toLowerCase()] = p[2] ?? p[3] ?? '';
      }
      const algorithm = params.algorithm ?? 'MD5';
      if (params.realm === undefined || params.nonce === undefined || !hashOf(algorithm)) continue;
      return {
        realm: params.realm,
        nonce: params.nonce,
        algorithm,
        qop: (params.qop ?? '')
          .split(',')
          .map((q) => q.trim())
          .filter(Boolean),
        ...(params.opaque === undefined ? {} : { opaque: params.opaque }),
      };
    }
  }
  return undefined;
}

export interface DigestRequest {
  readonly method: string;
  /** The request target exactly as sent, e.g. `/ISAPI/Event/notification/alertStream`. */
  readonly uri: string;
  /** Requests already made with this nonce, plus one (the `nc`). */
  readonly nonceCount: number;
  /** Default: 16 random bytes, hex. */
  readonly cnonce?: string;
}

/** The `Authorization` header answering the challenge. */
export function digestAuthorization(
  challenge: DigestChallenge,
  credentials: DigestCredentials,
  request: DigestRequest,
): string {
  const algorithm = challenge.algorithm.toLowerCase();
  const h = hashOf(algorithm) ?? md5Hex;
  const cnonce = request.cnonce ?? randomBytes(16).toString('hex');
  const nc = request.nonceCount.toString(16).padStart(8, '0');
  let ha1 = h(`${credentials.username}:${challenge.realm}:${credentials.password}`);
  if (algorithm.endsWith('-sess')) ha1 = h(`${ha1}:${challenge.nonce}:${cnonce}`);
  const ha2 = h(`${request.method}:${request.uri}`);
  const qop = challenge.qop.includes('auth') ? 'auth' : undefined;
  const response = qop
    ? h(`${ha1}:${challenge.nonce}:${nc}:${cnonce}:${qop}:${ha2}`)
    : h(`${ha1}:${challenge.nonce}:${ha2}`);
  const parts = [
    `username="${credentials.username}"`,
    `realm="${challenge.realm}"`,
    `nonce="${challenge.nonce}"`,
    `uri="${request.uri}"`,
    `algorithm=${challenge.algorithm}`,
    `response="${response}"`,
    ...(qop ? [`qop=${qop}`, `nc=${nc}`, `cnonce="${cnonce}"`] : []),
    ...(challenge.opaque === undefined ? [] : [`opaque="${challenge.opaque}"`]),
  ];
  return `Digest ${parts.join(', ')}`;
}
