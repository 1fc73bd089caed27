import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedTestCity, type TestCity } from '../testing/fixtures.js';
import { DATABASES, startTestServer, type TestServer } from '../testing/test-server.js';

interface VenueBody {
  id: string;
  publicCode: string;
  regionId: string;
  name: string;
}

describe.each(DATABASES)('venues, staff and members on %s', (kind) => {
  let server: TestServer;
  let city: TestCity;

  beforeAll(async () => {
    server = await startTestServer(kind);
    city = await seedTestCity(server);
  });
  afterAll(() => server?.close());

  const newVenue = (regionId: string) => ({
    regionId,
    name: '新开小吃店',
    kind: 'snack_bar',
    licence: { number: 'JY99', issuedOn: '2024-01-01', expiresOn: '2029-01-01' },
    address: '聊城市东昌府区 9 号',
    coordinates: { lat: 36.4, lng: 115.9 },
    timeZone: 'Asia/Shanghai',
    hasLiveVideo: true,
  });

  it('lets a regulator create venues in its district only, with a generated public code', async () => {
    const created = await server.request<VenueBody>('/v1/venues', {
      token: city.regulator.token,
      body: newVenue(city.regions.east),
    });
    expect(created.status).toBe(201);
    expect(created.body.publicCode).toMatch(/^[A-Za-z0-9_-]{8,12}$/);

    const outside = await server.request('/v1/venues', {
      token: city.regulator.token,
      body: newVenue(city.regions.west),
    });
    expect(outside.status).toBe(403);
    const byManager = await server.request('/v1/venues', {
      token: city.manager.token,
      body: newVenue(city.regions.east),
    });
    expect(byManager.status).toBe(403);
  });

  it('answers bad venue input with field issues', async () => {
    const { licence: _l, ...noLicence } = newVenue(city.regions.east);
    const missing = await server.request<{ code: string; details: { issues: { path: string }[] } }>('/v1/venues', {
      token: city.admin.token,
      body: noLicence,
    });
    expect(missing.status).toBe(400);
    expect(missing.body.details.issues.map((i) => i.path)).toContain('licence');
    const wrongKind = await server.request('/v1/venues', {
      token: city.admin.token,
      body: { ...newVenue(city.regions.east), kind: 'space_station', coordinates: { lat: 'north', lng: 1 } },
    });
    expect(wrongKind.status).toBe(400);
  });

  it('lists only the venues a principal may see', async () => {
    const ids = async (token: string) =>
      (await server.request<{ items: VenueBody[] }>('/v1/venues?limit=500', { token })).body.items.map((v) => v.id);
    expect(await ids(city.manager.token)).toEqual([city.venues.school]);
    expect(await ids(city.otherManager.token)).toEqual([city.venues.restaurant]);
    const east = await ids(city.regulator.token);
    expect(east).toContain(city.venues.school);
    expect(east).not.toContain(city.venues.westCanteen);
    expect(await ids(city.westRegulator.token)).toEqual([city.venues.westCanteen]);
    expect((await server.request('/v1/venues', { token: city.consumer.token })).status).toBe(403);
  });

  it('refuses reads and changes of another venue', async () => {
    const other = `/v1/venues/${city.venues.restaurant}`;
    expect((await server.request(other, { token: city.manager.token })).status).toBe(403);
    expect((await server.request(`${other}/staff`, { token: city.manager.token })).status).toBe(403);
    expect((await server.request(`${other}/members`, { token: city.manager.token })).status).toBe(403);
    const patch = await server.request(other, { method: 'PATCH', token: city.manager.token, body: { name: '被改名' } });
    expect(patch.status).toBe(403);
    expect((await server.request(`/v1/venues/${city.venues.school}`, { token: city.westRegulator.token })).status).toBe(
      403,
    );

    const own = await server.request<VenueBody>(`/v1/venues/${city.venues.school}`, {
      method: 'PATCH',
      token: city.manager.token,
      body: { name: '第一中学学生食堂' },
    });
    expect(own.status).toBe(200);
    expect(own.body.name).toBe('第一中学学生食堂');
    const move = await server.request(`/v1/venues/${city.venues.school}`, {
      method: 'PATCH',
      token: city.manager.token,
      body: { regionId: city.regions.west },
    });
    expect(move.status).toBe(403);
  });

  it('keeps the staff archive writable by managers only', async () => {
    const staff = { name: '王五', role: 'cook', healthCertificate: { number: 'HC-9', expiresOn: '2030-01-01' } };
    const path = `/v1/venues/${city.venues.school}/staff`;
    expect((await server.request(path, { token: city.staffer.token, body: staff })).status).toBe(403);
    const created = await server.request<{ id: string; venueId: string }>(path, {
      token: city.manager.token,
      body: staff,
    });
    expect(created.status).toBe(201);
    expect(created.body.venueId).toBe(city.venues.school);
    const patched = await server.request<{ role: string }>(`${path}/${created.body.id}`, {
      method: 'PATCH',
      token: city.manager.token,
      body: { role: 'chef' },
    });
    expect(patched.body.role).toBe('chef');
    const fromOther = await server.request(`/v1/venues/${city.venues.restaurant}/staff/${created.body.id}`, {
      method: 'PATCH',
      token: city.otherManager.token,
      body: { role: 'helper' },
    });
    expect(fromOther.status).toBe(404);
    const list = await server.request<{ items: { id: string }[] }>(path, { token: city.staffer.token });
    expect(list.body.items.map((s) => s.id)).toContain(created.body.id);
  });

  it('lets a manager add a member who can then log in and write for that venue only', async () => {
    const path = `/v1/venues/${city.venues.school}/members`;
    const added = await server.request<{ userId: string }>(path, {
      token: city.manager.token,
      body: { login: `new-staff-${kind}`, password: 'a-long-password', displayName: '赵六', role: 'operator_staff' },
    });
    expect(added.status).toBe(201);
    const login = await server.request<{ accessToken: string }>('/v1/auth/login', {
      body: { login: `new-staff-${kind}`, password: 'a-long-password' },
    });
    expect(login.status).toBe(200);
    const me = await server.request<{ memberships: { venueId: string }[] }>('/v1/me', {
      token: login.body.accessToken,
    });
    expect(me.body.memberships).toEqual([{ venueId: city.venues.school, role: 'operator_staff' }]);
    const dup = await server.request(path, {
      token: city.manager.token,
      body: { userId: added.body.userId, role: 'operator_staff' },
    });
    expect(dup.status).toBe(409);
    expect((await server.request(path, { token: city.staffer.token })).status).toBe(403);
  });

  it('lists regions to any user', async () => {
    const res = await server.request<{ items: { id: string }[] }>('/v1/regions', { token: city.consumer.token });
    expect(res.body.items.map((r) => r.id)).toEqual(expect.arrayContaining([city.regions.east, city.regions.west]));
    expect(
      (await server.request('/v1/regions', { token: city.consumer.token, body: { name: 'x', code: 'y' } })).status,
    ).toBe(403);
  });
});
