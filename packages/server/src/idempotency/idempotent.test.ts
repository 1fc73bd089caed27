/** Idempotency-Key on ratings, notices and complaints: a retry answers the first result, never a second record. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedTestCity, type TestCity } from '../testing/fixtures.js';
import { DATABASES, startTestServer, type TestServer } from '../testing/test-server.js';
import { purgeIdempotentAnswers } from './purge.js';

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(32, 1)]);

describe.each(DATABASES)('idempotent writes on %s', (kind) => {
  let server: TestServer;
  let city: TestCity;
  beforeAll(async () => {
    server = await startTestServer(kind);
    city = await seedTestCity(server);
  });
  afterAll(() => server?.close());

  const count = async (table: 'ratings' | 'notices' | 'complaints') =>
    Number(
      (
        await server.database.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirst()
      )?.n ?? 0,
    );

  const writes = () =>
    [
      {
        table: 'ratings',
        path: `/v1/venues/${city.venues.school}/ratings`,
        body: { faces: { dishes: 'satisfied', hygiene: 'satisfied', service: 'neutral' } },
        other: { faces: { dishes: 'neutral', hygiene: 'neutral', service: 'neutral' } },
      },
      {
        table: 'notices',
        path: `/v1/venues/${city.venues.school}/notices`,
        body: { subject: '地面湿滑', body: '后厨地面有积水。' },
        other: { subject: '地面湿滑', body: '另一件事。' },
      },
      {
        table: 'complaints',
        path: `/v1/venues/${city.venues.school}/complaints`,
        body: { text: '餐具不洁', photos: [{ contentType: 'image/png', dataBase64: PNG.toString('base64') }] },
        other: { text: '另一件投诉' },
      },
    ] as const;

  it('answers a replay with the first answer (200) and stores one record', async () => {
    for (const write of writes()) {
      const headers = { 'idempotency-key': `replay-${write.table}-0001` };
      const before = await count(write.table);
      const first = await server.request<{ id: string }>(write.path, {
        token: city.consumer.token,
        body: write.body,
        headers,
      });
      expect(first.status, write.table).toBe(201);
      const replay = await server.request<{ id: string }>(write.path, {
        token: city.consumer.token,
        body: write.body,
        headers,
      });
      expect(replay.status, write.table).toBe(200);
      expect(replay.body).toEqual(first.body);
      expect(replay.headers.get('idempotent-replayed')).toBe('true');
      expect(await count(write.table)).toBe(before + 1);
    }
  });

  it('never answers RATING_ALREADY_TODAY to a retry of the day’s rating, but does to a second rating', async () => {
    const path = `/v1/venues/${city.venues.restaurant}/ratings`;
    const body = { faces: { dishes: 'satisfied', hygiene: 'satisfied', service: 'satisfied' } };
    const key = { 'idempotency-key': 'rating-retry-0001' };
    expect((await server.request(path, { token: city.consumer.token, body, headers: key })).status).toBe(201);
    for (let i = 0; i < 3; i++) {
      expect((await server.request(path, { token: city.consumer.token, body, headers: key })).status).toBe(200);
    }
    const second = await server.request<{ code: string }>(path, {
      token: city.consumer.token,
      body,
      headers: { 'idempotency-key': 'rating-retry-0002' },
    });
    expect([second.status, second.body.code]).toEqual([409, 'RATING_ALREADY_TODAY']);
  });

  it('refuses the same key with another body, and keys are per caller', async () => {
    for (const write of writes()) {
      const headers = { 'idempotency-key': `reuse-${write.table}-0001` };
      const venuePath = write.path.replace(city.venues.school, city.venues.westCanteen);
      expect((await server.request(venuePath, { token: city.consumer.token, body: write.body, headers })).status).toBe(
        201,
      );
      const reused = await server.request<{ code: string }>(venuePath, {
        token: city.consumer.token,
        body: write.other,
        headers,
      });
      expect([reused.status, reused.body.code], write.table).toEqual([409, 'IDEMPOTENCY_KEY_REUSED']);
    }
    // A regulator's notice under a key a consumer already used is its own notice.
    const notices = writes()[1];
    const path = notices.path.replace(city.venues.school, city.venues.westCanteen);
    const regulator = await server.request(path, {
      token: city.westRegulator.token,
      body: notices.body,
      headers: { 'idempotency-key': 'reuse-notices-0001' },
    });
    expect(regulator.status).toBe(201);
  });

  it('keys on the route, not the raw URL: a percent-encoded or slashed path is the same write', async () => {
    const before = await count('notices');
    const body = { subject: '编码路径', body: '同一条留言，换一种写法的网址。' };
    const headers = { 'idempotency-key': 'encoded-path-0001' };
    const venue = city.venues.restaurant;
    const encoded = venue.replace(/[a-z]/, (c) => `%${c.charCodeAt(0).toString(16)}`);
    const first = await server.request(`/v1/venues/${venue}/notices`, { token: city.consumer.token, body, headers });
    expect(first.status).toBe(201);
    for (const path of [`/v1/venues/${encoded}/notices`, `/v1/venues/${venue}/notices?x=1`]) {
      const again = await server.request(path, { token: city.consumer.token, body, headers });
      expect(again.status, path).toBe(200);
      expect(again.body).toEqual(first.body);
    }
    expect(await count('notices')).toBe(before + 1);
  });

  it('stores one record when the same write is sent twice at once', async () => {
    const before = await count('notices');
    const send = () =>
      server.request(`/v1/venues/${city.venues.restaurant}/notices`, {
        token: city.consumer.token,
        body: { subject: '同时重发', body: '网络抖动时的两次发送。' },
        headers: { 'idempotency-key': 'concurrent-0001' },
      });
    const answers = await Promise.all([send(), send(), send()]);
    expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
    for (const a of answers) expect([200, 201, 409]).toContain(a.status);
    expect(await count('notices')).toBe(before + 1);
  });

  it('keeps no key of a refused write: the corrected write goes through under it', async () => {
    const path = `/v1/venues/${city.venues.school}/notices`;
    const headers = { 'idempotency-key': 'refused-0001' };
    const bad = await server.request(path, { token: city.consumer.token, body: { subject: '' }, headers });
    expect(bad.status).toBe(400);
    const good = await server.request(path, {
      token: city.consumer.token,
      body: { subject: '补充', body: '内容' },
      headers,
    });
    expect(good.status).toBe(201);
    const malformed = await server.request<{ code: string }>(path, {
      token: city.consumer.token,
      body: { subject: '补充', body: '内容' },
      headers: { 'idempotency-key': 'no' },
    });
    expect(malformed.body.code).toBe('VALIDATION_FAILED');
  });

  it('forgets kept answers after 30 days, and only those', async () => {
    const kept = await server.database.db
      .selectFrom('idempotent_requests')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirst();
    expect(Number(kept?.n)).toBeGreaterThan(0);
    expect(await purgeIdempotentAnswers(server.database, new Date())).toBe(0);
    const later = new Date(Date.now() + 31 * 86_400_000);
    expect(await purgeIdempotentAnswers(server.database, later)).toBe(Number(kept?.n));
  });
});
