import { fileURLToPath } from 'node:url';
import { adapterFor } from '@brightkitchen/device-adapters';
import type { MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedTestCity, type TestCity } from '../testing/fixtures.js';
import { loadAdapterModules } from './adapter-modules.js';
import {
  connectMqtt,
  type DeviceTestServer,
  eventually,
  registerTestDevice,
  startDeviceServer,
} from './test-support.js';
import { deviceTopics, topicKey } from './topics.js';

/** The sensor's serial number, its topic key (the example adapter reads `KT3-` and digits). */
const kt3Serial = () => `KT3-${Math.floor(Math.random() * 1e8)}`;

/** The example vendor's module (an invented multi-probe fridge sensor), as a vendor would ship it. */
const VENDOR_MODULE = fileURLToPath(new URL('../../../../examples/vendor-adapter/src/index.ts', import.meta.url));

describe('a vendor’s own adapter loaded with BK_ADAPTERS', () => {
  let server: DeviceTestServer;
  let city: TestCity;
  let sensor: MqttClient | undefined;
  beforeAll(async () => {
    server = await startDeviceServer('sqlite', 'embedded', { BK_ADAPTERS: VENDOR_MODULE });
    city = await seedTestCity(server);
  });
  afterAll(async () => {
    await sensor?.endAsync();
    await server?.close();
  });

  it('registers devices of that vendor, lets them publish only on their topics, and stores their readings', async () => {
    const key = kt3Serial();
    const res = await registerTestDevice(server, city.venues.school, city.manager.token, {
      kind: 'sensor',
      vendor: 'lengguang-kt3',
      locationKind: 'fridge',
      name: '冷藏柜探头',
      binding: { topic: key },
    });
    const id = res.id;
    sensor = await connectMqtt(server.mqttUrl, { username: id, password: res.password });
    const telemetry = { sn: key, ts: Math.floor(Date.now() / 1000), unit: 'C', probes: [{ ch: 1, t: 3.5 }], bat: 87 };
    await sensor.publishAsync(`kt3/${key}/telemetry`, JSON.stringify(telemetry), { qos: 1 });
    const stored = await eventually(async () => {
      await server.app.devices.flush();
      const rows = await server.database.db.selectFrom('readings').selectAll().where('device_id', '=', id).execute();
      return rows.length > 0 ? rows : undefined;
    });
    expect(stored.map((r) => [r.metric, r.value])).toContainEqual(['temperature', 3.5]);
    // On the broker the device may publish on its own topics only (derived from the adapter's filters).
    expect(deviceTopics('lengguang-kt3', key).publish).toEqual([`kt3/${key}/telemetry`, `kt3/${key}/status`]);
    expect(topicKey('lengguang-kt3', `kt3/${key}/status`)).toBe(key);
    expect(adapterFor('lengguang-kt3')?.vendor).toBe('lengguang-kt3');
  });

  it('refuses to start with a module that holds no adapter, saying which and why', async () => {
    await expect(loadAdapterModules([fileURLToPath(import.meta.url)])).rejects.toThrow(/exports no adapter/);
    await expect(loadAdapterModules(['./no/such/module.js'])).rejects.toThrow(/cannot load \.\/no\/such\/module\.js/);
  });
});
