/**
 * Notification channels and their record: WeChat subscribe messages (against a local fake of the
 * documented API), the signed webhook (a failing one is retried and does not stop WeChat), the
 * escalation to the head of the venue, and a restart that keeps the open alert and re-sends nothing.
 */
import { createHmac } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMembership, createUser } from '../accounts/index.js';
import { buildApp } from '../app.js';
import {
  connectMqtt,
  type DeviceTestServer,
  eventually,
  registerTestDevice,
  startDeviceServer,
  uniqueKey,
} from '../devices/test-support.js';
import { seedTestCity, type TestCity } from '../testing/fixtures.js';
import { DATABASES } from '../testing/test-server.js';
import { createStaff } from '../venues/index.js';
import { type FakeWechatApi, startFakeWechatApi, startWebhookReceiver, type WebhookReceiver } from './test-fakes.js';

const MIN = 60_000;
const SECRET = 'hook-secret';

describe.each(DATABASES)('alert notifications on %s', (db) => {
  let server: DeviceTestServer;
  let app: FastifyInstance;
  let city: TestCity;
  let wechat: FakeWechatApi;
  let hook: WebhookReceiver;
  let sensor: MqttClient;
  let device: { id: string; password: string; key: string };
  let headUserId: string;
  let alertId: string;

  const rows = () =>
    app.ctx.database.db
      .selectFrom('alert_notifications')
      .selectAll()
      .where('alert_id', '=', alertId)
      .orderBy('repeat')
      .orderBy('channel')
      .orderBy('recipient')
      .execute();

  beforeAll(async () => {
    wechat = await startFakeWechatApi('wx-test-app', 'wx-test-secret');
    hook = await startWebhookReceiver([500]);
    server = await startDeviceServer(db, 'embedded', {
      BK_WECHAT_API_BASE: wechat.baseUrl,
      BK_WECHAT_ALERT_TEMPLATE_ID: 'TPL-ALERT',
      BK_WEBHOOK_URL: hook.url,
      BK_WEBHOOK_SECRET: SECRET,
    });
    app = server.app;
    city = await seedTestCity(server);
    const { database } = server;
    await database.db
      .updateTable('users')
      .set({ wechat_openid: 'o-manager' })
      .where('id', '=', city.manager.user.id)
      .execute();
    const principal = await createStaff(database, city.venues.school, {
      name: '王校长',
      role: 'principal',
      healthCertificate: { number: 'HC-9', expiresOn: '2099-01-01' },
    });
    const head = await createUser(database, {
      role: 'operator_staff',
      displayName: '王校长',
      login: uniqueKey('head'),
    });
    await addMembership(database, head.id, city.venues.school, 'operator_staff', principal.id);
    await database.db.updateTable('users').set({ wechat_openid: 'o-head' }).where('id', '=', head.id).execute();
    headUserId = head.id;

    const key = uniqueKey('freezer');
    const res = await registerTestDevice(server, city.venues.school, city.manager.token, {
      kind: 'sensor',
      vendor: 'zigbee2mqtt',
      locationKind: 'freezer',
      name: '冷冻柜',
      binding: { topic: key },
    });
    device = { id: res.id, password: res.password, key };
    sensor = await connectMqtt(server.mqttUrl, { username: device.id, password: device.password });
  });

  afterAll(async () => {
    await sensor?.endAsync(true);
    if (app !== server?.app) await app?.close();
    // Let PostgreSQL finish closing the restarted app's connections before the database is dropped.
    await new Promise((r) => setTimeout(r, 300));
    await server?.close();
    await wechat?.close();
    await hook?.close();
  });

  it('sends the first notification on every channel; a failing webhook does not stop WeChat', async () => {
    await sensor.publishAsync(`zigbee2mqtt/${device.key}`, JSON.stringify({ temperature: -5 }), { qos: 1 });
    await eventually(async () => (await app.devices.status.read(device.id)).readings.temperature?.value === -5);
    server.clock.advance(10 * MIN);
    await app.devices.tick();
    const alert = await eventually(() =>
      app.ctx.database.db.selectFrom('alerts').selectAll().where('subject', '=', device.id).executeTakeFirst(),
    );
    alertId = alert.id;
    expect(alert).toMatchObject({ type: 'SENSOR_TOO_WARM', state: 'open' });
    await app.devices.tick();
    const first = await eventually(async () => {
      const r = await rows();
      return r.length === 3 && r.every((x) => x.status !== 'pending') ? r : undefined;
    });
    expect(first.map((r) => [r.repeat, r.level, r.channel, r.recipient, r.status])).toEqual([
      [0, 'manager', 'realtime', `venue:${city.venues.school}`, 'delivered'],
      [0, 'manager', 'webhook', hook.url, 'failed'],
      [0, 'manager', 'wechat', city.manager.user.id, 'delivered'],
    ]);
    expect(first.find((r) => r.channel === 'webhook')?.error).toContain('500');
    expect(wechat.sent).toHaveLength(1);
    expect(wechat.sent[0]?.body).toMatchObject({
      touser: 'o-manager',
      template_id: 'TPL-ALERT',
      data: { thing3: { value: '第一中学食堂' }, phrase4: { value: '管理员' } },
    });
    const data = wechat.sent[0]?.body.data as Record<string, { value: string }>;
    expect(Array.from(data.thing1?.value ?? '').length).toBeLessThanOrEqual(20);
  });

  it('retries the failed webhook with its signature, once, after the backoff', async () => {
    await app.devices.tick();
    expect(hook.received).toHaveLength(0);
    server.clock.advance(10_000);
    await app.devices.tick();
    expect(hook.received).toHaveLength(1);
    const [delivery] = hook.received;
    const timestamp = String(delivery?.headers['x-bk-timestamp']);
    const expected = `sha256=${createHmac('sha256', SECRET).update(`${timestamp}.${delivery?.body}`).digest('hex')}`;
    expect(delivery?.headers['x-bk-signature']).toBe(expected);
    expect(JSON.parse(delivery?.body ?? '{}')).toMatchObject({
      event: 'alert.notification',
      repeat: 0,
      alert: { id: alertId },
    });
    const webhook = (await rows()).find((r) => r.channel === 'webhook');
    expect(webhook).toMatchObject({ status: 'delivered', attempts: 2 });
    await app.devices.tick();
    expect(hook.received).toHaveLength(1);
  });

  it('after a restart keeps the open alert, re-sends nothing, then goes on with the reminders', async () => {
    const before = await rows();
    const sentBefore = wechat.sent.length;
    await sensor.endAsync(true);
    await app.close();
    app = await buildApp(server.config, { logger: false, clock: server.clock });
    await app.listen({ port: 0, host: '127.0.0.1' });
    await app.devices.tick();
    await new Promise((r) => setTimeout(r, 100));
    expect(await rows()).toEqual(before);
    expect(wechat.sent).toHaveLength(sentBefore);

    // The restored threshold state is still an alarm: more warm readings open no second alert.
    const url = app.devices.endpoints()?.tcp ?? '';
    sensor = await connectMqtt(url, { username: device.id, password: device.password });
    await sensor.publishAsync(`zigbee2mqtt/${device.key}`, JSON.stringify({ temperature: -4 }), { qos: 1 });
    await eventually(async () => (await app.devices.status.read(device.id)).readings.temperature?.value === -4);
    await app.devices.tick();
    const alerts = await app.ctx.database.db
      .selectFrom('alerts')
      .select('id')
      .where('subject', '=', device.id)
      .execute();
    expect(alerts.map((a) => a.id)).toEqual([alertId]);

    // 15 minutes after opening (reminders 1 and 2 missed): one reminder, at the level reached (venue head).
    server.clock.advance(15 * MIN - 10_000);
    await app.devices.tick();
    const after = await eventually(async () => {
      const r = (await rows()).filter((x) => x.repeat > 0);
      return r.length > 0 && r.every((x) => x.status !== 'pending') ? r : undefined;
    });
    expect([...new Set(after.map((r) => [r.repeat, r.level].join(':')))]).toEqual(['3:venue_head']);
    expect(
      after
        .filter((r) => r.channel === 'wechat')
        .map((r) => r.recipient)
        .sort(),
    ).toEqual([city.manager.user.id, headUserId].sort());
    expect(
      wechat.sent
        .slice(sentBefore)
        .map((s) => s.body.touser)
        .sort(),
    ).toEqual(['o-head', 'o-manager']);
  });

  it('fetches a new WeChat token when WeChat says the cached one is invalid', async () => {
    const issued = wechat.tokensIssued;
    wechat.failNextSend(40001);
    server.clock.advance(5 * MIN);
    await app.devices.tick();
    await eventually(async () =>
      (await rows()).some((r) => r.repeat === 4 && r.channel === 'wechat' && r.status === 'delivered'),
    );
    expect(wechat.tokensIssued).toBe(issued + 1);
  });

  it('resolving the alert by hand stops everything', async () => {
    const res = await fetch(`${app.listeningOrigin.replace('localhost', '127.0.0.1')}/v1/alerts/${alertId}/resolve`, {
      method: 'POST',
      headers: { authorization: `Bearer ${city.manager.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ correctiveAction: '已将食材转移至备用冷冻柜并报修' }),
    });
    expect(res.status).toBe(200);
    const count = (await rows()).length;
    server.clock.advance(30 * MIN);
    await app.devices.tick();
    expect(await rows()).toHaveLength(count);
  });
});
