/**
 * A device removed on a platform behind EMQX is disconnected at once through EMQX's management API (faked here at
 * the wire, as EMQX 5 documents it: `GET /api/v5/clients?username=`, `DELETE /api/v5/clients/{clientid}`, HTTP
 * Basic with an API key), and refused by the hooks from then on; EMQX's API being down does not stop the removal.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerTestLamp, uniqueKey } from '../devices/test-support.js';
import { seedTestCity, type TestCity } from '../testing/fixtures.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';

const HOOK_TOKEN = 'emqx-hook-token-0123456789abcdef0123';
const API_KEY = 'bk-platform:emqx-api-secret';
const broker = process.env.BK_TEST_MQTT_URL;

interface Seen {
  readonly method: string;
  readonly url: string;
  readonly authorization: string | undefined;
}

describe.skipIf(!broker)('removing a device behind EMQX', () => {
  let api: Server;
  let server: TestServer;
  let city: TestCity;
  const seen: Seen[] = [];
  let down = false;

  beforeAll(async () => {
    // EMQX's management API as documented: the clients of a username, then a kick per client id.
    api = createServer((req, res) => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', authorization: req.headers.authorization });
      const url = new URL(req.url ?? '/', 'http://emqx');
      if (down) return res.writeHead(503).end();
      if (req.method === 'GET' && url.pathname === '/api/v5/clients') {
        const username = url.searchParams.get('username');
        res.writeHead(200, { 'content-type': 'application/json' });
        return res.end(
          JSON.stringify({
            data: [
              { clientid: `${username}-tcp`, username, connected: true },
              { clientid: `${username}-gone`, username, connected: false },
            ],
            meta: { count: 2, limit: 100, page: 1, hasnext: false },
          }),
        );
      }
      if (req.method === 'DELETE' && url.pathname.endsWith('-tcp')) return res.writeHead(204).end();
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ code: 'CLIENTID_NOT_FOUND', message: 'Client ID not found' }));
    });
    await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve));
    server = await startTestServer('sqlite', {
      BK_MQTT_URL: broker ?? '',
      BK_MQTT_SHARE_GROUP: uniqueKey('bk'),
      BK_BROKER_HOOK_TOKEN: HOOK_TOKEN,
      BK_EMQX_API_URL: `http://127.0.0.1:${(api.address() as AddressInfo).port}/`,
      BK_EMQX_API_KEY: API_KEY,
    });
    city = await seedTestCity(server);
  });
  afterAll(async () => {
    await server?.close();
    await new Promise((resolve) => api?.close(resolve));
  });

  const authn = (username: string, password: string) =>
    server.request<{ result: string }>('/v1/broker/emqx/authn', {
      body: { clientid: `${username}-tcp`, username, password },
      headers: { 'x-bk-broker-token': HOOK_TOKEN },
    });
  const remove = (deviceId: string) =>
    server.request(`/v1/devices/${deviceId}`, { method: 'DELETE', token: city.manager.token });

  it('kicks every client of the device through the management API, and the hooks refuse it', async () => {
    const lamp = await registerTestLamp(server, city.venues.school, city.manager.token);
    expect((await authn(lamp.id, lamp.password)).body.result).toBe('allow');
    seen.length = 0;
    expect((await remove(lamp.id)).status).toBe(200);
    const basic = `Basic ${Buffer.from(API_KEY).toString('base64')}`;
    expect(seen).toEqual([
      { method: 'GET', url: `/api/v5/clients?username=${lamp.id}&_limit=100`, authorization: basic },
      { method: 'DELETE', url: `/api/v5/clients/${lamp.id}-tcp`, authorization: basic },
      { method: 'DELETE', url: `/api/v5/clients/${lamp.id}-gone`, authorization: basic },
    ]);
    expect((await authn(lamp.id, lamp.password)).body.result).toBe('deny');
  });

  it('removes the device even when the management API is down', async () => {
    const lamp = await registerTestLamp(server, city.venues.school, city.manager.token);
    down = true;
    try {
      expect((await remove(lamp.id)).status).toBe(200);
    } finally {
      down = false;
    }
    expect((await authn(lamp.id, lamp.password)).body.result).toBe('deny');
  });
});
