import axios, { type AxiosInstance, type GenericAbortSignal } from 'axios';
import type { Transport } from '../client/transport.js';

export interface AxiosTransportOptions {
  /** Per-request timeout; default 30 s. */
  readonly timeoutMs?: number;
  /** An axios instance of your own (proxies, agents); a fresh one by default. */
  readonly instance?: AxiosInstance;
}

/**
 * The Node transport: axios, answering every status (errors are the client's job) and rejecting only
 * when no answer came (refused connection, reset, timeout).
 */
export function createAxiosTransport(options: AxiosTransportOptions = {}): Transport {
  const instance = options.instance ?? axios.create();
  const timeout = options.timeoutMs ?? 30_000;
  return async (request) => {
    const binary = request.responseType === 'arraybuffer';
    const response = await instance.request({
      method: request.method,
      url: request.url,
      headers: { ...request.headers },
      data: request.body,
      timeout,
      responseType: binary ? 'arraybuffer' : 'text',
      // Keep the text as sent: the client parses JSON itself.
      transformResponse: [(data: unknown) => data],
      validateStatus: () => true,
      maxRedirects: 0,
      ...(request.signal ? { signal: request.signal as GenericAbortSignal } : {}),
    });
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(response.headers)) {
      if (value !== undefined && value !== null)
        headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    }
    let body: unknown = response.data;
    if (binary && body instanceof Uint8Array) {
      // Node hands a Buffer; give the client a standalone ArrayBuffer.
      body = body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength);
    }
    if (binary && (response.status < 200 || response.status >= 300) && body instanceof ArrayBuffer) {
      body = new TextDecoder().decode(body);
    }
    return { status: response.status, headers, body };
  };
}
