/**
 * An external Mosquitto 2 enforcing the platform's rules through its dynamic security plugin (BK_MQTT_DYNSEC=on):
 * the embedded broker's isolation probes (broker-acl.test.ts) against it — wrong secrets refused, a device held to
 * its own topics, users reading only their venues' realtime topics, access gone when revoked.
 */
import type { MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  connectMqtt,
  eventually,
  type LampCredentials,
  registerTestLamp,
  subscribeQos,
} from '../devices/test-support.js';
import { seedTestCity, type TestCity } from '../testing/fixtures.js';
import { findDynamicSecurityPlugin, startPlatformMosquitto } from '../testing/local-cluster.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';

const available = Boolean(findDynamicSecurityPlugin()) && process.env.BK_SKIP_MOSQUITTO !== '1';

describe.skipIf(!available)('Mosquitto with dynamic security provisioned by the platform', () => {
  let broker: Awaited<ReturnType<typeof startPlatformMosquitto>>;
  let server: TestServer;
  let city: TestCity;
  let plain = '';
  let lampA: LampCredentials;
  let lampB: LampCredentials;
  const clients: MqttClient[] = [];

  const register = (venueId: string, token: string) => registerTestLamp(server, venueId, token);
  const connect = async (username: string, password: string) => {
    const client = await connectMqtt(plain, { username, password });
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    broker = await startPlatformMosquitto({ dynamicSecurity: true });
    plain = `mqtt://127.0.0.1:${broker.port}`;
    server = await startTestServer('sqlite', { BK_MQTT_URL: broker.url, BK_MQTT_DYNSEC: 'on' });
    city = await seedTestCity(server);
    lampA = await register(city.venues.school, city.manager.token);
    lampB = await register(city.venues.restaurant, city.otherManager.token);
  });

  afterAll(async () => {
    await Promise.all(clients.map((c) => c.endAsync(true)));
    await server?.close();
    broker?.stop();
  });

  it('refuses a device with a wrong secret, an unknown username and no credentials', async () => {
    await expect(connectMqtt(plain, { username: lampA.id, password: 'guess' })).rejects.toThrow();
    await expect(connectMqtt(plain, { username: 'dev_nobody', password: lampA.password })).rejects.toThrow();
    await expect(connectMqtt(plain)).rejects.toThrow();
  });

  it('carries a device’s own topics to the platform and drops what it publishes on another device’s', async () => {
    const a = await connect(lampA.id, lampA.password);
    await a.publishAsync(`tele/${lampA.key}/STATE`, JSON.stringify({ POWER: 'ON' }), { qos: 1 });
    await eventually(async () => (await server.app.devices.status.read(lampA.id)).readings.switch?.value === 1);

    await a.publishAsync(`tele/${lampB.key}/STATE`, JSON.stringify({ POWER: 'ON' }), { qos: 1 }).catch(() => undefined);
    // A message after it on the device's own topic arrives: the refused one was not merely late.
    await a.publishAsync(`tele/${lampA.key}/STATE`, JSON.stringify({ POWER: 'OFF' }), { qos: 1 });
    await eventually(async () => (await server.app.devices.status.read(lampA.id)).readings.switch?.value === 0);
    expect((await server.app.devices.status.read(lampB.id)).readings.switch).toBeUndefined();
  });

  it('lets a device subscribe to its own command topic only', async () => {
    const a = await connect(lampA.id, lampA.password);
    expect(await subscribeQos(a, `cmnd/${lampA.key}/#`)).toBe(1);
    expect(await subscribeQos(a, `cmnd/${lampB.key}/#`)).toBeGreaterThanOrEqual(128);
    expect(await subscribeQos(a, '#')).toBeGreaterThanOrEqual(128);
  });

  it('lets a venue’s gateway relay its venue’s devices only', async () => {
    const res = await server.request<{ credentials: { username: string; password: string } }>(
      `/v1/venues/${city.venues.school}/gateways`,
      { token: city.manager.token, body: { name: '后厨网关' } },
    );
    expect(res.status).toBe(201);
    const { username, password } = res.body.credentials;
    await expect(connectMqtt(plain, { username, password: 'guess' })).rejects.toThrow();
    const gateway = await connect(username, password);
    await gateway.publishAsync(`stat/${lampA.key}/POWER`, 'ON', { qos: 1 }).catch(() => undefined);
    await gateway.publishAsync(`tele/${lampA.key}/STATE`, JSON.stringify({ POWER: 'ON' }), { qos: 1 });
    await eventually(async () => (await server.app.devices.status.read(lampA.id)).readings.switch?.value === 1);
    expect(await subscribeQos(gateway, `cmnd/${lampA.key}/#`)).toBe(1);
    expect(await subscribeQos(gateway, `cmnd/${lampB.key}/#`)).toBeGreaterThanOrEqual(128);
    await gateway
      .publishAsync(`tele/${lampB.key}/STATE`, JSON.stringify({ POWER: 'ON' }), { qos: 1 })
      .catch(() => undefined);
    // A later device of the venue is relayed too.
    const lampC = await register(city.venues.school, city.manager.token);
    await gateway.publishAsync(`tele/${lampC.key}/STATE`, JSON.stringify({ POWER: 'ON' }), { qos: 1 });
    await eventually(async () => (await server.app.devices.status.read(lampC.id)).readings.switch?.value === 1);
    expect((await server.app.devices.status.read(lampB.id)).readings.switch).toBeUndefined();
  });

  it('lets users read only the realtime topics of their venues, never publish there, and not after revocation', async () => {
    const dynsec = server.app.devices.dynamicSecurity;
    if (!dynsec) throw new Error('dynamic security is off');
    // The manager asks for realtime access to its venue: the platform provisions it at the broker.
    const refused = await server.request('/v1/me/realtime', {
      token: city.manager.token,
      body: { venueIds: [city.venues.restaurant] },
    });
    expect(refused.status).toBe(403);
    const access = await server.request<{
      username: string;
      password: string;
      topics: string[];
      mqtt: { tcp: string };
    }>('/v1/me/realtime', { token: city.manager.token, body: { venueIds: [city.venues.school] } });
    expect(access.status).toBe(200);
    expect(access.body.topics).toEqual([`bk/venues/${city.venues.school}/events`]);
    expect(access.body.mqtt.tcp).toBe(plain);
    const manager = await connect(access.body.username, access.body.password);
    expect(await subscribeQos(manager, `bk/venues/${city.venues.school}/events`)).toBe(1);
    expect(await subscribeQos(manager, `bk/venues/${city.venues.restaurant}/events`)).toBeGreaterThanOrEqual(128);
    expect(await subscribeQos(manager, 'bk/venues/+/events')).toBeGreaterThanOrEqual(128);

    // What the platform publishes on the venue's topic reaches the manager; what the manager publishes does not.
    const received: string[] = [];
    manager.on('message', (_topic, payload) => received.push(payload.toString('utf8')));
    await manager
      .publishAsync(`bk/venues/${city.venues.school}/events`, '{"type":"forged"}', { qos: 1 })
      .catch(() => undefined);
    await server.app.devices.bus?.publish(`bk/venues/${city.venues.school}/events`, '{"type":"real"}', { qos: 1 });
    await eventually(() => received.includes('{"type":"real"}'));
    expect(received).not.toContain('{"type":"forged"}');

    await dynsec.removeUser(access.body.username);
    await expect(
      connectMqtt(plain, { username: access.body.username, password: city.manager.token }),
    ).rejects.toThrow();
  });

  it('deletes a user’s broker client once its token expired, from the stored grant, on the clock work', async () => {
    const dynsec = server.app.devices.dynamicSecurity;
    if (!dynsec) throw new Error('dynamic security is off');
    const username = 'expiring.session';
    await dynsec.user(username, city.manager.token, [city.venues.school], Date.now() + 300);
    const grant = () =>
      server.database.db.selectFrom('broker_grants').selectAll().where('username', '=', username).executeTakeFirst();
    expect(await grant()).toBeDefined();
    await (await connect(username, city.manager.token)).endAsync();
    // Whichever instance provisioned it, the one leading the clock work deletes it once the token expired.
    await eventually(async () => {
      await server.app.devices.tick();
      return !(await dynsec.hasClient(username));
    });
    expect(await grant()).toBeUndefined();
    await expect(connectMqtt(plain, { username, password: city.manager.token })).rejects.toThrow();
  });

  it('disconnects a removed device and refuses its secret from then on', async () => {
    const lamp = await register(city.venues.school, city.manager.token);
    const device = await connect(lamp.id, lamp.password);
    const closed = new Promise((resolve) => device.once('close', () => resolve(undefined)));
    const removed = await server.request(`/v1/devices/${lamp.id}`, { method: 'DELETE', token: city.manager.token });
    expect(removed.status).toBe(200);
    await closed;
    expect(await server.app.devices.dynamicSecurity?.hasClient(lamp.id)).toBe(false);
    await expect(connectMqtt(plain, { username: lamp.id, password: lamp.password })).rejects.toThrow();
  });
});
