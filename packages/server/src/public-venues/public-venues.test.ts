import { localDay, type PublicVenueProfile, PublicVenueProfileSchema } from '@brightkitchen/sdk';
import * as v from 'valibot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId, toJson } from '../db/index.js';
import { inspectionRow } from '../inspections/index.js';
import { seedTestCity, type TestCity } from '../testing/fixtures.js';
import { morningCheck } from '../testing/ledger-records.js';
import { DATABASES, startTestServer, type TestServer } from '../testing/test-server.js';

describe.each(DATABASES)('public venue profile on %s', (kind) => {
  let server: TestServer;
  let city: TestCity;
  const codes: Record<string, string> = {};
  beforeAll(async () => {
    server = await startTestServer(kind);
    city = await seedTestCity(server);
    const rows = await server.database.db.selectFrom('venues').select(['id', 'public_code']).execute();
    for (const row of rows) codes[row.id] = row.public_code;
  });
  afterAll(() => server.close());

  const profile = (venueId: string) => server.request<PublicVenueProfile>(`/v1/public/venues/${codes[venueId]}`);

  it('answers a cacheable profile in the SDK’s shape without any staff data', async () => {
    await server.request(`/v1/venues/${city.venues.school}/ledgers`, {
      token: city.staffer.token,
      body: morningCheck(city.staff.fit),
      headers: { 'idempotency-key': 'profile-check-fit-1' },
    });
    const res = await profile(city.venues.school);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=30');
    expect(v.safeParse(PublicVenueProfileSchema, res.body).success).toBe(true);
    expect(res.body).toMatchObject({
      name: '第一中学食堂',
      kind: 'school_canteen',
      licence: { status: 'valid' },
      listStatus: null,
    });
    expect(res.body.ledgersToday.kinds.morning_check).toMatchObject({ done: 1, expected: 2, fit: 1 });
    const text = JSON.stringify(res.body);
    for (const secret of ['张三', '李四', 'HC-1', 'HC-2', city.staff.fit, city.staff.expiredCertificate, '王经理']) {
      expect(text).not.toContain(secret);
    }
  });

  it('reflects a new rating and a new ledger record at once (no stale cache)', async () => {
    const before = await profile(city.venues.school);
    const rated = await server.request(`/v1/venues/${city.venues.school}/ratings`, {
      token: city.consumer.token,
      body: { faces: { dishes: 'satisfied', hygiene: 'satisfied', service: 'satisfied' } },
    });
    expect(rated.status).toBe(201);
    const after = await profile(city.venues.school);
    expect(after.body.rating.count).toBe(before.body.rating.count + 1);
    expect(after.body.rating.satisfactionRate).toBe(1);

    await server.request(`/v1/venues/${city.venues.school}/ledgers`, {
      token: city.staffer.token,
      body: morningCheck(city.staff.expiredCertificate),
      headers: { 'idempotency-key': 'profile-check-expired-1' },
    });
    const checked = await profile(city.venues.school);
    expect(checked.body.ledgersToday.kinds.morning_check).toMatchObject({ done: 2, fit: 1 });
  });

  it('shows the dynamic and annual grade and recent violation counts', async () => {
    const { db } = server.database;
    const date = localDay(Date.now(), 'Asia/Shanghai');
    const items = [
      { code: '1.1', title: '许可证照', key: true, score: 9, passed: true },
      { code: '2.1', title: '健康证明', key: true, score: 10, passed: true },
    ];
    await db
      .insertInto('inspections')
      .values(
        inspectionRow(
          { venueId: city.venues.restaurant, inspector: '赵监管', date, items },
          null,
          new Date().toISOString(),
        ),
      )
      .execute();
    await db
      .insertInto('alerts')
      .values({
        id: newId('alr'),
        venue_id: city.venues.restaurant,
        source: 'violation',
        type: 'no_hat',
        severity: 'warning',
        state: 'open',
        subject: 'cam-1',
        message: toJson({ zh: '未戴帽', en: 'No hat' }),
        details: null,
        opened_at: new Date(Date.now() - 3 * 86_400_000).toISOString(),
        acknowledged_at: null,
        acknowledged_by: null,
        resolved_at: null,
        resolved_by: null,
        corrective_action: null,
      })
      .execute();
    const res = await profile(city.venues.restaurant);
    expect(res.body.grade.dynamic).toEqual({ face: 'excellent', score: 9.5, inspectedOn: date });
    expect(res.body.grade.annual?.grade).toBe('A');
    expect(res.body.violations).toEqual({ last7Days: { no_hat: 1 }, last30Days: { no_hat: 1 } });
    // No camera channel: no live kitchen offered.
    expect(res.body.liveVideo).toEqual({ available: false, channels: [] });
  });

  it('answers 404 for an unknown code and 400 for a malformed one, without login', async () => {
    expect((await server.request('/v1/public/venues/ZZZZZZZZZZ')).status).toBe(404);
    expect((await server.request('/v1/public/venues/bad%20code!')).status).toBe(400);
  });
});
