import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createClient } from './create-client.js';
import { isBrightKitchenError } from './errors/bright-kitchen-error.js';
import { createFetchTransport, type FetchLike } from './fetch-transport.js';

let origin = '';
const server = createServer((req: IncomingMessage, res: ServerResponse) => {
  if (req.url === '/slow') return void setTimeout(() => res.end('late'), 2_000);
  if (req.url === '/moved') return void res.writeHead(302, { location: '/elsewhere' }).end();
  if (req.url === '/photo')
    return void res.writeHead(200, { 'Content-Type': 'image/png' }).end(Buffer.from([1, 2, 255]));
  if (req.url === '/missing-photo')
    return void res.writeHead(404, { 'content-type': 'application/json' }).end('{"code":"NOT_FOUND"}');
  let body = '';
  req.on('data', (chunk: Buffer) => {
    body += chunk.toString('utf8');
  });
  req.on('end', () => {
    res
      .writeHead(201, { 'X-Echo-Method': req.method ?? '' })
      .end(JSON.stringify({ body, type: req.headers['content-type'] }));
  });
});

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('fetch transport', () => {
  const transport = createFetchTransport({ timeoutMs: 500 });

  it('sends method, headers and body, and answers status, lower-case headers and text', async () => {
    const answer = await transport({
      method: 'POST',
      url: `${origin}/echo`,
      headers: { 'content-type': 'application/json' },
      body: '{"a":"台账"}',
    });
    expect(answer.status).toBe(201);
    expect(answer.headers['x-echo-method']).toBe('POST');
    expect(JSON.parse(answer.body as string)).toEqual({ body: '{"a":"台账"}', type: 'application/json' });
  });

  it('answers bytes for a binary request, and the error text when it fails', async () => {
    const photo = await transport({ method: 'GET', url: `${origin}/photo`, headers: {}, responseType: 'arraybuffer' });
    expect([...new Uint8Array(photo.body as ArrayBuffer)]).toEqual([1, 2, 255]);
    const missing = await transport({
      method: 'GET',
      url: `${origin}/missing-photo`,
      headers: {},
      responseType: 'arraybuffer',
    });
    expect(missing).toMatchObject({ status: 404, body: '{"code":"NOT_FOUND"}' });
  });

  it('does not follow a redirect', async () => {
    const answer = await transport({ method: 'GET', url: `${origin}/moved`, headers: {} });
    expect(answer.status).toBe(302);
  });

  it('rejects on timeout, on an aborted signal, and with the system error when nothing listens', async () => {
    await expect(transport({ method: 'GET', url: `${origin}/slow`, headers: {} })).rejects.toThrow(
      /timeout after 500 ms/,
    );
    const controller = new AbortController();
    const pending = transport({ method: 'GET', url: `${origin}/slow`, headers: {}, signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toThrow();
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    await expect(transport({ method: 'GET', url: `http://127.0.0.1:${port}/`, headers: {} })).rejects.toThrow(
      /ECONNREFUSED/,
    );
  });

  it('is what createClient uses by default where fetch exists, and an injected fetch wins', async () => {
    const client = createClient({ baseURL: origin, outbox: { autoStart: false } });
    expect(await client.regions.list()).toEqual({ body: '' }); // the echo server's answer, fetched for real
    const fake = vi.fn<FetchLike>(async () => ({
      status: 503,
      headers: new Headers({ 'content-type': 'application/json' }),
      text: async () => '{"code":"UNAVAILABLE","message":"down"}',
      arrayBuffer: async () => new ArrayBuffer(0),
    }));
    const injected = createClient({ baseURL: origin, transport: createFetchTransport({ fetch: fake }) });
    const error = await injected.regions.list().catch((e: unknown) => e);
    expect(isBrightKitchenError(error, 'ApiError')).toBe(true);
    expect(error).toMatchObject({ code: 'UNAVAILABLE', status: 503 });
    expect(fake.mock.calls[0]?.[0]).toBe(`${origin}/v1/regions`);
    injected.close();
  });
});
