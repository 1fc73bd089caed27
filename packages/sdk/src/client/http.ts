import type { Clock } from './clock.js';
import type { BrightKitchenError } from './errors/bright-kitchen-error.js';
import { errorFromResponse } from './errors/from-response.js';
import { NetworkError } from './errors/network-error.js';
import { type Query, queryString } from './query.js';
import { type Session, type SessionStore, sessionFromAnswer, type TokenAnswer } from './session.js';
import { type Hashing, partnerHeaders, pathOf } from './signing.js';
import type { AbortSignalLike, HttpMethod, Transport, TransportResponse } from './transport.js';

/** How requests prove who sends them. */
export type AuthMode =
  | { readonly kind: 'user' }
  | { readonly kind: 'partner'; readonly keyId: string; readonly secret: string; readonly hashing: Hashing };

export interface HttpRequest {
  readonly method: HttpMethod;
  readonly path: string;
  readonly query?: Query;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  /** `false` for login and public routes: no token, no refresh. */
  readonly authenticate?: boolean;
  readonly responseType?: 'text' | 'arraybuffer';
  readonly signal?: AbortSignalLike;
}

/** A successful answer: the status tells a first write (201) from a replay (200). */
export interface HttpAnswer<T> {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: T;
}

/** The request pipeline one client owns: URL, body, auth headers, refresh on `TOKEN_EXPIRED`, typed errors. */
export interface Http {
  send<T>(request: HttpRequest): Promise<HttpAnswer<T>>;
  call<T>(request: HttpRequest): Promise<T>;
  /** Replaces the session with a fresh one from the refresh token; single-flight. */
  refresh(): Promise<Session>;
  readonly sessions: SessionStore;
}

export interface HttpOptions {
  readonly baseURL: string;
  readonly transport: Transport | undefined;
  readonly auth: AuthMode;
  readonly sessions: SessionStore;
  readonly clock: Clock;
  /** Refresh this long before the access token expires, instead of waiting for a 401. */
  readonly refreshMarginMs?: number;
}

function parseBody(response: TransportResponse): unknown {
  const body = response.body;
  if (typeof body !== 'string') return body;
  if (body === '') return undefined;
  const first = body.trimStart()[0];
  if (first === '{' || first === '[' || first === '"') {
    try {
      return JSON.parse(body);
    } catch {
      return body;
    }
  }
  return body;
}

export function createHttp(options: HttpOptions): Http {
  const baseURL = options.baseURL.replace(/\/+$/, '');
  const margin = options.refreshMarginMs ?? 10_000;
  let refreshing: Promise<Session> | null = null;

  async function transmit(request: HttpRequest, session: Session | null): Promise<TransportResponse> {
    const transport = options.transport;
    if (!transport) {
      throw new NetworkError({
        zh: '没有可用的传输：此环境没有 fetch，请向 createClient 传入 transport（./taro 提供）',
        en: 'No transport: this host has no `fetch`; pass `transport` to createClient (./taro has one)',
      });
    }
    const url = `${baseURL}${request.path}${queryString(request.query)}`;
    const body = request.body === undefined ? undefined : JSON.stringify(request.body);
    const headers: Record<string, string> = { accept: 'application/json', ...request.headers };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (request.authenticate !== false) {
      const auth = options.auth;
      if (auth.kind === 'partner') {
        const signed = await partnerHeaders(
          auth.keyId,
          auth.secret,
          { method: request.method, pathWithQuery: pathOf(url), timestamp: options.clock.now(), body: body ?? '' },
          auth.hashing,
        );
        Object.assign(headers, signed);
      } else if (session) {
        headers.authorization = `Bearer ${session.accessToken}`;
      }
    }
    try {
      return await transport({
        method: request.method,
        url,
        headers,
        ...(body === undefined ? {} : { body }),
        ...(request.responseType ? { responseType: request.responseType } : {}),
        ...(request.signal ? { signal: request.signal } : {}),
      });
    } catch (cause) {
      const reason = cause instanceof Error ? cause.message : String(cause);
      throw new NetworkError({ zh: `网络不可用（${reason}）`, en: `Network unavailable: ${reason}` }, cause);
    }
  }

  function refresh(): Promise<Session> {
    if (refreshing) return refreshing;
    refreshing = (async () => {
      const current = await options.sessions.get();
      if (!current) {
        throw errorFromResponse(401, { code: 'UNAUTHENTICATED', message: { zh: '未登录', en: 'Not logged in' } });
      }
      const response = await transmit(
        { method: 'POST', path: '/v1/auth/refresh', body: { refreshToken: current.refreshToken }, authenticate: false },
        null,
      );
      const body = parseBody(response);
      if (response.status >= 200 && response.status < 300) {
        const next = sessionFromAnswer(body as TokenAnswer, options.clock.now());
        await options.sessions.set(next);
        return next;
      }
      // A refresh token the server refuses is dead: forget the session so the app asks for a login.
      if (response.status === 401) await options.sessions.set(null);
      throw errorFromResponse(response.status, body);
    })().finally(() => {
      refreshing = null;
    });
    return refreshing;
  }

  async function send<T>(request: HttpRequest): Promise<HttpAnswer<T>> {
    const userAuth = options.auth.kind === 'user' && request.authenticate !== false;
    let session = userAuth ? await options.sessions.get() : null;
    if (session && session.expiresAt - margin <= options.clock.now()) {
      session = await refresh().catch(() => session);
    }
    let response = await transmit(request, session);
    let body = parseBody(response);
    if (session && response.status === 401 && errorCode(body) === 'TOKEN_EXPIRED') {
      session = await refresh();
      response = await transmit(request, session);
      body = parseBody(response);
    }
    if (response.status >= 200 && response.status < 300) {
      return { status: response.status, headers: response.headers, body: body as T };
    }
    throw errorFromResponse(response.status, body) satisfies BrightKitchenError;
  }

  return {
    send,
    async call<T>(request: HttpRequest) {
      return (await send<T>(request)).body;
    },
    refresh,
    sessions: options.sessions,
  };
}

function errorCode(body: unknown): string | undefined {
  return typeof body === 'object' && body !== null && typeof (body as { code?: unknown }).code === 'string'
    ? (body as { code: string }).code
    : undefined;
}
