/**
 * The embedded broker's refusals: wrong device secrets, a device publishing on another device's
 * topic, a user subscribing to another venue's events or publishing on the platform's topics.
 */
import type { MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  connectMqtt,
  type DeviceTestServer,
  eventually,
  type LampCredentials,
  registerTestLamp,
  startDeviceServer,
  subscribeQos,
} from '../devices/test-support.js';
import { seedTestCity, type TestCity } from '../testing/fixtures.js';

describe('embedded broker access control', () => {
  let server: DeviceTestServer;
  let city: TestCity;
  let lampA: LampCredentials;
  let lampB: LampCredentials;
  const clients: MqttClient[] = [];

  const register = (venueId: string, token: string) => registerTestLamp(server, venueId, token);

  const connect = async (username: string, password: string) => {
    const client = await connectMqtt(server.mqttUrl, { username, password });
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    server = await startDeviceServer('sqlite');
    city = await seedTestCity(server);
    lampA = await register(city.venues.school, city.manager.token);
    lampB = await register(city.venues.restaurant, city.otherManager.token);
  });

  afterAll(async () => {
    await Promise.all(clients.map((c) => c.endAsync(true)));
    await server?.close();
  });

  it('refuses a device with a wrong secret and an unknown username', async () => {
    await expect(connectMqtt(server.mqttUrl, { username: lampA.id, password: 'guess' })).rejects.toThrow();
    await expect(connectMqtt(server.mqttUrl, { username: 'dev_nobody', password: lampA.password })).rejects.toThrow();
    await expect(connectMqtt(server.mqttUrl)).rejects.toThrow();
  });

  it('lets a device publish on its own topics and drops it when it publishes on another device’s', async () => {
    const a = await connect(lampA.id, lampA.password);
    await a.publishAsync(`tele/${lampA.key}/STATE`, JSON.stringify({ POWER: 'ON' }), { qos: 1 });
    await eventually(async () => (await server.app.devices.status.read(lampA.id)).readings.switch?.value === 1);

    const closed = new Promise<void>((resolve) => a.once('close', () => resolve()));
    a.publish(`tele/${lampB.key}/STATE`, JSON.stringify({ POWER: 'ON' }), { qos: 1 });
    await closed;
    await new Promise((r) => setTimeout(r, 100));
    expect((await server.app.devices.status.read(lampB.id)).readings.switch).toBeUndefined();
  });

  it('lets a device subscribe to its own command topic only', async () => {
    const a = await connect(lampA.id, lampA.password);
    const own = await subscribeQos(a, `cmnd/${lampA.key}/#`);
    expect(own).toBe(1);
    const other = await subscribeQos(a, `cmnd/${lampB.key}/#`);
    expect(other).toBe(128);
    const everything = await subscribeQos(a, '#');
    expect(everything).toBe(128);
  });

  it('lets users read only the realtime topics of their venues, and never publish there', async () => {
    const manager = await connect('manager', city.manager.token);
    const own = await subscribeQos(manager, `bk/venues/${city.venues.school}/events`);
    expect(own).toBe(1);
    const other = await subscribeQos(manager, `bk/venues/${city.venues.restaurant}/events`);
    expect(other).toBe(128);
    const wildcard = await subscribeQos(manager, 'bk/venues/+/events');
    expect(wildcard).toBe(128);

    const regulator = await connect('regulator', city.regulator.token);
    const inRegion = await subscribeQos(regulator, `bk/venues/${city.venues.restaurant}/events`);
    expect(inRegion).toBe(1);
    const westRegulator = await connect('west', city.westRegulator.token);
    const outside = await subscribeQos(westRegulator, `bk/venues/${city.venues.school}/events`);
    expect(outside).toBe(128);

    const closed = new Promise<void>((resolve) => manager.once('close', () => resolve()));
    manager.publish(`bk/venues/${city.venues.school}/events`, '{"type":"alert.opened"}', { qos: 1 });
    await closed;
  });

  it('refuses an expired or forged token', async () => {
    await expect(connectMqtt(server.mqttUrl, { username: 'x', password: `${city.manager.token}x` })).rejects.toThrow();
  });
});
