import { createHash, createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isBrightKitchenError } from '../client/errors/bright-kitchen-error.js';
import { createNodeClient } from './create-node-client.js';

/** A plain HTTP listener that echoes what it received: tests the axios transport and the signature bytes. */
let baseURL = '';
const seen: { method: string; url: string; headers: IncomingMessage['headers']; body: string }[] = [];
const server = createServer((req: IncomingMessage, res: ServerResponse) => {
  let body = '';
  req.on('data', (chunk: Buffer) => {
    body += chunk.toString('utf8');
  });
  req.on('end', () => {
    seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
    if (req.url?.startsWith('/v1/complaints/c1/photos/0')) {
      res.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    } else if (req.url?.startsWith('/v1/alerts')) {
      res
        .writeHead(404, { 'content-type': 'application/json' })
        .end('{"code":"NOT_FOUND","message":{"zh":"未找到","en":"Not found"}}');
    } else {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"items":[],"nextCursor":null}');
    }
  });
});

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('node client', () => {
  it('signs partner requests with HMAC-SHA256 over method, path with query, timestamp and body hash', async () => {
    const client = createNodeClient({ baseURL, auth: { kind: 'partner', keyId: 'pk_1', secret: 's3cret' } });
    await client.openData.grades({ regionId: 'r1' });
    await client.notices.answer('n1', '已整改');
    for (const request of seen.slice(-2)) {
      const ts = String(request.headers['x-bk-timestamp']);
      expect(Math.abs(Number(ts) - Date.now())).toBeLessThan(5_000);
      const bodyHash = createHash('sha256').update(request.body).digest('hex');
      const expected = createHmac('sha256', 's3cret')
        .update(`${request.method}\n${request.url}\n${ts}\n${bodyHash}`)
        .digest('hex');
      expect(request.headers['x-bk-key']).toBe('pk_1');
      expect(request.headers['x-bk-signature']).toBe(expected);
      expect(request.headers.authorization).toBeUndefined();
    }
    expect(seen.at(-2)?.url).toBe('/v1/open/grades?regionId=r1');
  });

  it('answers error statuses as typed errors and refused connections as NetworkError', async () => {
    const client = createNodeClient({ baseURL });
    const notFound = await client.alerts.ack('nope').catch((e: unknown) => e);
    expect(notFound).toMatchObject({ name: 'ApiError', code: 'NOT_FOUND', status: 404 });
    const offline = createNodeClient({ baseURL: 'http://127.0.0.1:1', timeoutMs: 2_000 });
    const error = await offline.regions.list().catch((e: unknown) => e);
    expect(isBrightKitchenError(error, 'NetworkError')).toBe(true);
  });

  it('reads binary answers as bytes', async () => {
    const client = createNodeClient({ baseURL });
    const bytes = await client.complaints.photo('c1', 0);
    expect([...new Uint8Array(bytes)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  });
});
