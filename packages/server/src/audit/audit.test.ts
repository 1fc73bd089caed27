/**
 * The audit log: logins (failed and locked too), device registrations and rule-profile changes are recorded
 * with who, where and from which address; admins read everything, a regulator only its regions' entries,
 * operators and consumers nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedTestCity, TEST_PASSWORD, type TestCity } from '../testing/fixtures.js';
import { DATABASES, startTestServer, type TestServer } from '../testing/test-server.js';

interface Entry {
  action: string;
  actorId?: string;
  venueId?: string;
  regionId?: string;
  subject?: string;
  ip?: string;
}

describe.each(DATABASES)('audit log on %s', (kind) => {
  let server: TestServer;
  let city: TestCity;

  beforeAll(async () => {
    server = await startTestServer(kind, { BK_LIMIT_LOGIN_LOCK_AFTER: '2' });
    city = await seedTestCity(server);
  });
  afterAll(() => server?.close());

  const entries = async (token: string, query = '') => {
    const res = await server.request<{ items: Entry[] }>(`/v1/audit${query}`, { token });
    expect(res.status).toBe(200);
    return res.body.items;
  };
  const login = (login: string, password: string) => server.request('/v1/auth/login', { body: { login, password } });

  it('records logins, failed logins and the lock-out, for admins only', async () => {
    expect((await login(city.staffer.login, TEST_PASSWORD)).status).toBe(200);
    await login(city.manager.login, 'wrong-password-1');
    await login(city.manager.login, 'wrong-password-2');
    const seen = await entries(city.admin.token, '?limit=10');
    expect(seen.slice(0, 3).map((e) => [e.action, e.subject])).toEqual([
      ['login.locked', city.manager.login],
      ['login.failed', city.manager.login],
      ['login.succeeded', city.staffer.login],
    ]);
    expect(seen[2]).toMatchObject({ actorId: city.staffer.user.id, ip: expect.stringMatching(/127\.0\.0\.1/) });
    expect((await entries(city.regulator.token, '?action=login.failed')).length).toBe(0);
  });

  it('shows a region’s regulator its venues’ device registrations and its rule-profile changes only', async () => {
    const register = (venueId: string, token: string, topic: string) =>
      server.request(`/v1/venues/${venueId}/devices`, {
        token,
        body: { kind: 'sensor', vendor: 'tasmota', locationKind: 'fridge', name: '冷藏柜', binding: { topic } },
      });
    expect((await register(city.venues.school, city.manager.token, `audit_a_${kind}`)).status).toBe(201);
    expect((await register(city.venues.westCanteen, city.admin.token, `audit_b_${kind}`)).status).toBe(201);
    const profile = await server.request(`/v1/regions/${city.regions.east}/rule-profile`, {
      method: 'PUT',
      token: city.regulator.token,
      body: { overrides: { ledger: { morningCheck: { feverC: 37.5 } } } },
    });
    expect(profile.status).toBe(200);

    const east = await entries(city.regulator.token);
    expect(east.map((e) => e.action)).toEqual(expect.arrayContaining(['device.registered', 'rule_profile.changed']));
    expect(east.every((e) => e.regionId === city.regions.east)).toBe(true);
    expect(east.find((e) => e.action === 'device.registered')?.venueId).toBe(city.venues.school);
    const west = await entries(city.westRegulator.token, '?action=device.registered');
    expect(west.map((e) => e.venueId)).toEqual([city.venues.westCanteen]);
  });

  it('refuses operators and consumers', async () => {
    for (const token of [city.manager.token, city.staffer.token, city.consumer.token]) {
      expect((await server.request('/v1/audit', { token })).status).toBe(403);
    }
  });
});
