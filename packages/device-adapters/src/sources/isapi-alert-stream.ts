/**
 * ISAPI alertStream client: `GET /ISAPI/Event/notification/alertStream` with HTTP digest auth, one
 * endless multipart response fed chunk by chunk to `AlertStreamReader`. An event is released when the
 * next one arrives or after `quietMs` without data (its snapshot has had time to follow). Reconnects
 * with the SDK outbox's backoff (doubling, jittered) when the camera closes, resets or refuses the stream.
 */
import { type ClientRequest, request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { type BackoffPolicy, backoffDelay, type ConvertContext, type RawMessage } from '@brightkitchen/sdk';
import { AlertStreamReader } from '../shared/alert-stream.js';
import { multipartBoundary } from '../shared/multipart.js';
import { hikvisionIsapi } from '../vendors/hikvision-isapi/index.js';
import { type DigestChallenge, digestAuthorization, parseDigestChallenge } from './digest-auth.js';
import { createTally, receivedNow, type Source, type SourceHandlers } from './source.js';

export interface AlertStreamClientOptions extends SourceHandlers {
  /** e.g. `http://192.168.1.64/ISAPI/Event/notification/alertStream`. */
  readonly url: string;
  readonly username: string;
  readonly password: string;
  /** Quiet time after which a held event is released; default 1000 ms. */
  readonly quietMs?: number;
  /** First reconnect delay before jitter (doubling up to `maxReconnectMs`); default 1000 ms. */
  readonly reconnectMs?: number;
  readonly maxReconnectMs?: number;
  readonly context?: ConvertContext<unknown>;
  /** Connection changes, for logs. */
  readonly onStatus?: (status: AlertStreamStatus) => void;
}

export type AlertStreamStatus =
  | { readonly state: 'connected' }
  | { readonly state: 'disconnected'; readonly reason: string; readonly retryInMs: number };

export interface AlertStreamClient extends Source {
  readonly connected: boolean;
}

export function createAlertStreamClient(options: AlertStreamClientOptions): AlertStreamClient {
  const tally = createTally('isapi-stream', options);
  const url = new URL(options.url);
  const uri = `${url.pathname}${url.search}`;
  const quietMs = options.quietMs ?? 1000;
  const backoff: BackoffPolicy = { baseMs: options.reconnectMs ?? 1000, maxMs: options.maxReconnectMs ?? 30_000 };
  let running = false;
  let connected = false;
  let current: ClientRequest | undefined;
  let retryTimer: NodeJS.Timeout | undefined;
  let quietTimer: NodeJS.Timeout | undefined;
  let failures = 0;
  let challenge: DigestChallenge | undefined;
  let nonceCount = 0;

  const emit = (messages: readonly RawMessage[]) => {
    for (const message of messages) tally.convert(hikvisionIsapi, { ...message, topic: uri }, options.context);
  };

  function authorization(): Record<string, string> {
    if (!challenge) return {};
    nonceCount++;
    return { authorization: digestAuthorization(challenge, options, { method: 'GET', uri, nonceCount }) };
  }

  function retry(reason: string) {
    connected = false;
    current = undefined;
    if (!running) return;
    failures++;
    const delay = backoffDelay(failures, backoff, Math.random);
    options.onStatus?.({ state: 'disconnected', reason, retryInMs: delay });
    retryTimer = setTimeout(connect, delay);
  }

  function read(response: IncomingMessage, finish: (reason: string) => void) {
    connected = true;
    failures = 0;
    options.onStatus?.({ state: 'connected' });
    const boundary = multipartBoundary(response.headers['content-type']);
    const reader = new AlertStreamReader(boundary === undefined ? {} : { boundary });
    let failed = false;
    response.on('data', (chunk: Buffer) => {
      if (failed) return;
      const fed = reader.feed(new Uint8Array(chunk), receivedNow());
      emit(fed.messages);
      if (fed.error) {
        failed = true;
        tally.refuse(hikvisionIsapi.vendor, { payload: '', receivedAt: receivedNow(), topic: uri }, fed.error);
        response.destroy();
        return;
      }
      clearTimeout(quietTimer);
      quietTimer = setTimeout(() => emit(reader.flush()), quietMs);
    });
    response.on('close', () => {
      clearTimeout(quietTimer);
      if (!failed) emit(reader.end(receivedNow()).messages);
      finish('stream closed');
    });
  }

  function connect() {
    retryTimer = undefined;
    if (!running) return;
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    let finished = false;
    // The request's error and the response's close can both fire for one connection: retry once.
    const finish = (reason: string) => {
      if (finished) return;
      finished = true;
      retry(reason);
    };
    const req = send(url, { method: 'GET', headers: { accept: 'multipart/mixed', ...authorization() } }, (response) => {
      if (response.statusCode === 401) {
        const next = parseDigestChallenge(response.headers['www-authenticate']);
        response.resume();
        // A fresh challenge (first contact, or a stale nonce) is answered at once; a refusal of our answer waits.
        const fresh = next !== undefined && next.nonce !== challenge?.nonce;
        if (next) {
          challenge = next;
          nonceCount = 0;
        }
        response.on('end', () => {
          if (finished) return;
          finished = true;
          current = undefined;
          if (fresh && running) connect();
          else retry(next ? 'credentials refused' : 'no digest challenge');
        });
        return;
      }
      if (response.statusCode !== 200) {
        response.resume();
        response.on('end', () => finish(`HTTP ${response.statusCode}`));
        return;
      }
      read(response, finish);
    });
    req.on('error', (error) => finish(error.message));
    req.end();
    current = req;
  }

  return {
    kind: 'isapi-stream',
    get connected() {
      return connected;
    },
    async start() {
      if (running) return;
      running = true;
      connect();
    },
    async stop() {
      running = false;
      clearTimeout(retryTimer);
      clearTimeout(quietTimer);
      const req = current;
      current = undefined;
      req?.destroy();
      connected = false;
    },
    stats: () => tally.stats(),
  };
}
