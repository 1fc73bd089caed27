import type { RatingSummary } from '@brightkitchen/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedTestCity, type TestCity } from '../testing/fixtures.js';
import { DATABASES, startTestServer, type TestServer } from '../testing/test-server.js';

const happy = { faces: { dishes: 'satisfied', hygiene: 'satisfied', service: 'neutral' }, comment: '干净卫生' };

describe.each(DATABASES)('ratings on %s', (kind) => {
  let server: TestServer;
  let city: TestCity;
  beforeAll(async () => {
    server = await startTestServer(kind);
    city = await seedTestCity(server);
  });
  afterAll(() => server.close());

  it('takes one rating per consumer, venue and day, and the summary counts it once', async () => {
    const path = `/v1/venues/${city.venues.school}/ratings`;
    const first = await server.request<{ venueId: string; day: string }>(path, {
      token: city.consumer.token,
      body: happy,
    });
    expect(first.status).toBe(201);
    expect(first.body.venueId).toBe(city.venues.school);

    const again = await server.request<{ code: string }>(path, { token: city.consumer.token, body: happy });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('RATING_ALREADY_TODAY');

    const summary = await server.request<RatingSummary>(`${path}/summary`);
    expect(summary.status).toBe(200);
    expect(summary.body.count).toBe(1);
    expect(summary.body.aspects.service).toEqual({ satisfied: 0, neutral: 1, dissatisfied: 0 });
    expect(summary.body.satisfactionRate).toBeCloseTo(2 / 3);
  });

  it('lets the same consumer rate another venue the same day', async () => {
    const res = await server.request(`/v1/venues/${city.venues.restaurant}/ratings`, {
      token: city.consumer.token,
      body: { faces: { dishes: 'dissatisfied', hygiene: 'neutral', service: 'satisfied' } },
    });
    expect(res.status).toBe(201);
  });

  it('answers an empty summary for a venue nobody rated, and 404 for an unknown venue', async () => {
    const empty = await server.request<RatingSummary>(`/v1/venues/${city.venues.westCanteen}/ratings/summary`);
    expect(empty.body).toMatchObject({ count: 0, satisfactionRate: null });
    const unknown = await server.request<{ code: string }>('/v1/venues/ven_nope/ratings/summary');
    expect(unknown.status).toBe(404);
  });

  it('refuses operators, regulators, anonymous callers, bad faces and unknown venues', async () => {
    const path = `/v1/venues/${city.venues.westCanteen}/ratings`;
    for (const token of [city.manager.token, city.regulator.token, city.admin.token]) {
      const res = await server.request<{ code: string }>(path, { token, body: happy });
      expect(res.status).toBe(403);
    }
    expect((await server.request(path, { body: happy })).status).toBe(401);
    const bad = await server.request<{ code: string }>(path, {
      token: city.consumer.token,
      body: { faces: { dishes: 'great', hygiene: 'satisfied', service: 'satisfied' } },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    const unknown = await server.request('/v1/venues/ven_nope/ratings', { token: city.consumer.token, body: happy });
    expect(unknown.status).toBe(404);
    const summary = await server.request<RatingSummary>(`${path}/summary`);
    expect(summary.body.count).toBe(0);
  });
});
