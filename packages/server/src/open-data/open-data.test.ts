import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signPartnerRequest } from '../auth/index.js';
import { seedTestCity, type TestCity } from '../testing/fixtures.js';
import { DATABASES, startTestServer, type TestServer } from '../testing/test-server.js';
import type { OpenGrade } from './service.js';

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

describe.each(DATABASES)('open data on %s', (kind) => {
  let server: TestServer;
  let city: TestCity;
  beforeAll(async () => {
    server = await startTestServer(kind);
    city = await seedTestCity(server);
    await server.request(`/v1/venues/${city.venues.school}/ratings`, {
      token: city.consumer.token,
      body: { faces: { dishes: 'satisfied', hygiene: 'neutral', service: 'satisfied' } },
    });
  });
  afterAll(() => server.close());

  it('lists the grades and rating summaries of one district to anyone', async () => {
    const res = await server.request<Page<OpenGrade>>(`/v1/open/grades?regionId=${city.regions.east}`);
    expect(res.status).toBe(200);
    const ids = res.body.items.map((g) => g.venueId).sort();
    expect(ids).toEqual([city.venues.school, city.venues.restaurant].sort());
    const school = res.body.items.find((g) => g.venueId === city.venues.school);
    expect(school).toMatchObject({ name: '第一中学食堂', kind: 'school_canteen', regionId: city.regions.east });
    expect(school?.rating.count).toBe(1);
    expect(school?.grade).toEqual({ dynamic: null, annual: null });
  });

  it('serves a partner’s signed request, and pages with a cursor', async () => {
    const path = `/v1/open/grades?limit=1`;
    const timestamp = String(Date.now());
    const signature = signPartnerRequest(city.partner.secret, {
      method: 'GET',
      pathWithQuery: path,
      timestamp,
      body: '',
    });
    const first = await server.request<Page<OpenGrade>>(path, {
      headers: { 'x-bk-key': city.partner.keyId, 'x-bk-timestamp': timestamp, 'x-bk-signature': signature },
    });
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(1);
    expect(first.body.nextCursor).toBeTruthy();
    const second = await server.request<Page<OpenGrade>>(`/v1/open/grades?limit=1&cursor=${first.body.nextCursor}`);
    expect(second.body.items[0]?.venueId).not.toBe(first.body.items[0]?.venueId);
  });

  it('holds no private data: no staff, licence numbers or addresses', async () => {
    const res = await server.request<Page<OpenGrade>>('/v1/open/grades');
    const text = JSON.stringify(res.body);
    for (const secret of ['张三', '李四', '聊城市东昌府区 1 号']) expect(text).not.toContain(secret);
    expect(text).not.toMatch(/JY\d{6}/);
  });
});
