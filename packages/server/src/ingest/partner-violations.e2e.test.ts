/**
 * POST /v1/partner/violations: a partner's AI violation opens an alert at the venue of the registered
 * camera (with its snapshot, served to the venue's people); replays and resent alarms answer the first
 * result; unregistered cameras, another venue's camera, unsigned callers and non-partners are refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signPartnerRequest } from '../auth/index.js';
import { type DeviceTestServer, startDeviceServer, uniqueKey } from '../devices/test-support.js';
import { seedTestCity, type TestCity } from '../testing/fixtures.js';
import { DATABASES } from '../testing/test-server.js';

const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0xff, 0xd9]);

describe.each(DATABASES)('partner violations on %s', (db) => {
  let server: DeviceTestServer;
  let city: TestCity;
  let gbId: string;
  let cameraId: string;

  const push = (body: unknown, headers: Record<string, string> = {}) => {
    const raw = JSON.stringify(body);
    const timestamp = String(Date.now());
    const path = '/v1/partner/violations';
    const signature = signPartnerRequest(city.partner.secret, {
      method: 'POST',
      pathWithQuery: path,
      timestamp,
      body: raw,
    });
    return server.request<Record<string, unknown>>(path, {
      method: 'POST',
      rawBody: raw,
      headers: {
        'content-type': 'application/json',
        'x-bk-key': city.partner.keyId,
        'x-bk-timestamp': timestamp,
        'x-bk-signature': signature,
        ...headers,
      },
    });
  };
  const violation = (overrides: Record<string, unknown> = {}) => ({
    venueId: city.venues.school,
    violation: 'stranger',
    time: '2024-05-01T12:34:56+08:00',
    source: 'gb28181',
    cameraId: gbId,
    cameraName: '热菜间',
    vendorCode: 'video:6',
    description: '后厨热菜间区域入侵',
    externalId: `${gbId}:${uniqueKey('sn')}`,
    ...overrides,
  });

  beforeAll(async () => {
    server = await startDeviceServer(db);
    city = await seedTestCity(server);
    gbId = `3402000000131${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
    const res = await server.request<{ device: { id: string } }>(`/v1/venues/${city.venues.school}/devices`, {
      token: city.manager.token,
      body: {
        kind: 'camera',
        vendor: 'gb28181',
        locationKind: 'camera',
        name: '热菜间摄像机',
        binding: { address: gbId },
      },
    });
    cameraId = res.body.device.id;
  });
  afterAll(() => server?.close());

  it('opens a violation alert with the snapshot at the camera’s venue; a replay answers the first result', async () => {
    const body = violation({ snapshot: { contentType: 'image/jpeg', dataBase64: JPEG.toString('base64') } });
    const key = uniqueKey('partner-key');
    const first = await push(body, { 'idempotency-key': key });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ venueId: city.venues.school, deviceId: cameraId, state: 'opened' });
    const alertId = String(first.body.alertId);
    const alert = await server.database.db
      .selectFrom('alerts')
      .selectAll()
      .where('id', '=', alertId)
      .executeTakeFirst();
    expect(alert).toMatchObject({ venue_id: city.venues.school, source: 'violation', type: 'stranger', state: 'open' });
    expect(JSON.parse(alert?.details ?? '{}')).toMatchObject({
      cameraId: gbId,
      vendorCode: 'video:6',
      hasSnapshot: true,
    });

    const image = await fetch(`${server.baseUrl}/v1/alerts/${alertId}/snapshot`, {
      headers: { authorization: `Bearer ${city.manager.token}` },
    });
    expect(image.status).toBe(200);
    expect(Buffer.from(await image.arrayBuffer())).toEqual(JPEG);
    const outsider = await server.request(`/v1/alerts/${alertId}/snapshot`, { token: city.otherManager.token });
    expect(outsider.status).toBe(403);

    const replay = await push(body, { 'idempotency-key': key });
    expect([replay.status, replay.body]).toEqual([200, first.body]);
    // The same alarm resent under a new key is recognised by its externalId.
    const resent = await push(body, { 'idempotency-key': uniqueKey('partner-key') });
    expect([resent.status, resent.body]).toEqual([200, first.body]);
    const count = await server.database.db.selectFrom('alerts').select('id').where('subject', '=', cameraId).execute();
    expect(count).toHaveLength(1);

    // Another alarm while that one is open: answered, no second alert.
    const again = await push(violation());
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({ state: 'already_open', alertId });
  });

  it('refuses unregistered cameras, another venue, bad snapshots, non-partners and unsigned calls', async () => {
    const unknown = await push(violation({ cameraId: '34020000001319999999' }));
    expect([unknown.status, unknown.body.code]).toEqual([422, 'DEVICE_NOT_REGISTERED']);
    const elsewhere = await push(violation({ venueId: city.venues.restaurant }));
    expect(elsewhere.status).toBe(403);
    const fake = await push(
      violation({
        snapshot: { contentType: 'image/jpeg', dataBase64: Buffer.from('not an image').toString('base64') },
      }),
    );
    expect([fake.status, fake.body.code]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
    const badType = await push(violation({ violation: 'jaywalking' }));
    expect(badType.status).toBe(400);
    const manager = await server.request('/v1/partner/violations', { token: city.manager.token, body: violation() });
    expect(manager.status).toBe(403);
    const anonymous = await server.request('/v1/partner/violations', { body: violation() });
    expect(anonymous.status).toBe(401);
  });

  it('keeps a violation the network could not map (unknown) without opening an alert', async () => {
    const res = await push(violation({ violation: 'unknown', vendorCode: 'video:11' }));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ alertId: null, state: 'not_mapped' });
  });
});
