/**
 * A record kept with a warning (a feverish cook) opens its alert through the alert book: the manager's
 * phone hears it on the venue's realtime topic at once, like a sensor alert, not at the next tick.
 */
import { randomUUID } from 'node:crypto';
import type { MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collect, connectMqtt, type DeviceTestServer, eventually, startDeviceServer } from '../devices/test-support.js';
import { seedTestCity, type TestCity } from '../testing/fixtures.js';
import { morningCheck } from '../testing/ledger-records.js';
import { DATABASES } from '../testing/test-server.js';

describe.each(DATABASES)('ledger warnings on the realtime topic (%s)', (db) => {
  let server: DeviceTestServer;
  let city: TestCity;
  let phone: MqttClient;
  let events: Record<string, unknown>[];

  beforeAll(async () => {
    server = await startDeviceServer(db);
    city = await seedTestCity(server);
    phone = await connectMqtt(server.mqttUrl, { username: 'manager', password: city.manager.token });
    const subscription = await collect(phone, `bk/venues/${city.venues.school}/events`);
    expect(subscription.granted).toBe(1);
    events = subscription.messages;
  });
  afterAll(async () => {
    await phone?.endAsync();
    await server?.close();
  });

  it('pushes alert.opened for a fever at the morning check, with the rule code and the record', async () => {
    const res = await server.request<{ record: { id: string } }>(`/v1/venues/${city.venues.school}/ledgers`, {
      token: city.staffer.token,
      body: morningCheck(city.staff.fit, { temperatureC: 37.8 }),
      headers: { 'idempotency-key': `k-${randomUUID()}` },
    });
    expect(res.status).toBe(201);
    const opened = await eventually(() => events.find((e) => e.type === 'alert.opened'));
    expect(opened).toMatchObject({
      venueId: city.venues.school,
      alert: { source: 'ledger', state: 'open', subject: res.body.record.id },
    });
    expect((opened.alert as { type: string }).type).toMatch(/^LEDGER_/);
  });
});
