/**
 * Edge gateways end to end: a venue's gateway credential relays only its venue's device topics on the
 * broker, posts normalized events to POST /v1/ingest/events (idempotent, other venues refused), and
 * the real edge gateway (`@brightkitchen/device-adapters/gateway`, SIP source, SDK outbox) delivers a
 * GB/T 28181 camera's alarm and keepalive through that route.
 */
import { createSocket } from 'node:dgram';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGateway, parseGatewayConfig } from '@brightkitchen/device-adapters/gateway';
import type { SipListener } from '@brightkitchen/device-adapters/sources';
import { inZone } from '@brightkitchen/sdk';
import type { MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  connectMqtt,
  type DeviceTestServer,
  eventually,
  startDeviceServer,
  subscribeQos,
  uniqueKey,
} from '../devices/test-support.js';
import { seedTestCity, type TestCity } from '../testing/fixtures.js';
import { DATABASES } from '../testing/test-server.js';

interface Credentials {
  id: string;
  password: string;
}

const basic = (c: Credentials) => `Basic ${Buffer.from(`${c.id}:${c.password}`).toString('base64')}`;

function gbAlarm(deviceId: string, method: string, type: string, sn: number): Buffer {
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<Notify><CmdType>Alarm</CmdType><SN>${sn}</SN><DeviceID>${deviceId}</DeviceID><AlarmPriority>1</AlarmPriority>
<AlarmMethod>${method}</AlarmMethod><AlarmTime>2024-05-01T12:34:56</AlarmTime><AlarmDescription>设备防拆报警</AlarmDescription>
<Info><AlarmType>${type}</AlarmType></Info></Notify>`;
  return Buffer.from(xml, 'utf8');
}

function gbKeepalive(deviceId: string, sn: number): Buffer {
  return Buffer.from(
    `<?xml version="1.0" encoding="UTF-8"?><Notify><CmdType>Keepalive</CmdType><SN>${sn}</SN><DeviceID>${deviceId}</DeviceID><Status>OK</Status></Notify>`,
    'utf8',
  );
}

function sipMessage(body: Buffer, callId: string, deviceId: string): Buffer {
  const head = [
    'MESSAGE sip:34020000002000000001@3402000000 SIP/2.0',
    `Via: SIP/2.0/UDP 127.0.0.1:5062;rport;branch=z9hG4bK-${callId}`,
    `From: <sip:${deviceId}@3402000000>;tag=77`,
    'To: <sip:34020000002000000001@3402000000>',
    `Call-ID: ${callId}`,
    'CSeq: 1 MESSAGE',
    'Content-Type: Application/MANSCDP+xml',
    `Content-Length: ${body.length}`,
    '',
    '',
  ].join('\r\n');
  return Buffer.concat([Buffer.from(head, 'latin1'), body]);
}

describe.each(DATABASES)('edge gateways on %s', (db) => {
  let server: DeviceTestServer;
  let city: TestCity;
  let gateway: Credentials;
  let lamp: { id: string; key: string };
  let otherLamp: { id: string; key: string };
  let camera: { id: string; gbId: string };
  const clients: MqttClient[] = [];

  const registerDevice = async (venueId: string, token: string, body: Record<string, unknown>) => {
    const res = await server.request<{ device: { id: string } }>(`/v1/venues/${venueId}/devices`, { token, body });
    expect(res.status).toBe(201);
    return res.body.device.id;
  };
  const postEvents = (body: unknown, headers: Record<string, string>) =>
    server.request<Record<string, unknown>>('/v1/ingest/events', { method: 'POST', body, headers });

  beforeAll(async () => {
    // The embedded broker's relay rules (a gateway may also relay devices not registered yet, for discovery); on
    // Mosquitto's dynamic security a gateway relays its venue's registered devices (dynamic-security.e2e.test.ts).
    server = await startDeviceServer(db, 'embedded');
    city = await seedTestCity(server);
    const res = await server.request<{
      gateway: { id: string; venueId: string };
      credentials: { username: string; password: string; mqtt: { tcp: string } };
    }>(`/v1/venues/${city.venues.school}/gateways`, { token: city.manager.token, body: { name: '后厨网关' } });
    expect(res.status).toBe(201);
    expect(res.body.gateway).toMatchObject({ venueId: city.venues.school, name: '后厨网关' });
    expect(res.body.credentials.username).toBe(res.body.gateway.id);
    gateway = { id: res.body.credentials.username, password: res.body.credentials.password };

    const key = uniqueKey('uv');
    lamp = {
      key,
      id: await registerDevice(city.venues.school, city.manager.token, {
        kind: 'switch',
        vendor: 'tasmota',
        locationKind: 'uv_lamp',
        name: '紫外线灯',
        binding: { topic: key },
      }),
    };
    const otherKey = uniqueKey('uv');
    otherLamp = {
      key: otherKey,
      id: await registerDevice(city.venues.restaurant, city.otherManager.token, {
        kind: 'switch',
        vendor: 'tasmota',
        locationKind: 'uv_lamp',
        name: '别家的紫外线灯',
        binding: { topic: otherKey },
      }),
    };
    const gbId = `3402000000131${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
    camera = {
      gbId,
      id: await registerDevice(city.venues.school, city.manager.token, {
        kind: 'camera',
        vendor: 'gb28181',
        locationKind: 'camera',
        name: '热菜间摄像机',
        binding: { address: gbId },
      }),
    };
  });

  afterAll(async () => {
    await Promise.all(clients.map((c) => c.endAsync(true)));
    await server?.close();
  });

  it('registers gateways for the venue’s manager only and lists them without secrets', async () => {
    const staff = await server.request(`/v1/venues/${city.venues.school}/gateways`, {
      token: city.staffer.token,
      body: { name: 'x' },
    });
    expect(staff.status).toBe(403);
    const other = await server.request(`/v1/venues/${city.venues.school}/gateways`, {
      token: city.otherManager.token,
      body: { name: 'x' },
    });
    expect(other.status).toBe(403);
    const list = await server.request<{ items: { id: string }[] }>(`/v1/venues/${city.venues.school}/gateways`, {
      token: city.regulator.token,
    });
    expect(list.body.items.map((g) => g.id)).toEqual([gateway.id]);
    expect(JSON.stringify(list.body)).not.toContain(gateway.password);
  });

  it('lets the gateway relay its venue’s device topics on the broker, never another venue’s', async () => {
    await expect(connectMqtt(server.mqttUrl, { username: gateway.id, password: 'wrong' })).rejects.toThrow();
    const relay = await connectMqtt(server.mqttUrl, { username: gateway.id, password: gateway.password });
    clients.push(relay);
    expect(await subscribeQos(relay, `cmnd/${lamp.key}/#`)).toBe(1);
    expect(await subscribeQos(relay, `cmnd/${otherLamp.key}/#`)).toBe(128);
    await relay.publishAsync(`tele/${lamp.key}/STATE`, JSON.stringify({ POWER: 'ON' }), { qos: 1 });
    await eventually(async () => (await server.app.devices.status.read(lamp.id)).readings.switch?.value === 1);
    // A device not registered yet: let through, counted and dropped by ingestion.
    const ghost = uniqueKey('ghost');
    await relay.publishAsync(`tele/${ghost}/STATE`, JSON.stringify({ POWER: 'ON' }), { qos: 1 });
    await eventually(() =>
      server.app.devices.stats.snapshot().dropped.byTopic.some((d) => d.topic === `tele/${ghost}/STATE`),
    );
    // Another venue's device: refused (the connection is closed), nothing recorded.
    const closed = new Promise<void>((resolve) => relay.once('close', () => resolve()));
    relay.publish(`tele/${otherLamp.key}/STATE`, JSON.stringify({ POWER: 'ON' }), { qos: 1 });
    await closed;
    await new Promise((r) => setTimeout(r, 100));
    expect((await server.app.devices.status.read(otherLamp.id)).readings.switch).toBeUndefined();
  });

  it('takes normalized events from the gateway, once per Idempotency-Key, and counts unknown devices', async () => {
    const time = inZone(Date.now() + 60_000, 'Asia/Shanghai').format();
    const body = {
      source: 'onvif',
      vendor: 'tasmota',
      events: [
        { type: 'switch', time, deviceId: lamp.key, on: false, powerW: 0 },
        { type: 'availability', time, deviceId: lamp.id, online: true },
        { type: 'reading', time, deviceId: 'not-registered', metric: 'temperature', value: 3, unit: '°C' },
      ],
    };
    const headers = { authorization: basic(gateway), 'idempotency-key': uniqueKey('batch-key') };
    const first = await postEvents(body, headers);
    expect([first.status, first.body]).toEqual([201, { venueId: city.venues.school, accepted: 2, dropped: 1 }]);
    // Whichever instance took the batch has written it by its next flush.
    for (const instance of server.instances) await instance.devices.flush();
    const status = await server.app.devices.status.read(lamp.id);
    expect(status.readings.switch?.value).toBe(0);
    expect(status.online).toBe(true);
    const events = () => server.instances.reduce((n, i) => n + i.devices.stats.snapshot().events, 0);
    const eventsBefore = events();
    const replay = await postEvents(body, headers);
    expect([replay.status, replay.body]).toEqual([200, first.body]);
    expect(events()).toBe(eventsBefore);
    const reused = await postEvents({ ...body, events: body.events.slice(0, 1) }, headers);
    expect([reused.status, reused.body.code]).toEqual([409, 'IDEMPOTENCY_KEY_REUSED']);
  });

  it('refuses bad credentials, another venue’s devices, malformed events and outsiders', async () => {
    const event = (deviceId: string) => ({
      vendor: 'tasmota',
      events: [{ type: 'switch', time: '2024-05-01T12:35:00+08:00', deviceId, on: true }],
    });
    const wrong = await postEvents(event(lamp.key), { authorization: basic({ ...gateway, password: 'nope' }) });
    expect([wrong.status, wrong.body.code]).toEqual([401, 'DEVICE_CREDENTIALS_INVALID']);
    const anonymous = await postEvents(event(lamp.key), {});
    expect(anonymous.status).toBe(401);
    const foreign = await postEvents(event(otherLamp.key), { authorization: basic(gateway) });
    expect(foreign.status).toBe(403);
    const elsewhere = await postEvents(
      { ...event(lamp.key), venueId: city.venues.restaurant },
      { authorization: basic(gateway) },
    );
    expect(elsewhere.status).toBe(403);
    const badTime = await postEvents(
      { vendor: 'tasmota', events: [{ type: 'switch', time: '12:35', deviceId: lamp.key, on: true }] },
      { authorization: basic(gateway) },
    );
    expect(badTime.status).toBe(400);
    const badType = await postEvents(
      { vendor: 'tasmota', events: [{ type: 'gossip', time: '2024-05-01T12:35:00+08:00', deviceId: lamp.key }] },
      { authorization: basic(gateway) },
    );
    expect(badType.status).toBe(400);
    // People: the venue's manager (venueId required), not another venue's.
    const manager = await server.request<{ accepted: number }>('/v1/ingest/events', {
      token: city.manager.token,
      body: { ...event(lamp.key), venueId: city.venues.school },
    });
    expect([manager.status, manager.body.accepted]).toEqual([201, 1]);
    const outsider = await server.request('/v1/ingest/events', {
      token: city.otherManager.token,
      body: { ...event(lamp.key), venueId: city.venues.school },
    });
    expect(outsider.status).toBe(403);
    const staffer = await server.request('/v1/ingest/events', {
      token: city.staffer.token,
      body: { ...event(lamp.key), venueId: city.venues.school },
    });
    expect(staffer.status).toBe(403);
  });

  it('the edge gateway delivers a GB/T 28181 camera’s keepalive and tamper alarm through the route', async () => {
    const config = parseGatewayConfig({
      platform: { baseURL: server.baseUrl, gateway },
      outboxPath: join(mkdtempSync(join(tmpdir(), 'bk-gw-e2e-')), 'outbox.json'),
      sources: [{ type: 'sip', host: '127.0.0.1', port: 0 }],
      retry: { baseMs: 50, maxMs: 200 },
    });
    if (!config.ok) throw new Error(config.issues.join('\n'));
    const edge = createGateway(config.config);
    await edge.start();
    const sip = edge.sources[0] as SipListener;
    const port = sip.address()?.port ?? 0;
    const udp = createSocket('udp4');
    const send = (packet: Buffer) =>
      new Promise<string>((resolve) => {
        udp.once('message', (m) => resolve(m.toString('latin1')));
        udp.send(packet, port, '127.0.0.1');
      });
    try {
      expect((await send(sipMessage(gbKeepalive(camera.gbId, 1), 'ka-1', camera.gbId))).split('\r\n')[0]).toBe(
        'SIP/2.0 200 OK',
      );
      await send(sipMessage(gbAlarm(camera.gbId, '2', '2', 2), 'alarm-1', camera.gbId));
      const alert = await eventually(() =>
        server.database.db
          .selectFrom('alerts')
          .selectAll()
          .where('subject', '=', camera.id)
          .where('type', '=', 'CAMERA_TAMPER')
          .executeTakeFirst(),
      );
      expect(alert).toMatchObject({ venue_id: city.venues.school, source: 'device', severity: 'critical' });
      const status = await server.app.devices.status.read(camera.id);
      expect(status.online).toBe(true);
      await eventually(async () => (await edge.outbox.pending()).length === 0);
      expect(await edge.outbox.rejected()).toEqual([]);
    } finally {
      udp.close();
      await edge.stop();
    }
  });
});
