/**
 * Issue 12, defect 6: a realtime subscription ends when the access token it logged in with expires.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueAccessToken } from '../auth/access-token.js';
import { collect, connectMqtt, type DeviceTestServer, startDeviceServer } from '../devices/test-support.js';
import { seedTestCity, type TestCity } from '../testing/fixtures.js';
import { venueEventsTopic } from './broker-authority.js';

describe('realtime access ends with the token', () => {
  let server: DeviceTestServer;
  let city: TestCity;

  beforeAll(async () => {
    server = await startDeviceServer('sqlite');
    city = await seedTestCity(server);
  });
  afterAll(() => server?.close());

  it('stops delivering to a subscriber whose token has expired, and closes its connection', async () => {
    const lifetimeMs = 1500;
    const issuedAt = Date.now() - 60_000 + lifetimeMs;
    const token = issueAccessToken(
      server.config.tokenSecret,
      { userId: city.manager.user.id, role: 'operator_manager' },
      60,
      issuedAt,
    );
    const expiresAt = (Math.floor(issuedAt / 1000) + 60) * 1000;
    const phone = await connectMqtt(server.mqttUrl, { username: 'manager', password: token });
    const topic = venueEventsTopic(city.venues.school);
    const { messages, granted } = await collect(phone, topic);
    expect(granted).toBe(1);
    const closed = new Promise<void>((resolve) => phone.once('close', () => resolve()));
    await server.app.devices.bus?.publish(topic, JSON.stringify({ type: 'probe', n: 1 }), { qos: 1 });

    // The token's end is a moment in time, not an event: wait until it has passed.
    await new Promise((r) => setTimeout(r, Math.max(0, expiresAt - Date.now() + 50)));
    await server.app.devices.bus?.publish(topic, JSON.stringify({ type: 'probe', n: 2 }), { qos: 1 });
    await closed;
    expect(messages.map((m) => m.n)).toEqual([1]);
    await phone.endAsync(true);
  });
});
