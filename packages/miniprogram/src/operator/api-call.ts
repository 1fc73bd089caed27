/**
 * Authenticated calls for routes the SDK client has no resource for yet (the device routes): the operator client's
 * session and its single-flight refresh, the same Taro transport, and the SDK's typed errors — so a device request
 * fails, refreshes and reads exactly like `client.alerts.list()`. Move into the SDK as `client.devices` when it grows one.
 */
import {
  type BrightKitchenClient,
  errorFromResponse,
  type HttpMethod,
  NetworkError,
  type Transport,
} from '@brightkitchen/sdk';

export type ApiCall = <T>(method: HttpMethod, path: string, body?: unknown) => Promise<T>;

/** Refresh this long before the access token runs out (as the SDK's own pipeline does). */
const REFRESH_MARGIN_MS = 10_000;

function parse(body: unknown): unknown {
  if (typeof body !== 'string' || body === '') return body === '' ? undefined : body;
  try {
    return JSON.parse(body);
  } catch {
    return body;
  }
}

function codeOf(body: unknown): string | undefined {
  const code = typeof body === 'object' && body !== null ? (body as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : undefined;
}

export function apiCaller(
  auth: Pick<BrightKitchenClient['auth'], 'session' | 'refresh'>,
  transport: Transport,
  baseURL: string,
  now: () => number = Date.now,
): ApiCall {
  async function send(method: HttpMethod, path: string, body: unknown, token: string | undefined) {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (token) headers.authorization = `Bearer ${token}`;
    try {
      const res = await transport({
        method,
        url: `${baseURL}${path}`,
        headers,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return { status: res.status, body: parse(res.body) };
    } catch (cause) {
      const reason = cause instanceof Error ? cause.message : String(cause);
      throw new NetworkError(`网络不可用 / network unavailable: ${reason}`, cause);
    }
  }

  return async <T>(method: HttpMethod, path: string, body?: unknown): Promise<T> => {
    let session = await auth.session();
    if (session && session.expiresAt - REFRESH_MARGIN_MS <= now()) {
      const current = session;
      session = await auth.refresh().catch(() => current);
    }
    let res = await send(method, path, body, session?.accessToken);
    if (session && res.status === 401 && codeOf(res.body) === 'TOKEN_EXPIRED') {
      session = await auth.refresh();
      res = await send(method, path, body, session.accessToken);
    }
    if (res.status >= 200 && res.status < 300) return res.body as T;
    throw errorFromResponse(res.status, res.body);
  };
}
