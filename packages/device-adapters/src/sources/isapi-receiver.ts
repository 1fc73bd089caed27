/**
 * ISAPI HTTP receiver: the "HTTP listening" host Hikvision cameras, NVRs and access terminals POST
 * their events to (XML, JSON, or multipart with the JPEG snapshot after its event). Answers 200 when
 * the body converted, 400 with the typed rejection otherwise (the camera logs it; it does not retry).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type ConvertContext, rejection } from '@brightkitchen/sdk';
import { hikvisionIsapi, splitIsapiBody } from '../vendors/hikvision-isapi/index.js';
import { readBody } from './http-body.js';
import { createTally, receivedNow, type Source, type SourceHandlers } from './source.js';

export interface IsapiReceiverOptions extends SourceHandlers {
  /** Default `0.0.0.0`. */
  readonly host?: string;
  /** Default 8099; 0 picks a free port (see `address()`). */
  readonly port?: number;
  /** Accepted paths (as configured on the camera); default any path. */
  readonly paths?: readonly string[];
  /** Largest body accepted; default 8 MiB. */
  readonly maxBodyBytes?: number;
  readonly context?: ConvertContext<unknown>;
}

export interface IsapiReceiver extends Source {
  /** Where it listens, once started. */
  address(): { host: string; port: number } | undefined;
}

export function createIsapiReceiver(options: IsapiReceiverOptions): IsapiReceiver {
  const tally = createTally('isapi-push', options);
  const limit = options.maxBodyBytes ?? 8 * 1024 * 1024;
  let server: Server | undefined;

  const answer = (status: number, body: unknown) => ({ status, text: JSON.stringify(body) });

  async function handle(method: string, path: string, contentType: string | undefined, body: Uint8Array | 'too-large') {
    if (method !== 'POST' && method !== 'PUT') return answer(405, { code: 'METHOD_NOT_ALLOWED' });
    if (options.paths && !options.paths.includes(path)) return answer(404, { code: 'NOT_FOUND' });
    const receivedAt = receivedNow();
    if (body === 'too-large') {
      const tooLarge = rejection('ADAPTER_PAYLOAD_TOO_LARGE', { limit });
      tally.refuse(hikvisionIsapi.vendor, { payload: '', receivedAt, topic: path }, tooLarge);
      return answer(413, tooLarge);
    }
    const pushed = { payload: body, receivedAt, topic: path, ...(contentType ? { contentType } : {}) };
    const split = splitIsapiBody(pushed);
    if (!split.ok) {
      tally.refuse(hikvisionIsapi.vendor, pushed, split.rejection);
      return answer(400, split.rejection);
    }
    let events = 0;
    for (const message of split.messages) {
      const result = tally.convert(hikvisionIsapi, message, options.context);
      if (!result.ok) return answer(400, result.rejection);
      events += result.events.length;
    }
    return answer(200, { events });
  }

  return {
    kind: 'isapi-push',
    async start() {
      if (server) return;
      const s = createServer((request, response) => {
        const path = (request.url ?? '/').split('?')[0] ?? '/';
        readBody(request, limit)
          .then((body) => handle(request.method ?? 'GET', path, request.headers['content-type'], body))
          .then(
            ({ status, text }) => response.writeHead(status, { 'content-type': 'application/json' }).end(text),
            () => response.writeHead(500).end(),
          );
      });
      await new Promise<void>((resolve, reject) => {
        s.once('error', reject);
        s.listen(options.port ?? 8099, options.host ?? '0.0.0.0', () => resolve());
      });
      server = s;
    },
    async stop() {
      const s = server;
      server = undefined;
      if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
    },
    address() {
      const info = server?.address() as AddressInfo | null | undefined;
      return info ? { host: info.address, port: info.port } : undefined;
    },
    stats: () => tally.stats(),
  };
}
