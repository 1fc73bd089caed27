/**
 * MQTT over WebSocket on the API's own port at /mqtt: a venue's manager reads its venue's events, is
 * refused another venue's, and a bad token or another path gets no connection.
 */
import mqtt, { type MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { type DeviceTestServer, eventually, startDeviceServer, subscribeQos } from '../devices/test-support.js';
import { seedTestCity, type TestCity } from '../testing/fixtures.js';
import { brokerAddress, upgradePath } from './ws-upgrade.js';

const connectWs = (url: string, password: string) =>
  mqtt.connectAsync(url, { username: 'u', password, reconnectPeriod: 0, connectTimeout: 5000, clean: true });

describe('MQTT over WebSocket at /mqtt on the API port', () => {
  let server: DeviceTestServer;
  let city: TestCity;
  let wsUrl: string;
  const clients: MqttClient[] = [];

  beforeAll(async () => {
    // No separate WebSocket port: the API's origin is the only way in for browsers here.
    server = await startDeviceServer('sqlite', 'embedded', { BK_MQTT_WS_PORT: '-1' });
    city = await seedTestCity(server);
    wsUrl = `${server.baseUrl.replace(/^http/, 'ws')}/mqtt`;
  });

  afterAll(async () => {
    await Promise.all(clients.map((c) => c.endAsync(true)));
    await server?.close();
  });

  it("lets a manager subscribe to its venue's events, delivers them, and refuses another venue's", async () => {
    expect(server.app.devices.endpoints()?.ws).toBeUndefined();
    const client = await connectWs(wsUrl, city.manager.token);
    clients.push(client);
    const own = `bk/venues/${city.venues.school}/events`;
    expect(await subscribeQos(client, own)).toBe(1);
    expect(await subscribeQos(client, `bk/venues/${city.venues.restaurant}/events`)).toBe(128);

    const received: string[] = [];
    client.on('message', (topic, payload) => received.push(`${topic} ${payload.toString('utf8')}`));
    await server.app.devices.bus?.publish(own, '{"type":"alert.opened"}', { qos: 1 });
    await server.app.devices.bus?.publish(`bk/venues/${city.venues.restaurant}/events`, '{"type":"x"}', { qos: 1 });
    await eventually(() => received.length > 0);
    await new Promise((r) => setTimeout(r, 100));
    expect(received).toEqual([`${own} {"type":"alert.opened"}`]);
  });

  it('refuses a forged token and drops a user who publishes on the platform topics', async () => {
    await expect(connectWs(wsUrl, `${city.manager.token}x`)).rejects.toThrow();
    const client = await connectWs(wsUrl, city.manager.token);
    clients.push(client);
    const closed = new Promise<void>((resolve) => client.once('close', () => resolve()));
    client.publish(`bk/venues/${city.venues.school}/events`, '{"type":"alert.opened"}', { qos: 1 });
    await closed;
  });

  it('answers 404 to a WebSocket upgrade on another path, and plain HTTP still works', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const ws = new WebSocket(`${server.baseUrl.replace(/^http/, 'ws')}/elsewhere`, 'mqtt');
      ws.on('unexpected-response', (_req, res) => {
        resolve(res.statusCode ?? 0);
        ws.terminate();
      });
      ws.on('open', () => reject(new Error('opened')));
      ws.on('error', () => {});
    });
    expect(status).toBe(404);
    expect((await server.request('/healthz')).status).toBe(200);
  });
});

describe('brokerAddress / upgradePath', () => {
  it('reaches a wildcard listener on loopback and ignores a broker that does not listen', () => {
    expect(brokerAddress('mqtt://0.0.0.0:1883')).toEqual({ host: '127.0.0.1', port: 1883 });
    expect(brokerAddress('mqtt://[::]:1883')).toEqual({ host: '::1', port: 1883 });
    expect(brokerAddress('mqtt://10.0.0.5:1884')).toEqual({ host: '10.0.0.5', port: 1884 });
    expect(brokerAddress('mqtt://127.0.0.1:0')).toBeUndefined();
    expect(brokerAddress('mqtts://user:***@broker.example:8883')).toBeUndefined();
    expect(upgradePath('/mqtt?x=1')).toBe('/mqtt');
    expect(upgradePath(undefined)).toBe('');
  });
});
