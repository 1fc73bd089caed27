import type { Notice } from '@brightkitchen/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedTestCity, type TestCity } from '../testing/fixtures.js';
import { DATABASES, startTestServer, type TestServer } from '../testing/test-server.js';

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

const consumerNotice = { subject: '后厨垃圾桶未加盖', body: '直播中看到后厨垃圾桶未加盖，请整改。' };
const regulatorNotice = {
  subject: '留样记录不完整',
  body: '检查发现留样记录缺少留样人，请整改。',
  obligation: '餐饮服务食品安全操作规范 第7.9条',
  deadline: '2030-01-31',
};

describe.each(DATABASES)('notices on %s', (kind) => {
  let server: TestServer;
  let city: TestCity;
  beforeAll(async () => {
    server = await startTestServer(kind);
    city = await seedTestCity(server);
  });
  afterAll(() => server.close());

  const list = (token: string, query = '') => server.request<Page<Notice>>(`/v1/notices${query}`, { token });

  it('delivers a consumer notice to the venue, and the sender sees the operator’s answer', async () => {
    const sent = await server.request<Notice>(`/v1/venues/${city.venues.school}/notices`, {
      token: city.consumer.token,
      body: consumerNotice,
    });
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({ venueId: city.venues.school, senderRole: 'consumer', state: 'sent' });

    const managerView = await list(city.manager.token);
    expect(managerView.body.items.map((n) => n.id)).toContain(sent.body.id);
    expect((await list(city.otherManager.token)).body.items.map((n) => n.id)).not.toContain(sent.body.id);

    const answered = await server.request<Notice>(`/v1/notices/${sent.body.id}/answer`, {
      token: city.staffer.token,
      body: { answer: '已加盖并安排专人巡查，感谢监督。' },
    });
    expect(answered.status).toBe(200);
    expect(answered.body.state).toBe('answered');

    const senderView = await list(city.consumer.token);
    const mine = senderView.body.items.find((n) => n.id === sent.body.id);
    expect(mine).toMatchObject({ state: 'answered', answer: '已加盖并安排专人巡查，感谢监督。' });
    expect(mine?.answeredAt).toBeTruthy();

    const twice = await server.request<{ code: string }>(`/v1/notices/${sent.body.id}/answer`, {
      token: city.manager.token,
      body: { answer: '再次回复' },
    });
    expect(twice.status).toBe(409);
  });

  it('lets a regulator notify venues of its region only, and scopes the lists', async () => {
    const own = await server.request<Notice>(`/v1/venues/${city.venues.restaurant}/notices`, {
      token: city.regulator.token,
      body: regulatorNotice,
    });
    expect(own.status).toBe(201);
    expect(own.body).toMatchObject({ senderRole: 'regulator', deadline: '2030-01-31' });

    const foreign = await server.request<{ code: string }>(`/v1/venues/${city.venues.restaurant}/notices`, {
      token: city.westRegulator.token,
      body: regulatorNotice,
    });
    expect(foreign.status).toBe(403);

    expect((await list(city.regulator.token)).body.items.map((n) => n.id)).toContain(own.body.id);
    expect((await list(city.westRegulator.token)).body.items.map((n) => n.id)).not.toContain(own.body.id);
    expect((await list(city.otherManager.token)).body.items.map((n) => n.id)).toContain(own.body.id);
    expect((await list(city.manager.token)).body.items.map((n) => n.id)).not.toContain(own.body.id);
    expect((await list(city.admin.token, `?venueId=${city.venues.restaurant}`)).body.items).toHaveLength(1);
  });

  it('refuses answers from another venue and notices from operators, partners and anonymous callers', async () => {
    const sent = await server.request<Notice>(`/v1/venues/${city.venues.school}/notices`, {
      token: city.consumer.token,
      body: consumerNotice,
    });
    const foreign = await server.request(`/v1/notices/${sent.body.id}/answer`, {
      token: city.otherManager.token,
      body: { answer: '不是我家的' },
    });
    expect(foreign.status).toBe(403);
    const byRegulator = await server.request(`/v1/notices/${sent.body.id}/answer`, {
      token: city.regulator.token,
      body: { answer: '监管回复' },
    });
    expect(byRegulator.status).toBe(403);
    expect(
      (await server.request('/v1/notices/ntc_nope/answer', { token: city.manager.token, body: { answer: 'x' } }))
        .status,
    ).toBe(404);

    const byManager = await server.request(`/v1/venues/${city.venues.school}/notices`, {
      token: city.manager.token,
      body: consumerNotice,
    });
    expect(byManager.status).toBe(403);
    expect((await server.request(`/v1/venues/${city.venues.school}/notices`, { body: consumerNotice })).status).toBe(
      401,
    );
    const missing = await server.request<{ code: string }>(`/v1/venues/${city.venues.school}/notices`, {
      token: city.consumer.token,
      body: { subject: '缺正文' },
    });
    expect(missing.status).toBe(400);
    expect(
      (await server.request('/v1/venues/ven_nope/notices', { token: city.consumer.token, body: consumerNotice }))
        .status,
    ).toBe(404);
  });

  it('pages newest first with a cursor', async () => {
    const first = await list(city.admin.token, '?limit=1');
    expect(first.body.items).toHaveLength(1);
    expect(first.body.nextCursor).toBeTruthy();
    const second = await list(city.admin.token, `?limit=1&cursor=${first.body.nextCursor}`);
    expect(second.body.items).toHaveLength(1);
    expect(second.body.items[0]?.id).not.toBe(first.body.items[0]?.id);
    expect((second.body.items[0]?.sentAt ?? '') <= (first.body.items[0]?.sentAt ?? '')).toBe(true);
  });
});
