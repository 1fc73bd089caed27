import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { fixture } from '../test-fixtures.js';
import { createAlertStreamClient } from './isapi-alert-stream.js';
import type { SourceBatch } from './source.js';

const md5 = (text: string) => createHash('md5').update(text).digest('hex');
const USER = 'admin';
const PASSWORD = 'Kitchen#2024';
const REALM = 'DS-2CD2347G2';

/** The digest check a camera does, written out from RFC 7616 (not with the client's own code). */
function digestValid(request: IncomingMessage, nonce: string): boolean {
  const header = request.headers.authorization ?? '';
  if (!header.startsWith('Digest ')) return false;
  const p: Record<string, string> = {};
  for (const m of header.matchAll(/(\w+)=(?:"([^"]*)"|([^,\s]*))/g)) p[m[1]!] = m[2] ?? m[3] ?? '';
  if (p.username !== USER || p.nonce !== nonce || p.qop !== 'auth' || p.uri !== request.url) return false;
  const ha1 = md5(`${USER}:${REALM}:${PASSWORD}`);
  const ha2 = md5(`GET:${p.uri}`);
  return p.response === md5(`${ha1}:${nonce}:${p.nc}:${p.cnonce}:auth:${ha2}`);
}

/** The fixture's multipart body (after its HTTP head), written in small chunks, then the stream stays open. */
function streamFixture(response: ServerResponse) {
  const raw = Buffer.from(fixture('hikvision-alertstream-multipart.txt'));
  const head = raw.indexOf('\r\n\r\n');
  const body = raw.subarray(head + 4);
  response.writeHead(200, { 'content-type': 'multipart/mixed; boundary=MIME_boundary' });
  let at = 0;
  const step = () => {
    if (at >= body.length) return;
    response.write(body.subarray(at, at + 97));
    at += 97;
    setTimeout(step, 2);
  };
  step();
}

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((r) => server?.close(r));
});

async function camera(handler: (request: IncomingMessage, response: ServerResponse) => void): Promise<string> {
  server = createServer(handler);
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/ISAPI/Event/notification/alertStream`;
}

const until = async (check: () => boolean, ms = 4000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe('ISAPI alertStream client', () => {
  it('answers the digest challenge, reads the endless multipart stream and attaches the JPEG to its event', async () => {
    let challenges = 0;
    const url = await camera((request, response) => {
      if (!digestValid(request, 'nonce-1')) {
        challenges++;
        response
          .writeHead(401, { 'www-authenticate': `Digest qop="auth", realm="${REALM}", nonce="nonce-1", stale="FALSE"` })
          .end();
        return;
      }
      streamFixture(response);
    });
    const batches: SourceBatch[] = [];
    const client = createAlertStreamClient({
      url,
      username: USER,
      password: PASSWORD,
      quietMs: 150,
      onBatch: (b) => batches.push(b),
    });
    await client.start();
    // The second event is only released after the quiet time: its snapshot had to arrive first.
    await until(() => batches.length === 2);
    await client.stop();
    expect(challenges).toBe(1);
    expect(batches.map((b) => b.events)).toEqual([
      [
        {
          type: 'alarm',
          time: '2024-05-01T12:34:56+08:00',
          deviceId: '44:47:cc:12:34:56',
          channel: '1',
          code: 'hikvision.vmd',
          description: 'Motion alarm',
          phase: 'start',
        },
      ],
      [
        {
          type: 'availability',
          time: '2024-05-01T12:35:06+08:00',
          deviceId: '44:47:cc:12:34:56',
          channel: '1',
          online: true,
        },
      ],
    ]);
    const snapshot = batches[1]?.message.attachments?.[0];
    expect(snapshot).toMatchObject({ id: 'image_1', contentType: 'image/jpeg' });
    expect([...(snapshot?.bytes.subarray(0, 3) ?? [])]).toEqual([0xff, 0xd8, 0xff]);
    expect(client.stats()).toEqual({ messages: 2, events: 2, rejections: {} });
  });

  it('reconnects after the camera drops the stream', async () => {
    let connections = 0;
    const url = await camera((request, response) => {
      if (!digestValid(request, 'n2')) {
        response.writeHead(401, { 'www-authenticate': `Digest realm="${REALM}", qop="auth", nonce="n2"` }).end();
        return;
      }
      connections++;
      if (connections === 1) {
        response.writeHead(200, { 'content-type': 'multipart/mixed; boundary=MIME_boundary' });
        response.socket?.destroy();
        return;
      }
      streamFixture(response);
    });
    const batches: SourceBatch[] = [];
    const client = createAlertStreamClient({
      url,
      username: USER,
      password: PASSWORD,
      quietMs: 100,
      reconnectMs: 50,
      onBatch: (b) => batches.push(b),
    });
    await client.start();
    await until(() => batches.length === 2);
    expect(connections).toBe(2);
    expect(client.connected).toBe(true);
    await client.stop();
  });

  it('does not hammer a camera that refuses the credentials', async () => {
    let requests = 0;
    const url = await camera((_request, response) => {
      requests++;
      response.writeHead(401, { 'www-authenticate': `Digest realm="${REALM}", qop="auth", nonce="fixed"` }).end();
    });
    const statuses: string[] = [];
    const client = createAlertStreamClient({
      url,
      username: USER,
      password: 'wrong',
      reconnectMs: 200,
      onBatch: () => {},
      onStatus: (s) => statuses.push(s.state === 'disconnected' ? s.reason : s.state),
    });
    await client.start();
    await new Promise((r) => setTimeout(r, 300));
    await client.stop();
    expect(requests).toBeLessThanOrEqual(4);
    expect(statuses[0]).toBe('credentials refused');
  });
});
