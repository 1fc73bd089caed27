/**
 * Issue 12, defect 6: a manager cannot add another venue's manager (an existing account) to their venue by
 * typing that person's login: the person consents by entering their own password.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedTestCity, TEST_PASSWORD, type TestCity } from '../testing/fixtures.js';
import { DATABASES, startTestServer, type TestServer } from '../testing/test-server.js';

describe.each(DATABASES)('adding an existing account as a member on %s', (kind) => {
  let server: TestServer;
  let city: TestCity;

  beforeAll(async () => {
    server = await startTestServer(kind);
    city = await seedTestCity(server);
  });
  afterAll(() => server?.close());

  const memberships = async () =>
    (
      await server.database.db
        .selectFrom('memberships')
        .select('venue_id')
        .where('user_id', '=', city.otherManager.user.id)
        .execute()
    ).map((m) => m.venue_id);

  it('refuses without the person’s password, by login or by id, and changes nothing', async () => {
    const path = `/v1/venues/${city.venues.school}/members`;
    const before = await memberships();
    for (const body of [
      { login: city.otherManager.login, role: 'operator_manager' },
      { userId: city.otherManager.user.id, role: 'operator_manager' },
      { login: city.otherManager.login, password: 'not-their-password', role: 'operator_manager' },
    ]) {
      const res = await server.request<{ code: string }>(path, { token: city.manager.token, body });
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('FORBIDDEN');
    }
    expect(await memberships()).toEqual(before);
  });

  it('adds them when they type their own password (they agree)', async () => {
    const res = await server.request(`/v1/venues/${city.venues.school}/members`, {
      token: city.manager.token,
      body: { login: city.otherManager.login, password: TEST_PASSWORD, role: 'operator_staff' },
    });
    expect(res.status).toBe(201);
    expect(await memberships()).toContain(city.venues.school);
  });
});
