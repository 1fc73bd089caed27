/** HTTP methods the API uses. */
export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** The part of an `AbortSignal` a transport needs (declared here: the core compiles without DOM types). */
export interface AbortSignalLike {
  readonly aborted: boolean;
  addEventListener(type: 'abort', listener: () => void): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}

/** One HTTP request, already serialized: the signature covers exactly these bytes. */
export interface TransportRequest {
  readonly method: HttpMethod;
  /** Absolute URL (baseURL + path + query). */
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  /** JSON text, or nothing. */
  readonly body?: string;
  /** `'arraybuffer'` for binary answers (complaint photos); JSON or text otherwise. */
  readonly responseType?: 'text' | 'arraybuffer';
  readonly signal?: AbortSignalLike;
}

/** The server's answer. Any status resolves; only a missing answer (network, timeout) rejects. */
export interface TransportResponse {
  readonly status: number;
  /** Header names in lower case. */
  readonly headers: Readonly<Record<string, string>>;
  /** Text (parsed as JSON by the client when it looks like JSON), a parsed value, or bytes for `'arraybuffer'`. */
  readonly body: unknown;
}

/**
 * The platform's HTTP seam: `fetch` by default ({@link createFetchTransport}), `Taro.request` in the mini-program.
 * Resolve with every answer, whatever its status; reject only when no answer arrived.
 *
 * @example
 * const transport: Transport = async (req) => {
 *   const res = await fetch(req.url, { method: req.method, headers: req.headers, body: req.body, signal: req.signal });
 *   return { status: res.status, headers: Object.fromEntries(res.headers), body: await res.text() };
 * };
 */
export type Transport = (request: TransportRequest) => Promise<TransportResponse>;
