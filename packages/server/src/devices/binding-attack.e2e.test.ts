/**
 * Issue 12, defect 1: a binding key is one topic level. A manager of venue A who registers a device keyed
 * `<B's key>/x` (or `frigate/events`) must not get a device whose broker topics ingestion reads as B's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedTestCity, type TestCity } from '../testing/fixtures.js';
import { DATABASES } from '../testing/test-server.js';
import { type DeviceTestServer, registerTestDevice, startDeviceServer, uniqueKey } from './test-support.js';

describe.each(DATABASES)('binding keys cannot reach another venue on %s', (db) => {
  let server: DeviceTestServer;
  let city: TestCity;
  let victimKey: string;

  beforeAll(async () => {
    server = await startDeviceServer(db);
    city = await seedTestCity(server);
    victimKey = uniqueKey('cam');
    await registerTestDevice(server, city.venues.school, city.manager.token, {
      kind: 'camera',
      vendor: 'frigate',
      locationKind: 'camera',
      name: '后厨摄像头',
      binding: { topic: victimKey },
    });
  });
  afterAll(() => server?.close());

  const deviceCount = async () =>
    Number(
      (
        await server.database.db
          .selectFrom('devices')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it.each([
    ['frigate', () => `${victimKey}/x`],
    ['frigate', () => 'frigate/events'],
    ['zigbee2mqtt', () => `${victimKey}/x`],
    ['tasmota', () => `a/${victimKey}`],
    ['zigbee2mqtt', () => 'bridge'],
    ['frigate', () => 'bk'],
  ])('refuses a %s binding %s with a coded error and stores nothing', async (vendor, topicOf) => {
    const before = await deviceCount();
    const res = await server.request<{ code: string; details: { issues: { path: string }[] } }>(
      `/v1/venues/${city.venues.restaurant}/devices`,
      {
        token: city.otherManager.token,
        body: { kind: 'camera', vendor, locationKind: 'camera', name: '摄像头', binding: { topic: topicOf() } },
      },
    );
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.details.issues[0]?.path).toBe('binding.topic');
    expect(await deviceCount()).toBe(before);
  });
});
