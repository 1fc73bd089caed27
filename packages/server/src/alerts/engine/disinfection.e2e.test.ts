/**
 * The disinfection controller end to end: an operator sets the UV lamp's run times (Tasmota Timer
 * commands reach the plug), power telemetry shows a run shorter than 30 min (alert), a full run
 * (no alert), and an air-disinfection ledger claiming more than the lamp ran is flagged.
 */
import { inZone } from '@brightkitchen/sdk';
import type { MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

describe.each(DATABASES)('disinfection controller on %s', (db) => {
  let server: DeviceTestServer;
  let city: TestCity;
  let lamp: { id: string; password: string; key: string };
  let plug: MqttClient;
  const commands: { topic: string; payload: string }[] = [];
  const realStart = Date.now() - 120 * MIN;

  beforeAll(async () => {
    server = await startDeviceServer(db);
    server.clock.set(realStart);
    city = await seedTestCity(server);
    const key = uniqueKey('uv');
    const res = await registerTestDevice(server, city.venues.school, city.manager.token, {
      kind: 'switch',
      vendor: 'tasmota',
      locationKind: 'uv_lamp',
      name: '凉菜间紫外线灯',
      binding: { topic: key },
    });
    lamp = { id: res.id, password: res.password, key };
    plug = await connectMqtt(server.mqttUrl, { username: lamp.id, password: lamp.password });
    plug.on('message', (topic, payload) => commands.push({ topic, payload: payload.toString('utf8') }));
    await plug.subscribeAsync(`cmnd/${key}/#`, { qos: 1 });
  });

  afterAll(async () => {
    await plug?.endAsync(true);
    await server?.close();
  });

  const localTime = () => inZone(server.clock.now(), 'Asia/Shanghai').format('YYYY-MM-DDTHH:mm:ss');
  const power = (on: boolean, watts: number) =>
    Promise.all([
      plug.publishAsync(`tele/${lamp.key}/STATE`, JSON.stringify({ Time: localTime(), POWER: on ? 'ON' : 'OFF' }), {
        qos: 1,
      }),
      plug.publishAsync(
        `tele/${lamp.key}/SENSOR`,
        JSON.stringify({ Time: localTime(), ENERGY: { Power: watts, Voltage: 227, Current: watts / 227 } }),
        { qos: 1 },
      ),
    ]);
  const runs = async () => {
    const rows = await server.database.db
      .selectFrom('disinfection_runs')
      .select(['status', 'duration_s'])
      .where('device_id', '=', lamp.id)
      .orderBy('started_at')
      .execute();
    return rows;
  };

  it('sends the preset run times to the plug as Tasmota timers', async () => {
    const res = await server.request<{ runs: unknown[] }>(`/v1/devices/${lamp.id}/schedule`, {
      token: city.staffer.token,
      body: { runs: [{ time: '22:30', durationMin: 30 }] },
    });
    expect(res.status).toBe(200);
    await eventually(() => commands.some((c) => c.topic === `cmnd/${lamp.key}/Timers`));
    const timer1 = commands.find((c) => c.topic === `cmnd/${lamp.key}/Timer1`);
    const timer2 = commands.find((c) => c.topic === `cmnd/${lamp.key}/Timer2`);
    expect(JSON.parse(timer1?.payload ?? '{}')).toMatchObject({ Enable: 1, Time: '22:30', Action: 1, Days: '1111111' });
    expect(JSON.parse(timer2?.payload ?? '{}')).toMatchObject({ Enable: 1, Time: '23:00', Action: 0 });
    const device = await server.request<{ schedule: { runs: unknown[] } }>(`/v1/devices/${lamp.id}`, {
      token: city.manager.token,
    });
    expect(device.body.schedule.runs).toEqual([{ time: '22:30', durationMin: 30 }]);

    const outsider = await server.request(`/v1/devices/${lamp.id}/schedule`, {
      token: city.otherManager.token,
      body: { runs: [{ time: '01:00', durationMin: 30 }] },
    });
    expect(outsider.status).toBe(403);
    const bad = await server.request(`/v1/devices/${lamp.id}/schedule`, {
      token: city.manager.token,
      body: { runs: [{ time: '25:00', durationMin: 30 }] },
    });
    expect(bad.status).toBe(400);
  });

  it('alerts when a run stops before the required 30 minutes, not when it lasts', async () => {
    await power(true, 36);
    await eventually(async () => (await runs()).length === 1);
    server.clock.advance(12 * MIN);
    await power(false, 0);
    await eventually(async () => (await runs())[0]?.status === 'short');
    const alert = await eventually(() =>
      server.database.db
        .selectFrom('alerts')
        .selectAll()
        .where('venue_id', '=', city.venues.school)
        .where('type', '=', 'DISINFECTION_RUN_TOO_SHORT')
        .executeTakeFirst(),
    );
    expect(alert).toMatchObject({ source: 'disinfection', state: 'open' });
    expect(JSON.parse(alert.details ?? '{}')).toMatchObject({ actualMin: 12, requiredMin: 30, deviceId: lamp.id });

    server.clock.advance(8 * MIN);
    await power(true, 36);
    await eventually(async () => (await runs()).length === 2);
    server.clock.advance(31 * MIN);
    await power(false, 0);
    await eventually(async () => (await runs())[1]?.status === 'ok');
    expect((await runs())[1]?.duration_s).toBe(31 * 60);
    const short = await server.database.db
      .selectFrom('alerts')
      .select('id')
      .where('type', '=', 'DISINFECTION_RUN_TOO_SHORT')
      .where('venue_id', '=', city.venues.school)
      .execute();
    expect(short).toHaveLength(1);
  });

  it('flags an air-disinfection record that claims more than the lamp ran', async () => {
    const at = (minutes: number) => inZone(realStart + minutes * MIN, 'Asia/Shanghai').format();
    const write = (key: string, start: number, end: number) =>
      server.request(`/v1/venues/${city.venues.school}/ledgers`, {
        token: city.staffer.token,
        headers: { 'idempotency-key': key },
        body: {
          kind: 'air_disinfection',
          room: '凉菜间',
          method: 'uv',
          start: at(start),
          end: at(end),
          operator: '王五',
          roomEmptyConfirmed: true,
        },
      });
    // The lamp ran 20–51 min after the start: a record of 20–50 matches, one of 20–80 does not.
    const honest = await write(uniqueKey('air-honest'), 20, 50);
    expect(honest.status).toBe(201);
    const inflated = await write(uniqueKey('air-inflated'), 20, 80);
    expect(inflated.status).toBe(201);
    server.clock.set(Date.now());
    await server.app.devices.tick();
    const flagged = await server.database.db
      .selectFrom('alerts')
      .selectAll()
      .where('type', '=', 'DISINFECTION_LEDGER_CONTRADICTED')
      .execute();
    expect(flagged).toHaveLength(1);
    expect(flagged[0]).toMatchObject({ source: 'disinfection', venue_id: city.venues.school });
    expect(JSON.parse(flagged[0]?.details ?? '{}')).toMatchObject({ claimedMin: 60, measuredMin: 31 });
    await server.app.devices.tick();
    const again = await server.database.db
      .selectFrom('alerts')
      .select('id')
      .where('type', '=', 'DISINFECTION_LEDGER_CONTRADICTED')
      .execute();
    expect(again).toHaveLength(1);
  });
});
