/**
 * End to end through a real broker (embedded aedes, and the external Mosquitto when available):
 * a Zigbee2MQTT fridge sensor publishes → readings stored → out of range past the delay (manual
 * clock) → alert opens → the venue's realtime topic carries it → reminders every 5 min → an
 * acknowledgement stops them → back in range clears it. Unknown devices are counted and dropped.
 */

import type { MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BROKERS,
  collect,
  connectMqtt,
  type DeviceTestServer,
  eventually,
  registerTestDevice,
  startDeviceServer,
  uniqueKey,
} from '../devices/test-support.js';
import { seedTestCity, type TestCity } from '../testing/fixtures.js';
import { DATABASES } from '../testing/test-server.js';

const MIN = 60_000;
const cases = DATABASES.flatMap((db) => BROKERS.map((broker) => [db, broker] as const));

describe.each(cases)('ingestion on %s with the %s broker', (db, broker) => {
  let server: DeviceTestServer;
  let city: TestCity;
  let device: { id: string; password: string; key: string };
  let sensor: MqttClient;
  let watcher: MqttClient;
  let events: Record<string, unknown>[];

  beforeAll(async () => {
    server = await startDeviceServer(db, broker);
    city = await seedTestCity(server);
    const key = uniqueKey('fridge');
    const res = await registerTestDevice(server, city.venues.school, city.manager.token, {
      kind: 'sensor',
      vendor: 'zigbee2mqtt',
      locationKind: 'fridge',
      name: '冷藏柜一',
      binding: { topic: key },
    });
    device = { id: res.id, password: res.password, key };
    const embedded = broker === 'embedded';
    sensor = await connectMqtt(server.mqttUrl, embedded ? { username: device.id, password: device.password } : {});
    watcher = await connectMqtt(server.mqttUrl, embedded ? { username: 'manager', password: city.manager.token } : {});
    const subscription = await collect(watcher, `bk/venues/${city.venues.school}/events`);
    expect(subscription.granted).toBe(1);
    events = subscription.messages;
  });

  afterAll(async () => {
    await sensor?.endAsync();
    await watcher?.endAsync();
    await server?.close();
  });

  const publish = (body: unknown) =>
    sensor.publishAsync(`zigbee2mqtt/${device.key}`, typeof body === 'string' ? body : JSON.stringify(body), {
      qos: 1,
    });

  const readingsStored = async () => {
    await server.app.devices.flush();
    const rows = await server.database.db
      .selectFrom('readings')
      .select(['value', 'metric'])
      .where('device_id', '=', device.id)
      .where('metric', '=', 'temperature')
      .execute();
    return rows.map((r) => r.value);
  };

  const notifications = () => events.filter((e) => e.type === 'alert.notification');

  it('stores readings and shows the last ones on the device', async () => {
    await publish({ temperature: 3.86, humidity: 71.42, battery: 91, linkquality: 87 });
    expect(
      await eventually(async () => ((await readingsStored()).length === 1 ? readingsStored() : undefined)),
    ).toEqual([3.86]);
    const res = await server.request<{ status: { readings: Record<string, { value: number }>; lastSeenAt: string } }>(
      `/v1/devices/${device.id}`,
      { token: city.staffer.token },
    );
    expect(res.status).toBe(200);
    expect(res.body.status.readings.temperature?.value).toBe(3.86);
    expect(res.body.status.readings.humidity?.value).toBe(71.42);
  });

  it('counts a payload that does not convert against the device, with the reason', async () => {
    await publish('{"temperature": 4,');
    const status = await eventually(async () => {
      const res = await server.request<{ status: { failures: Record<string, number> } }>(`/v1/devices/${device.id}`, {
        token: city.manager.token,
      });
      return res.body.status.failures.ADAPTER_MALFORMED_JSON ? res.body.status : undefined;
    });
    expect(status.failures).toEqual({ ADAPTER_MALFORMED_JSON: 1 });
  });

  it('opens an alert only after the delay, publishes it to the venue and repeats it until acknowledged', async () => {
    await publish({ temperature: 12.4 });
    await eventually(async () => (await readingsStored()).includes(12.4));
    server.clock.advance(9 * MIN);
    await server.app.devices.tick();
    const openAlerts = () =>
      server.database.db
        .selectFrom('alerts')
        .selectAll()
        .where('subject', '=', device.id)
        .where('state', '=', 'open')
        .execute();
    expect(await openAlerts()).toEqual([]);

    server.clock.advance(1 * MIN);
    await server.app.devices.tick();
    const [alert] = await eventually(async () => {
      const rows = await openAlerts();
      return rows.length > 0 ? rows : undefined;
    });
    expect(alert).toMatchObject({ source: 'sensor', type: 'SENSOR_TOO_WARM', severity: 'critical' });
    const opened = await eventually(() => events.find((e) => e.type === 'alert.opened'));
    expect(opened).toMatchObject({ venueId: city.venues.school, alert: { id: alert?.id, type: 'SENSOR_TOO_WARM' } });
    await eventually(() => notifications().length === 1);
    expect(notifications()[0]).toMatchObject({ repeat: 0, level: 'manager' });

    // Critical: a reminder every 5 minutes while nobody acknowledges.
    server.clock.advance(4 * MIN);
    await server.app.devices.tick();
    server.clock.advance(1 * MIN);
    await server.app.devices.tick();
    await eventually(() => notifications().length === 2);
    expect(notifications()[1]).toMatchObject({ repeat: 1, level: 'manager' });

    const ack = await server.request(`/v1/alerts/${alert?.id}/ack`, {
      method: 'POST',
      token: city.manager.token,
      body: {},
    });
    expect(ack.status).toBe(200);
    server.clock.advance(5 * MIN);
    await server.app.devices.tick();
    server.clock.advance(5 * MIN);
    await server.app.devices.tick();
    await new Promise((r) => setTimeout(r, 200));
    expect(notifications()).toHaveLength(2);

    const recorded = await server.database.db
      .selectFrom('alert_notifications')
      .select(['repeat', 'channel', 'status'])
      .where('alert_id', '=', alert?.id ?? '')
      .orderBy('repeat')
      .execute();
    expect(recorded).toEqual([
      { repeat: 0, channel: 'realtime', status: 'delivered' },
      { repeat: 1, channel: 'realtime', status: 'delivered' },
    ]);
  });

  it('clears the alert once readings are back inside the range by the hysteresis', async () => {
    await publish({ temperature: 7.5 });
    await publish({ temperature: 5.2 });
    const cleared = await eventually(() => events.find((e) => e.type === 'alert.cleared'));
    expect(cleared).toMatchObject({ alert: { state: 'resolved', type: 'SENSOR_TOO_WARM' } });
    const open = await server.database.db
      .selectFrom('alerts')
      .select('id')
      .where('subject', '=', device.id)
      .where('state', '!=', 'resolved')
      .execute();
    expect(open).toEqual([]);
  });

  it('drops and counts traffic of an unknown device, visible to admins only', async () => {
    const ghost = uniqueKey('ghost');
    const publisher =
      broker === 'embedded'
        ? await connectMqtt(server.mqttUrl, { username: 'admin', password: city.admin.token })
        : await connectMqtt(server.mqttUrl);
    await publisher.publishAsync(`zigbee2mqtt/${ghost}`, JSON.stringify({ temperature: 30 }), { qos: 1 });
    await publisher.endAsync();
    type Stats = { dropped: { byTopic: { topic: string; reason: string; count: number }[] } };
    const stats = await eventually(async () => {
      const res = await server.request<Stats>('/v1/ingest/stats', { token: city.admin.token });
      return res.body.dropped.byTopic.find((d) => d.topic === `zigbee2mqtt/${ghost}`) ? res.body : undefined;
    });
    expect(stats.dropped.byTopic.find((d) => d.topic === `zigbee2mqtt/${ghost}`)).toEqual({
      topic: `zigbee2mqtt/${ghost}`,
      reason: 'unknown_device',
      count: 1,
    });
    await server.app.devices.flush();
    const stray = await server.database.db.selectFrom('readings').select('device_id').where('value', '=', 30).execute();
    expect(stray).toEqual([]);
    const forbidden = await server.request('/v1/ingest/stats', { token: city.manager.token });
    expect(forbidden.status).toBe(403);
  });
});
