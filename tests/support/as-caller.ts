/**
 * Requests as one caller of the test city: a bearer token, a signed partner key, or nobody.
 * Partner requests are signed as docs/api.md describes (over the exact path, query and body sent).
 */

import type { PartnerKey } from '../../packages/server/src/accounts/index.js';
import { signPartnerRequest } from '../../packages/server/src/auth/partner-signature.js';
import type { TestResponse, TestServer } from '../../packages/server/src/testing/test-server.js';

export type Caller =
  | { readonly kind: 'token'; readonly token: string }
  | { readonly kind: 'partner'; readonly key: PartnerKey }
  | { readonly kind: 'anonymous' };

export interface CallOptions {
  readonly method: string;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
}

export function callAs<T = unknown>(
  server: TestServer,
  caller: Caller,
  pathWithQuery: string,
  options: CallOptions,
): Promise<TestResponse<T>> {
  const headers: Record<string, string> = { ...options.headers };
  const rawBody = options.body === undefined ? undefined : JSON.stringify(options.body);
  if (rawBody !== undefined) headers['content-type'] = 'application/json';
  if (caller.kind === 'token') headers.authorization = `Bearer ${caller.token}`;
  if (caller.kind === 'partner') {
    const timestamp = String(Date.now());
    headers['x-bk-key'] = caller.key.keyId;
    headers['x-bk-timestamp'] = timestamp;
    headers['x-bk-signature'] = signPartnerRequest(caller.key.secret, {
      method: options.method,
      pathWithQuery,
      timestamp,
      body: rawBody ?? '',
    });
  }
  return server.request<T>(pathWithQuery, {
    method: options.method,
    headers,
    ...(rawBody === undefined ? {} : { rawBody }),
  });
}
