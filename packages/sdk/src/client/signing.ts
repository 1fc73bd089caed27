import { hmacSha256Hex, sha256Hex } from '../chain/sha256.js';

/** HMAC-SHA256 of `message` with `secret`, as lower-case hex (may answer a promise, e.g. from WebCrypto). */
export type HmacSha256 = (secret: string, message: string) => string | Promise<string>;
/** SHA-256 of a UTF-8 string, as lower-case hex. */
export type Sha256 = (message: string) => string | Promise<string>;

/** What partner signing hashes with: {@link defaultHashing}, unless a host injects its own (node:crypto, WebCrypto). */
export interface Hashing {
  readonly hmacSha256: HmacSha256;
  readonly sha256: Sha256;
}

/**
 * HMAC-SHA256 and SHA-256 from `@noble/hashes`: what `createClient` signs partner requests with unless given other
 * `hashing`. Pure JS, so it runs in every host.
 */
export const defaultHashing: Hashing = { hmacSha256: hmacSha256Hex, sha256: sha256Hex };

/** What a partner request's signature covers. */
export interface SignInput {
  readonly method: string;
  /** Path with query, as the server sees it (`/v1/open/grades?regionId=r1`). */
  readonly pathWithQuery: string;
  readonly timestamp: number;
  readonly body: string;
}

/**
 * The string a partner signs, given the body's SHA-256 hex: `METHOD \n PATH_WITH_QUERY \n TIMESTAMP \n bodyHash`.
 * The server checks signatures with the same function.
 * @example canonicalString({ method: 'get', pathWithQuery: '/v1/open/grades', timestamp: 1700000000000 }, sha256Hex(''))
 */
export function canonicalString(
  request: { readonly method: string; readonly pathWithQuery: string; readonly timestamp: number | string },
  bodyHash: string,
): string {
  return `${request.method.toUpperCase()}\n${request.pathWithQuery}\n${request.timestamp}\n${bodyHash}`;
}

/** The string a partner signs: `METHOD \n PATH_WITH_QUERY \n TIMESTAMP \n sha256hex(body)`. */
export async function canonicalRequest(input: SignInput, sha256: Sha256): Promise<string> {
  return canonicalString(input, await sha256(input.body));
}

/** The `X-BK-*` headers of a partner request (see docs/api.md, Auth). */
export async function partnerHeaders(
  keyId: string,
  secret: string,
  input: SignInput,
  hashing: Hashing,
): Promise<Record<string, string>> {
  const signature = await hashing.hmacSha256(secret, await canonicalRequest(input, hashing.sha256));
  return { 'X-BK-Key': keyId, 'X-BK-Timestamp': String(input.timestamp), 'X-BK-Signature': signature };
}

/** The path-with-query part of an absolute URL, without `URL` (absent in mini-programs). */
export function pathOf(url: string): string {
  const withoutOrigin = url.replace(/^[a-zA-Z][a-zA-Z0-9+.-]*:\/\/[^/?#]*/, '');
  const noHash = withoutOrigin.split('#')[0] ?? '';
  return noHash.startsWith('/') ? noHash : `/${noHash}`;
}
