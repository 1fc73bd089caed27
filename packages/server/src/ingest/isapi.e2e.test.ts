/**
 * Hikvision "HTTP listening" pushes to POST /v1/ingest/isapi/{deviceId} (device Basic auth): an AIOP
 * kitchen event with its JPEG in a multipart body opens a violation alert (per-device rule mapping)
 * whose snapshot is served to the venue's people only; bad credentials and bad payloads are refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DeviceTestServer, registerTestDevice, startDeviceServer } from '../devices/test-support.js';
import { seedTestCity, type TestCity } from '../testing/fixtures.js';
import { DATABASES } from '../testing/test-server.js';

const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0xff, 0xd9]);

function aiopEvent(ruleID: string): string {
  return JSON.stringify({
    ipAddress: '192.168.10.80',
    macAddress: '44:47:cc:aa:bb:cc',
    channelID: 1,
    dateTime: new Date().toISOString(),
    eventType: 'AIOP_Video',
    eventState: 'active',
    eventDescription: 'AIOP_Video',
    AIOP_Video: {
      taskID: 'task-1',
      AIOPData: {
        events: {
          alertInfo: [
            {
              ruleInfo: { ruleID, ruleName: `rule-${ruleID}` },
              targets: [{ properties: [{ classify: { attrValue: 'no_chef_hat', attrConf: 0.91 } }] }],
            },
          ],
        },
      },
    },
  });
}

function multipart(json: string): { body: Buffer; type: string } {
  const boundary = 'MIME_boundary';
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(json)}\r\n\r\n${json}\r\n`,
    ),
    Buffer.from(`--${boundary}\r\nContent-Type: image/jpeg\r\nContent-Length: ${JPEG.length}\r\n\r\n`),
    JPEG,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, type: `multipart/mixed; boundary=${boundary}` };
}

describe.each(DATABASES)('ISAPI push receiver on %s', (db) => {
  let server: DeviceTestServer;
  let city: TestCity;
  let camera: { id: string; password: string };

  const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
  const push = (body: string | Buffer, type: string, password = camera.password) =>
    server.request<{ accepted?: number; code?: string }>(`/v1/ingest/isapi/${camera.id}`, {
      method: 'POST',
      rawBody: body,
      headers: { 'content-type': type, authorization: basic(camera.id, password) },
    });

  beforeAll(async () => {
    server = await startDeviceServer(db);
    city = await seedTestCity(server);
    const res = await registerTestDevice(server, city.venues.school, city.manager.token, {
      kind: 'camera',
      vendor: 'hikvision-isapi',
      locationKind: 'camera',
      name: '后厨摄像机',
      binding: { address: '192.168.10.80' },
      violationMap: { '3': 'no_hat', '9': 'ignore' },
    });
    camera = { id: res.id, password: res.password };
  });

  afterAll(() => server?.close());

  it('opens a violation alert with the snapshot, shown to the venue’s people only', async () => {
    const { body, type } = multipart(aiopEvent('3'));
    const res = await push(body, type);
    expect(res.status).toBe(200);
    expect(res.body.accepted).toBe(1);
    const alert = await server.database.db
      .selectFrom('alerts')
      .selectAll()
      .where('subject', '=', camera.id)
      .executeTakeFirstOrThrow();
    expect(alert).toMatchObject({ source: 'violation', type: 'no_hat', state: 'open' });
    expect(JSON.parse(alert.details ?? '{}')).toMatchObject({
      confidence: 0.91,
      vendorCode: 'rule-3',
      hasSnapshot: true,
    });

    const image = await fetch(`${server.baseUrl}/v1/alerts/${alert.id}/snapshot`, {
      headers: { authorization: `Bearer ${city.manager.token}` },
    });
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/jpeg');
    expect(Buffer.from(await image.arrayBuffer())).toEqual(JPEG);
    const regulator = await server.request(`/v1/alerts/${alert.id}/snapshot`, { token: city.regulator.token });
    expect(regulator.status).toBe(200);
    for (const outsider of [city.otherManager, city.consumer, city.westRegulator]) {
      const refused = await server.request(`/v1/alerts/${alert.id}/snapshot`, { token: outsider.token });
      expect(refused.status).toBe(403);
    }
  });

  it('ignores rules mapped to ignore and refuses wrong credentials', async () => {
    const ignored = await push(aiopEvent('9'), 'application/json');
    expect(ignored.status).toBe(200);
    expect(ignored.body.accepted).toBe(0);
    const wrong = await push(aiopEvent('3'), 'application/json', 'not-the-secret');
    expect(wrong.status).toBe(401);
    expect(wrong.body.code).toBe('DEVICE_CREDENTIALS_INVALID');
  });

  it('answers a payload that does not convert with its typed reason and counts it on the device', async () => {
    // Twice: in a test cluster (PostgreSQL) the two pushes reach different instances, whose counts add up.
    for (let i = 0; i < 2; i++) {
      const res = await push('<EventNotificationAlert><eventType>VMD', 'application/xml');
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({ code: 'INGEST_REJECTED', details: { code: 'ADAPTER_MALFORMED_XML' } });
    }
    // One instance answers at once; in a cluster the other's count arrives with its next flush.
    await expect
      .poll(
        async () =>
          (
            await server.request<{ status: { failures: Record<string, number> } }>(`/v1/devices/${camera.id}`, {
              token: city.manager.token,
            })
          ).body.status.failures,
        { timeout: 10_000 },
      )
      .toEqual({ ADAPTER_MALFORMED_XML: 2 });
  });
});
