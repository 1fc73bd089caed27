/**
 * Device alerts that no single message raises, against the real embedded broker with a manual clock:
 * a dropped connection (after the grace) and a silent Tasmota plug open DEVICE_OFFLINE, cleared when
 * it is back; a preset UV run that never drew power opens DISINFECTION_RUN_MISSED; camera alarms
 * (tamper, video loss, motion) open `device` alerts of their severity, cleared at their end.
 */
import { fromLocalTime, inZone } from '@brightkitchen/sdk';
import type { MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AlertsTable } from '../../db/index.js';
import {
  connectMqtt,
  type DeviceTestServer,
  eventually,
  registerTestDevice,
  startDeviceServer,
  uniqueKey,
} from '../../devices/test-support.js';
import { seedTestCity, type TestCity } from '../../testing/fixtures.js';
import { DATABASES } from '../../testing/test-server.js';

const MIN = 60_000;

interface Registered {
  id: string;
  password: string;
  key: string;
}

async function register(
  server: DeviceTestServer,
  city: TestCity,
  body: Record<string, unknown>,
  key = uniqueKey('dev'),
): Promise<Registered> {
  const res = await registerTestDevice(server, city.venues.school, city.manager.token, {
    binding: { topic: key },
    ...body,
  });
  return { id: res.id, password: res.password, key };
}

const plug = (name: string) => ({ kind: 'switch', vendor: 'tasmota', locationKind: 'uv_lamp', name });

function alertsOf(server: DeviceTestServer, subject: string, type: string): Promise<AlertsTable[]> {
  return server.database.db
    .selectFrom('alerts')
    .selectAll()
    .where('subject', 'like', `${subject}%`)
    .where('type', '=', type)
    .orderBy('opened_at')
    .execute();
}

describe.each(DATABASES)('device presence on %s', (db) => {
  let server: DeviceTestServer;
  let city: TestCity;
  const clients: MqttClient[] = [];

  beforeAll(async () => {
    server = await startDeviceServer(db, 'embedded', { BK_DEVICE_OFFLINE_GRACE_MS: String(MIN) });
    city = await seedTestCity(server);
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.endAsync(true)));
    await server?.close();
  });

  const connect = async (device: Registered) => {
    const client = await connectMqtt(server.mqttUrl, { username: device.id, password: device.password });
    clients.push(client);
    await eventually(() => server.app.devices.watchers.presence.isConnected(device.id));
    return client;
  };

  it('opens DEVICE_OFFLINE when the broker connection stays dropped past the grace, clears it on reconnect', async () => {
    const lamp = await register(server, city, plug('备餐间紫外线灯'));
    const client = await connect(lamp);
    await client.publishAsync(`tele/${lamp.key}/STATE`, JSON.stringify({ POWER: 'OFF' }), { qos: 1 });
    await client.endAsync(true);
    await eventually(() => !server.app.devices.watchers.presence.isConnected(lamp.id));

    server.clock.advance(MIN / 2);
    await server.app.devices.tick();
    expect(await alertsOf(server, lamp.id, 'DEVICE_OFFLINE')).toEqual([]);

    server.clock.advance(MIN / 2);
    await server.app.devices.tick();
    const [alert] = await eventually(async () => {
      const rows = await alertsOf(server, lamp.id, 'DEVICE_OFFLINE');
      return rows.length > 0 ? rows : undefined;
    });
    expect(alert).toMatchObject({ source: 'device', severity: 'warning', state: 'open' });
    expect(JSON.parse(alert?.details ?? '{}')).toMatchObject({ reason: 'disconnected' });
    const device = await server.request<{ status: { online: boolean } }>(`/v1/devices/${lamp.id}`, {
      token: city.manager.token,
    });
    expect(device.body.status.online).toBe(false);

    await connect(lamp);
    const cleared = await eventually(async () => {
      const [row] = await alertsOf(server, lamp.id, 'DEVICE_OFFLINE');
      return row?.state === 'resolved' ? row : undefined;
    });
    expect(cleared.resolved_at).not.toBeNull();
  });

  it('does not alert when the device reconnects within the grace', async () => {
    const lamp = await register(server, city, plug('洗消间紫外线灯'));
    const first = await connect(lamp);
    await first.endAsync(true);
    await eventually(() => !server.app.devices.watchers.presence.isConnected(lamp.id));
    server.clock.advance(MIN / 3);
    await connect(lamp);
    server.clock.advance(5 * MIN);
    await server.app.devices.tick();
    expect(await alertsOf(server, lamp.id, 'DEVICE_OFFLINE')).toEqual([]);
  });

  it('opens DEVICE_OFFLINE for a Tasmota plug silent for 15 minutes, clears it when it reports again', async () => {
    const lamp = await register(server, city, plug('凉菜间紫外线灯'));
    const client = await connect(lamp);
    const report = async () => {
      const before = (await server.app.devices.status.read(lamp.id)).lastSeenAt;
      await client.publishAsync(`tele/${lamp.key}/STATE`, JSON.stringify({ POWER: 'OFF' }), { qos: 1 });
      await eventually(async () => (await server.app.devices.status.read(lamp.id)).lastSeenAt !== before);
    };
    await report();
    server.clock.advance(14 * MIN);
    await server.app.devices.tick();
    expect(await alertsOf(server, lamp.id, 'DEVICE_OFFLINE')).toEqual([]);

    server.clock.advance(2 * MIN);
    await server.app.devices.tick();
    const [alert] = await alertsOf(server, lamp.id, 'DEVICE_OFFLINE');
    expect(alert).toMatchObject({ source: 'device', state: 'open' });
    expect(JSON.parse(alert?.details ?? '{}')).toMatchObject({ reason: 'silent' });
    expect(JSON.parse(alert?.message ?? '{}').zh).toContain('16 分钟');

    server.clock.advance(MIN);
    await report();
    await server.app.devices.tick();
    const [after] = await alertsOf(server, lamp.id, 'DEVICE_OFFLINE');
    expect(after?.state).toBe('resolved');
  });
});

describe.each(DATABASES)('missed disinfection runs on %s', (db) => {
  let server: DeviceTestServer;
  let city: TestCity;
  let lamp: Registered;
  let client: MqttClient;
  // A Monday evening in the venue's zone.
  const at = (day: string, time: string) => fromLocalTime(`${day}T${time}:00`, 'Asia/Shanghai').valueOf();

  beforeAll(async () => {
    server = await startDeviceServer(db);
    city = await seedTestCity(server);
    lamp = await register(server, city, plug('更衣室紫外线灯'));
    client = await connectMqtt(server.mqttUrl, { username: lamp.id, password: lamp.password });
  });
  afterAll(async () => {
    await client?.endAsync(true);
    await server?.close();
  });

  const power = async (on: boolean, watts: number) => {
    const time = inZone(server.clock.now(), 'Asia/Shanghai').format('YYYY-MM-DDTHH:mm:ss');
    await client.publishAsync(`tele/${lamp.key}/STATE`, JSON.stringify({ Time: time, POWER: on ? 'ON' : 'OFF' }), {
      qos: 1,
    });
    await client.publishAsync(
      `tele/${lamp.key}/SENSOR`,
      JSON.stringify({ Time: time, ENERGY: { Power: watts, Voltage: 226, Current: watts / 226 } }),
      { qos: 1 },
    );
  };
  const runs = () =>
    server.database.db.selectFrom('disinfection_runs').selectAll().where('device_id', '=', lamp.id).execute();

  it('alerts when no power is drawn within 10 minutes of a preset run, not when the lamp ran', async () => {
    server.clock.set(at('2030-05-06', '21:50'));
    const set = await server.request(`/v1/devices/${lamp.id}/schedule`, {
      token: city.manager.token,
      body: { runs: [{ time: '22:30', durationMin: 30 }] },
    });
    expect(set.status).toBe(200);
    await server.app.devices.tick();

    server.clock.set(at('2030-05-06', '22:39'));
    await server.app.devices.tick();
    expect(await alertsOf(server, lamp.id, 'DISINFECTION_RUN_MISSED')).toEqual([]);

    server.clock.set(at('2030-05-06', '22:41'));
    await server.app.devices.tick();
    const missed = await alertsOf(server, lamp.id, 'DISINFECTION_RUN_MISSED');
    expect(missed).toHaveLength(1);
    expect(missed[0]).toMatchObject({ source: 'disinfection', severity: 'warning', state: 'open' });
    expect(JSON.parse(missed[0]?.details ?? '{}')).toMatchObject({
      deviceId: lamp.id,
      time: '22:30',
      scheduledAt: new Date(at('2030-05-06', '22:30')).toISOString(),
    });
    await server.app.devices.tick();
    expect(await alertsOf(server, lamp.id, 'DISINFECTION_RUN_MISSED')).toHaveLength(1);

    // The next evening the lamp switches on at 22:31 and draws power: no alert.
    server.clock.set(at('2030-05-07', '22:31'));
    await power(true, 36);
    await eventually(async () => (await runs()).length === 1);
    server.clock.set(at('2030-05-07', '22:45'));
    await server.app.devices.tick();
    expect(await alertsOf(server, lamp.id, 'DISINFECTION_RUN_MISSED')).toHaveLength(1);
  });

  it('counts a lamp switched on without drawing power (dead tube) as a missed run', async () => {
    server.clock.set(at('2030-05-08', '22:29'));
    await power(false, 0);
    await power(true, 0.2);
    // Whichever instance took each message: last evening's run ended, the 0.2 W reading stored.
    await eventually(async () => {
      for (const instance of server.instances) await instance.devices.flush();
      const stored = await server.database.db
        .selectFrom('readings')
        .select('value')
        .where('device_id', '=', lamp.id)
        .where('value', '=', 0.2)
        .execute();
      return stored.length > 0 && (await runs()).every((r) => r.status !== 'running');
    });
    server.clock.set(at('2030-05-08', '22:41'));
    await server.app.devices.tick();
    const missed = await alertsOf(server, lamp.id, 'DISINFECTION_RUN_MISSED');
    expect(missed.map((a) => JSON.parse(a.details ?? '{}').scheduledAt)).toEqual([
      new Date(at('2030-05-06', '22:30')).toISOString(),
      new Date(at('2030-05-08', '22:30')).toISOString(),
    ]);
  });
});

describe.each(DATABASES)('camera alarms on %s', (db) => {
  let server: DeviceTestServer;
  let city: TestCity;
  let camera: Registered;

  const alert = (eventType: string, state: 'active' | 'inactive') => `<?xml version="1.0" encoding="UTF-8"?>
<EventNotificationAlert version="2.0" xmlns="http://www.hikvision.com/ver20/XMLSchema">
  <ipAddress>192.168.10.81</ipAddress>
  <macAddress>44:47:cc:aa:bb:01</macAddress>
  <channelID>1</channelID>
  <dateTime>${inZone(Date.now(), 'Asia/Shanghai').format()}</dateTime>
  <activePostCount>1</activePostCount>
  <eventType>${eventType}</eventType>
  <eventState>${state}</eventState>
  <eventDescription>${eventType} alarm</eventDescription>
</EventNotificationAlert>`;
  const push = (xml: string) =>
    server.request<{ accepted: number }>(`/v1/ingest/isapi/${camera.id}`, {
      method: 'POST',
      rawBody: xml,
      headers: {
        'content-type': 'application/xml',
        authorization: `Basic ${Buffer.from(`${camera.id}:${camera.password}`).toString('base64')}`,
      },
    });

  beforeAll(async () => {
    server = await startDeviceServer(db);
    city = await seedTestCity(server);
    const res = await registerTestDevice(server, city.venues.school, city.manager.token, {
      kind: 'camera',
      vendor: 'hikvision-isapi',
      locationKind: 'camera',
      name: '粗加工间摄像机',
      binding: { address: uniqueKey('cam') },
    });
    camera = { id: res.id, password: res.password, key: '' };
  });
  afterAll(() => server?.close());

  it('opens a critical CAMERA_TAMPER alert when the camera is covered and clears it when uncovered', async () => {
    expect((await push(alert('shelteralarm', 'active'))).body.accepted).toBe(1);
    const [opened] = await eventually(async () => {
      const rows = await alertsOf(server, camera.id, 'CAMERA_TAMPER');
      return rows.length ? rows : undefined;
    });
    expect(opened).toMatchObject({ source: 'device', severity: 'critical', state: 'open' });
    expect(JSON.parse(opened?.message ?? '{}').zh).toContain('粗加工间摄像机');
    await push(alert('shelteralarm', 'inactive'));
    await eventually(async () => (await alertsOf(server, camera.id, 'CAMERA_TAMPER'))[0]?.state === 'resolved');
  });

  it('opens CAMERA_VIDEO_LOSS (warning) and CAMERA_MOTION (info), one open alert per kind', async () => {
    await push(alert('videoloss', 'active'));
    await push(alert('VMD', 'active'));
    await push(alert('VMD', 'active'));
    const loss = await eventually(async () => (await alertsOf(server, camera.id, 'CAMERA_VIDEO_LOSS'))[0]);
    expect(loss).toMatchObject({ severity: 'warning', state: 'open' });
    const motion = await eventually(async () => {
      const rows = await alertsOf(server, camera.id, 'CAMERA_MOTION');
      return rows.length ? rows : undefined;
    });
    expect(motion).toHaveLength(1);
    expect(motion[0]).toMatchObject({ severity: 'info', source: 'device' });
    // A line-crossing alarm is no camera-health alarm: nothing opens.
    await push(alert('linedetection', 'active'));
    const all = await server.database.db.selectFrom('alerts').select('type').where('subject', '=', camera.id).execute();
    expect(all.map((a) => a.type).sort()).toEqual(['CAMERA_MOTION', 'CAMERA_TAMPER', 'CAMERA_VIDEO_LOSS']);
  });
});
