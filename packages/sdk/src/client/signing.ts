/** HMAC-SHA256 of `message` with `secret`, as lower-case hex. Node: `node:crypto`; elsewhere a pure implementation. */
export type HmacSha256 = (secret: string, message: string) => string | Promise<string>;
/** SHA-256 of a UTF-8 string, as lower-case hex. */
export type Sha256 = (message: string) => string | Promise<string>;

/** The hashing functions partner signing needs; injected because the core has no crypto of its own. */
export interface Hashing {
  readonly hmacSha256: HmacSha256;
  readonly sha256: Sha256;
}

export interface SignInput {
  readonly method: string;
  /** Path with query, as the server sees it (`/v1/open/grades?regionId=r1`). */
  readonly pathWithQuery: string;
  readonly timestamp: number;
  readonly body: string;
}

/** The string a partner signs: `METHOD \n PATH_WITH_QUERY \n TIMESTAMP \n sha256hex(body)`. */
export async function canonicalRequest(input: SignInput, sha256: Sha256): Promise<string> {
  const bodyHash = await sha256(input.body);
  return `${input.method.toUpperCase()}\n${input.pathWithQuery}\n${input.timestamp}\n${bodyHash}`;
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
