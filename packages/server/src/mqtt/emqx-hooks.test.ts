/**
 * EMQX's HTTP hooks, called as EMQX calls them (POST with the configured body and `X-BK-Broker-Token`): the
 * embedded broker's isolation probes (broker-acl.test.ts) give the same answers through them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LampCredentials, registerTestLamp } from '../devices/test-support.js';
import { seedTestCity, type TestCity } from '../testing/fixtures.js';
import { DATABASES, startTestServer, type TestServer } from '../testing/test-server.js';

const HOOK_TOKEN = 'emqx-hook-token-0123456789abcdef0123';

describe.each(DATABASES)('EMQX authentication and authorization hooks on %s', (kind) => {
  let server: TestServer;
  let city: TestCity;
  let lampA: LampCredentials;
  let lampB: LampCredentials;

  const register = (venueId: string, token: string) => registerTestLamp(server, venueId, token);

  const authn = (body: Record<string, unknown>, token = HOOK_TOKEN) =>
    server.request<{ result: string; is_superuser: boolean; expire_at?: number }>('/v1/broker/emqx/authn', {
      body,
      headers: { 'x-bk-broker-token': token },
    });
  const authz = async (clientid: string, username: string, action: string, topic: string) =>
    (
      await server.request<{ result: string }>('/v1/broker/emqx/authz', {
        body: { clientid, username, action, topic },
        headers: { 'x-bk-broker-token': HOOK_TOKEN },
      })
    ).body.result;

  beforeAll(async () => {
    server = await startTestServer(kind, {
      BK_BROKER_HOOK_TOKEN: HOOK_TOKEN,
      BK_MQTT_PORT: '0',
      BK_MQTT_WS_PORT: '-1',
    });
    city = await seedTestCity(server);
    lampA = await register(city.venues.school, city.manager.token);
    lampB = await register(city.venues.restaurant, city.otherManager.token);
  });
  afterAll(() => server?.close());

  it('refuses a caller without the broker’s token', async () => {
    const res = await authn({ clientid: 'c1', username: lampA.id, password: lampA.password }, 'x'.repeat(40));
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('lets a device connect with its secret only, and use its own topics only', async () => {
    expect((await authn({ clientid: 'c1', username: lampA.id, password: lampA.password })).body).toEqual({
      result: 'allow',
      is_superuser: false,
    });
    expect((await authn({ clientid: 'c1', username: lampA.id, password: 'guess' })).body.result).toBe('deny');
    expect((await authn({ clientid: 'c1', username: 'dev_nobody', password: lampA.password })).body.result).toBe(
      'deny',
    );
    expect((await authn({ clientid: 'c1' })).body.result).toBe('deny');

    expect(await authz('c1', lampA.id, 'publish', `tele/${lampA.key}/STATE`)).toBe('allow');
    expect(await authz('c1', lampA.id, 'publish', `tele/${lampB.key}/STATE`)).toBe('deny');
    expect(await authz('c1', lampA.id, 'subscribe', `cmnd/${lampA.key}/#`)).toBe('allow');
    expect(await authz('c1', lampA.id, 'subscribe', `cmnd/${lampB.key}/#`)).toBe('deny');
    expect(await authz('c1', lampA.id, 'subscribe', '#')).toBe('deny');
    expect(await authz('c1', lampA.id, 'publish', `bk/venues/${city.venues.school}/events`)).toBe('deny');
  });

  it('lets users read only the realtime topics of their venues until the token expires, and never publish there', async () => {
    const manager = await authn({ clientid: 'web-1', username: 'manager', password: city.manager.token });
    expect(manager.body.result).toBe('allow');
    expect(manager.body.expire_at).toBeGreaterThan(Date.now() / 1000);
    expect(await authz('web-1', 'manager', 'subscribe', `bk/venues/${city.venues.school}/events`)).toBe('allow');
    expect(await authz('web-1', 'manager', 'subscribe', `bk/venues/${city.venues.restaurant}/events`)).toBe('deny');
    expect(await authz('web-1', 'manager', 'subscribe', 'bk/venues/+/events')).toBe('deny');
    expect(await authz('web-1', 'manager', 'publish', `bk/venues/${city.venues.school}/events`)).toBe('deny');

    await authn({ clientid: 'web-2', username: 'regulator', password: city.regulator.token });
    expect(await authz('web-2', 'regulator', 'subscribe', `bk/venues/${city.venues.restaurant}/events`)).toBe('allow');
    await authn({ clientid: 'web-3', username: 'west', password: city.westRegulator.token });
    expect(await authz('web-3', 'west', 'subscribe', `bk/venues/${city.venues.school}/events`)).toBe('deny');

    // A client id that never authenticated, or another user's name on a client id: nothing.
    expect(await authz('web-9', 'manager', 'subscribe', `bk/venues/${city.venues.school}/events`)).toBe('deny');
    expect(await authz('web-1', 'regulator', 'subscribe', `bk/venues/${city.venues.school}/events`)).toBe('deny');
    expect((await authn({ clientid: 'web-4', username: 'x', password: `${city.manager.token}x` })).body.result).toBe(
      'deny',
    );
  });
});
