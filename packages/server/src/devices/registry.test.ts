/** The device registry's rules: who may register, what a binding must be, credentials shown once. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedTestCity, type TestCity } from '../testing/fixtures.js';
import { DATABASES } from '../testing/test-server.js';
import { type DeviceTestServer, startDeviceServer, uniqueKey } from './test-support.js';

describe.each(DATABASES)('device registry on %s', (db) => {
  let server: DeviceTestServer;
  let city: TestCity;
  const fridge = (topic: string) => ({
    kind: 'sensor',
    vendor: 'tasmota',
    locationKind: 'fridge',
    name: '冷藏柜',
    binding: { topic },
  });

  beforeAll(async () => {
    server = await startDeviceServer(db);
    city = await seedTestCity(server);
  });
  afterAll(() => server?.close());

  it('registers for the venue’s manager and answers the MQTT credentials once', async () => {
    const topic = uniqueKey('th');
    const res = await server.request<{
      device: { id: string; venueId: string };
      credentials: {
        username: string;
        password: string;
        topics: { publish: string[]; subscribe: string[] };
        mqtt: { tcp: string };
      };
    }>(`/v1/venues/${city.venues.school}/devices`, { token: city.manager.token, body: fridge(topic) });
    expect(res.status).toBe(201);
    expect(res.body.device.venueId).toBe(city.venues.school);
    expect(res.body.credentials.username).toBe(res.body.device.id);
    expect(res.body.credentials.password.length).toBeGreaterThanOrEqual(24);
    expect(res.body.credentials.topics).toEqual({
      publish: [`tele/${topic}/+`, `stat/${topic}/+`],
      subscribe: [`cmnd/${topic}/#`],
    });
    expect(res.body.credentials.mqtt.tcp).toMatch(/^mqtt:\/\/127\.0\.0\.1:\d+$/);

    const read = await server.request<Record<string, unknown>>(`/v1/devices/${res.body.device.id}`, {
      token: city.regulator.token,
    });
    expect(read.status).toBe(200);
    expect(JSON.stringify(read.body)).not.toContain(res.body.credentials.password);
    const list = await server.request<{ items: { id: string }[] }>(`/v1/venues/${city.venues.school}/devices`, {
      token: city.staffer.token,
    });
    expect(list.body.items.map((d) => d.id)).toContain(res.body.device.id);
  });

  it('refuses staff, other venues’ managers, unknown vendors, taken and wildcard bindings', async () => {
    const topic = uniqueKey('th');
    const staff = await server.request(`/v1/venues/${city.venues.school}/devices`, {
      token: city.staffer.token,
      body: fridge(topic),
    });
    expect(staff.status).toBe(403);
    const other = await server.request(`/v1/venues/${city.venues.school}/devices`, {
      token: city.otherManager.token,
      body: fridge(topic),
    });
    expect(other.status).toBe(403);
    const vendor = await server.request<{ code: string }>(`/v1/venues/${city.venues.school}/devices`, {
      token: city.manager.token,
      body: { ...fridge(topic), vendor: 'acme' },
    });
    expect([vendor.status, vendor.body.code]).toEqual([422, 'DEVICE_UNKNOWN_VENDOR']);
    const first = await server.request(`/v1/venues/${city.venues.school}/devices`, {
      token: city.manager.token,
      body: fridge(topic),
    });
    expect(first.status).toBe(201);
    const taken = await server.request<{ code: string }>(`/v1/venues/${city.venues.restaurant}/devices`, {
      token: city.otherManager.token,
      body: fridge(topic),
    });
    expect([taken.status, taken.body.code]).toEqual([409, 'DEVICE_BINDING_TAKEN']);
    const wildcard = await server.request(`/v1/venues/${city.venues.school}/devices`, {
      token: city.manager.token,
      body: fridge('kitchen/#'),
    });
    expect(wildcard.status).toBe(400);
    const noTopic = await server.request(`/v1/venues/${city.venues.school}/devices`, {
      token: city.manager.token,
      body: { ...fridge(''), binding: { address: '10.0.0.9' } },
    });
    expect(noTopic.status).toBe(400);
  });
});
