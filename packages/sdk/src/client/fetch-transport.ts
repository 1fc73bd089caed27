import type { AbortSignalLike, HttpMethod, Transport, TransportResponse } from './transport.js';

/** The part of a `fetch` answer the transport reads (declared here: the core compiles without DOM types). */
export interface FetchResponseLike {
  readonly status: number;
  readonly headers: { forEach(callback: (value: string, name: string) => void): void };
  text(): Promise<string>;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** The part of `RequestInit` the transport sets. */
export interface FetchInitLike {
  method: HttpMethod;
  headers: Record<string, string>;
  body?: string;
  signal?: AbortSignalLike;
  redirect: 'manual';
}

/** The `fetch` function's shape, as Node ≥ 18, browsers and Taro H5 provide it. */
export type FetchLike = (url: string, init: FetchInitLike) => Promise<FetchResponseLike>;

/** Options of {@link createFetchTransport}. */
export interface FetchTransportOptions {
  /** Per-request timeout; default 30 s. */
  readonly timeoutMs?: number;
  /** A `fetch` of your own (a proxy agent, a test double); the host's `globalThis.fetch` by default. */
  readonly fetch?: FetchLike;
}

interface AbortControllerLike {
  readonly signal: AbortSignalLike;
  abort(): void;
}

interface FetchHost {
  fetch?: FetchLike;
  AbortController?: new () => AbortControllerLike;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/**
 * The HTTP seam over `fetch` (Node ≥ 18, browsers): answers every status (errors are the client's job), rejects
 * only when no answer came (refused connection, reset, timeout, abort). Redirects are not followed, so a signed
 * request never goes anywhere but where it was sent. `createClient` uses it by default where `fetch` exists.
 *
 * @example
 * const client = createClient({ baseURL: 'https://api.example.cn', transport: createFetchTransport({ timeoutMs: 10_000 }) });
 */
export function createFetchTransport(options: FetchTransportOptions = {}): Transport {
  const timeoutMs = options.timeoutMs ?? 30_000;
  return async (request) => {
    const host = globalThis as unknown as FetchHost;
    const fetch = options.fetch ?? host.fetch;
    if (!fetch) throw new Error('fetch is not available on this platform: pass `fetch` or another transport');
    const controller = host.AbortController ? new host.AbortController() : undefined;
    const abort = () => controller?.abort();
    const timer = controller ? host.setTimeout(abort, timeoutMs) : undefined;
    if (request.signal?.aborted) abort();
    request.signal?.addEventListener('abort', abort);
    try {
      const response = await fetch(request.url, {
        method: request.method,
        headers: { ...request.headers },
        ...(request.body === undefined ? {} : { body: request.body }),
        ...(controller ? { signal: controller.signal } : {}),
        redirect: 'manual',
      });
      const headers: Record<string, string> = {};
      response.headers.forEach((value, name) => {
        headers[name.toLowerCase()] = value;
      });
      const ok = response.status >= 200 && response.status < 300;
      // Bytes only for a successful binary answer: an error body is the server's JSON.
      const body = request.responseType === 'arraybuffer' && ok ? await response.arrayBuffer() : await response.text();
      return { status: response.status, headers, body } satisfies TransportResponse;
    } catch (error) {
      throw describeFailure(error, controller?.signal.aborted === true && !request.signal?.aborted, timeoutMs);
    } finally {
      if (timer !== undefined) host.clearTimeout(timer);
      request.signal?.removeEventListener('abort', abort);
    }
  };
}

/** `fetch failed` says little: name the timeout, or the system error (ECONNREFUSED…) undici keeps as the cause. */
function describeFailure(error: unknown, timedOut: boolean, timeoutMs: number): Error {
  if (timedOut) return new Error(`timeout after ${timeoutMs} ms`, { cause: error });
  if (!(error instanceof Error)) return new Error(String(error));
  const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause;
  const detail = typeof cause?.code === 'string' ? cause.code : typeof cause?.message === 'string' ? cause.message : '';
  return detail ? new Error(`${error.message} (${detail})`, { cause: error }) : error;
}
