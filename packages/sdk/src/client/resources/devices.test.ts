import { describe, expect, it } from 'vitest';
import { json, scriptedTransport } from '../__tests__/harness.js';
import { createClient } from '../create-client.js';
import { isBrightKitchenError } from '../errors/bright-kitchen-error.js';
import { createMemoryStorage } from '../storage.js';

const session = (token: string, expiresAt: number) =>
  JSON.stringify({
    accessToken: token,
    refreshToken: `r-${token}`,
    expiresAt,
    user: { id: 'u1', role: 'operator_manager', displayName: '王经理', login: 'wang' },
  });

async function clientWith(token: string, expiresAt: number, script: Parameters<typeof scriptedTransport>[0]) {
  const storage = createMemoryStorage();
  await storage.set('bk:session', session(token, expiresAt));
  const scripted = scriptedTransport(script);
  const client = createClient({ baseURL: 'https://api.test', transport: scripted.transport, storage });
  return { client, requests: scripted.requests };
}

const tokens = { accessToken: 't2', refreshToken: 'r-t2', expiresIn: 3600, user: { id: 'u1' } };

describe('devices', () => {
  it('sends a schedule with the session token, refreshes once on TOKEN_EXPIRED and retries', async () => {
    const { client, requests } = await clientWith('t1', Date.now() + 3_600_000, (req) => {
      if (req.url.endsWith('/v1/auth/refresh')) return json(200, tokens);
      if (req.headers.authorization === 'Bearer t1')
        return json(401, { code: 'TOKEN_EXPIRED', message: { zh: '过期', en: 'expired' } });
      return json(200, { deviceId: 'd 1', runs: [{ time: '22:30', durationMin: 30 }], updatedAt: 'x', commands: [] });
    });
    const answer = await client.devices.setSchedule('d 1', [{ time: '22:30', durationMin: 30 }], { channel: '2' });
    expect(answer.runs).toEqual([{ time: '22:30', durationMin: 30 }]);
    const sent = requests.filter((r) => !r.url.endsWith('/v1/auth/refresh'));
    expect(sent.map((r) => r.headers.authorization)).toEqual(['Bearer t1', 'Bearer t2']);
    expect(sent[1]).toMatchObject({
      method: 'POST',
      url: 'https://api.test/v1/devices/d%201/schedule',
      body: '{"runs":[{"time":"22:30","durationMin":30}],"channel":"2"}',
    });
    client.close();
  });

  it('refreshes ahead of expiry, and answers typed errors for refusals and for no network', async () => {
    let offline = false;
    const { client, requests } = await clientWith('old', Date.now() + 1000, (req) => {
      if (offline) return new Error('request:fail');
      if (req.url.endsWith('/v1/auth/refresh')) return json(200, tokens);
      return json(422, { code: 'DEVICE_COMMAND_REJECTED', message: { zh: '拒绝', en: 'refused' } });
    });
    const refused = await client.devices.get('d1').catch((e: unknown) => e);
    expect(requests.map((r) => new URL(r.url).pathname)).toEqual(['/v1/auth/refresh', '/v1/devices/d1']);
    expect(isBrightKitchenError(refused) && refused.code).toBe('DEVICE_COMMAND_REJECTED');

    offline = true;
    const error = await client.devices.list('v1').catch((e: unknown) => e);
    expect(isBrightKitchenError(error, 'NetworkError')).toBe(true);
    client.close();
  });

  it('asks for a violation snapshot as bytes, and lists and registers gateways under the venue', async () => {
    const bytes = new Uint8Array([0xff, 0xd8, 0xff]).buffer;
    const { client, requests } = await clientWith('t1', Date.now() + 3_600_000, (req) =>
      req.url.endsWith('/snapshot')
        ? { status: 200, headers: { 'content-type': 'image/jpeg' }, body: bytes }
        : json(req.method === 'POST' ? 201 : 200, { items: [], nextCursor: null }),
    );
    expect(await client.alerts.snapshot('a1')).toBe(bytes);
    await client.devices.gateways.list('v1');
    await client.devices.gateways.create('v1', { name: '后厨网关' });
    expect(requests.map((r) => `${r.method} ${new URL(r.url).pathname} ${r.responseType ?? ''}`.trim())).toEqual([
      'GET /v1/alerts/a1/snapshot arraybuffer',
      'GET /v1/venues/v1/gateways',
      'POST /v1/venues/v1/gateways',
    ]);
    client.close();
  });
});
