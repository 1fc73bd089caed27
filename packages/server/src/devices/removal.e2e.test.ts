/**
 * Removing a device, as its venue's manager does when a sensor is sold, broken or replaced: its connection ends,
 * its secret and its messages are refused from then on, its open conditions end, its binding is free again, and
 * its history stays readable.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedTestCity, type TestCity } from '../testing/fixtures.js';
import { DATABASES } from '../testing/test-server.js';
import {
  connectMqtt,
  type DeviceTestServer,
  eventually,
  registerTestDevice,
  registerTestLamp,
  startDeviceServer,
  uniqueKey,
} from './test-support.js';

const MIN = 60_000;

describe.each(DATABASES)('removing a device on %s', (db) => {
  let server: DeviceTestServer;
  let city: TestCity;

  beforeAll(async () => {
    server = await startDeviceServer(db, 'embedded');
    city = await seedTestCity(server);
  });
  afterAll(() => server?.close());

  const fridge = (key: string) => ({
    kind: 'sensor',
    vendor: 'zigbee2mqtt',
    locationKind: 'fridge',
    name: '冷藏柜一',
    binding: { topic: key },
  });
  const remove = (deviceId: string, token: string) =>
    server.request<{ id: string; removedAt?: string; code?: string }>(`/v1/devices/${deviceId}`, {
      method: 'DELETE',
      token,
    });
  const readings = async (deviceId: string) => {
    await server.app.devices.flush();
    const rows = await server.database.db
      .selectFrom('readings')
      .select('value')
      .where('device_id', '=', deviceId)
      .execute();
    return rows.map((r) => r.value);
  };

  it('ends its connection and its open alert, refuses it from then on, and keeps its history', async () => {
    const key = uniqueKey('fridge');
    const device = await registerTestDevice(server, city.venues.school, city.manager.token, fridge(key));
    const sensor = await connectMqtt(server.mqttUrl, { username: device.id, password: device.password });
    await sensor.publishAsync(`zigbee2mqtt/${key}`, JSON.stringify({ temperature: 12.5 }), { qos: 1 });
    await eventually(async () => (await readings(device.id)).includes(12.5));
    server.clock.advance(11 * MIN);
    await server.app.devices.tick();
    const openAlerts = () =>
      server.database.db
        .selectFrom('alerts')
        .select(['id', 'type'])
        .where('subject', '=', device.id)
        .where('state', '!=', 'resolved')
        .execute();
    expect((await eventually(async () => ((await openAlerts()).length > 0 ? openAlerts() : undefined)))[0]?.type).toBe(
      'SENSOR_TOO_WARM',
    );

    expect((await remove(device.id, city.staffer.token)).status).toBe(403);
    expect((await remove(device.id, city.otherManager.token)).status).toBe(403);
    const closed = new Promise((resolve) => sensor.once('close', () => resolve(undefined)));
    const removed = await remove(device.id, city.manager.token);
    expect(removed.status).toBe(200);
    expect(removed.body.removedAt).toEqual(expect.any(String));
    await closed;
    // Removing it again answers the same removal.
    const again = await remove(device.id, city.manager.token);
    expect([again.status, again.body.removedAt]).toEqual([200, removed.body.removedAt]);

    expect(await openAlerts()).toEqual([]);
    await expect(connectMqtt(server.mqttUrl, { username: device.id, password: device.password })).rejects.toThrow();
    const isapi = await server.request(`/v1/ingest/isapi/${device.id}`, {
      rawBody: '<EventNotificationAlert/>',
      headers: {
        authorization: `Basic ${Buffer.from(`${device.id}:${device.password}`).toString('base64')}`,
        'content-type': 'application/xml',
      },
    });
    expect(isapi.status).toBe(401);

    // Gone from the venue's list; its page and readings stay, marked removed.
    const list = await server.request<{ items: { id: string }[] }>(`/v1/venues/${city.venues.school}/devices`, {
      token: city.manager.token,
    });
    expect(list.body.items.map((d) => d.id)).not.toContain(device.id);
    const detail = await server.request<{ device: { removedAt?: string } }>(`/v1/devices/${device.id}`, {
      token: city.regulator.token,
    });
    expect(detail.body.device.removedAt).toBe(removed.body.removedAt);
    expect(await readings(device.id)).toEqual([12.5]);
  });

  it('frees its binding for the device that replaces it, whose readings are its own', async () => {
    const key = uniqueKey('fridge');
    const old = await registerTestDevice(server, city.venues.school, city.manager.token, fridge(key));
    const taken = await server.request<{ code: string }>(`/v1/venues/${city.venues.school}/devices`, {
      token: city.manager.token,
      body: fridge(key),
    });
    expect([taken.status, taken.body.code]).toEqual([409, 'DEVICE_BINDING_TAKEN']);
    expect((await remove(old.id, city.manager.token)).status).toBe(200);

    const replacement = await registerTestDevice(server, city.venues.school, city.manager.token, fridge(key));
    const sensor = await connectMqtt(server.mqttUrl, { username: replacement.id, password: replacement.password });
    await sensor.publishAsync(`zigbee2mqtt/${key}`, JSON.stringify({ temperature: 3.5 }), { qos: 1 });
    await eventually(async () => (await readings(replacement.id)).includes(3.5));
    expect(await readings(old.id)).toEqual([]);
    await sensor.endAsync();
  });

  it('refuses a schedule for a removed lamp with DEVICE_REMOVED', async () => {
    const lamp = await registerTestLamp(server, city.venues.school, city.manager.token);
    expect((await remove(lamp.id, city.manager.token)).status).toBe(200);
    const res = await server.request<{ code: string }>(`/v1/devices/${lamp.id}/schedule`, {
      token: city.manager.token,
      body: { runs: [{ time: '06:00', durationMin: 30 }] },
    });
    expect([res.status, res.body.code]).toEqual([409, 'DEVICE_REMOVED']);
  });
});
