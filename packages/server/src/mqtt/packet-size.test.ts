/**
 * Issue 12, defect 6: the broker's TCP and WebSocket listeners refuse a packet over 1 MiB (they took 10 MB),
 * as the HTTP `/mqtt` route does; smaller packets, split across many TCP segments, still pass.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  connectMqtt,
  type DeviceTestServer,
  registerTestDevice,
  startDeviceServer,
  subscribeQos,
  uniqueKey,
} from '../devices/test-support.js';
import { seedTestCity, type TestCity } from '../testing/fixtures.js';

describe('MQTT packet size on the embedded broker', () => {
  let server: DeviceTestServer;
  let city: TestCity;
  let device: { id: string; password: string; key: string };

  beforeAll(async () => {
    server = await startDeviceServer('sqlite');
    city = await seedTestCity(server);
    const key = uniqueKey('cam');
    const res = await registerTestDevice(server, city.venues.school, city.manager.token, {
      kind: 'camera',
      vendor: 'frigate',
      locationKind: 'camera',
      name: '后厨摄像头',
      binding: { topic: key },
    });
    device = { ...res, key };
  });
  afterAll(() => server?.close());

  const endpoints = () => {
    const e = server.app.devices.endpoints();
    if (!e) throw new Error('no embedded broker');
    return e;
  };

  it.each(['tcp', 'ws'] as const)('closes a %s connection that sends a 2 MiB packet', async (transport) => {
    const url = transport === 'tcp' ? endpoints().tcp : endpoints().ws;
    expect(url).toBeTruthy();
    const camera = await connectMqtt(url as string, { username: device.id, password: device.password });
    const closed = new Promise<void>((resolve) => camera.once('close', () => resolve()));
    camera.publish(`${device.key}/snapshot`, Buffer.alloc(2 * 1024 * 1024, 1), { qos: 0 });
    await closed;
    await camera.endAsync(true);
  });

  it('passes a 900 KiB packet whole', async () => {
    const camera = await connectMqtt(endpoints().tcp, { username: device.id, password: device.password });
    const reader = await connectMqtt(endpoints().tcp, { username: device.id, password: device.password });
    const topic = `${device.key}/big`;
    const received = new Promise<number>((resolve) =>
      reader.on('message', (t, payload) => {
        if (t === topic) resolve(payload.length);
      }),
    );
    expect(await subscribeQos(reader, topic)).toBe(1);
    await camera.publishAsync(topic, Buffer.alloc(900 * 1024, 2), { qos: 1 });
    expect(await received).toBe(900 * 1024);
    await camera.endAsync();
    await reader.endAsync();
  });
});
