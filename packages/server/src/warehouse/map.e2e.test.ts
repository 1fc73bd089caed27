/**
 * The e-map's layer as a regulator's console polls it: the district's venues with a place and a risk band, never
 * another district's; a consumer's new complaint appears on the next poll (where it happened); a venue without
 * coordinates is left off the map.
 */
import type { MapLayer } from '@brightkitchen/sdk/warehouse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedTestCity, type TestCity } from '../testing/fixtures.js';
import { DATABASES, startTestServer, type TestServer } from '../testing/test-server.js';

describe.each(DATABASES)('the e-map layer on %s', (kind) => {
  let server: TestServer;
  let city: TestCity;
  const map = (token: string, query = '') =>
    server.request<MapLayer & { code?: string }>(`/v1/warehouse/map${query}`, { token });

  beforeAll(async () => {
    server = await startTestServer(kind);
    city = await seedTestCity(server);
  });
  afterAll(async () => server?.close());

  it('shows the regulator’s own venues, banded by risk, and nothing of another district', async () => {
    const east = await map(city.regulator.token);
    expect(east.status).toBe(200);
    const ids = east.body.venues?.map((v) => v.venueId) ?? [];
    expect(ids.sort()).toEqual([city.venues.school, city.venues.restaurant].sort());
    expect(east.body.venues?.every((v) => ['high', 'medium', 'low'].includes(v.risk) && v.lat > 30)).toBe(true);
    const west = await map(city.westRegulator.token);
    expect(west.body.venues?.map((v) => v.venueId)).toEqual([city.venues.westCanteen]);
  });

  it('a new complaint shows on the next poll, where the consumer said it happened, to its district only', async () => {
    const first = await map(city.regulator.token);
    const location = { lat: 36.4501, lng: 115.9902 };
    const sent = await server.request<{ id: string }>(`/v1/venues/${city.venues.school}/complaints`, {
      token: city.consumer.token,
      body: { text: '后厨地面有积水，服务员未戴口罩。', location },
    });
    expect(sent.status).toBe(201);
    const next = await map(city.regulator.token, `?since=${encodeURIComponent(first.body.at)}`);
    expect(next.body.venues).toBeUndefined();
    const point = next.body.points.find((p) => p.id === sent.body.id);
    expect(point).toMatchObject({
      kind: 'complaint',
      venueId: city.venues.school,
      lat: location.lat,
      lng: location.lng,
    });
    const west = await map(city.westRegulator.token, `?since=${encodeURIComponent(first.body.at)}`);
    expect(west.body.points.find((p) => p.id === sent.body.id)).toBeUndefined();
  });

  it('leaves off a venue imported without coordinates, and refuses a bad window', async () => {
    const row = await server.database.db
      .selectFrom('venues')
      .select('data')
      .where('id', '=', city.venues.restaurant)
      .executeTakeFirstOrThrow();
    const data = { ...JSON.parse(row.data), coordinates: { lat: 0, lng: 0 } };
    await server.database.db
      .updateTable('venues')
      .set({ data: JSON.stringify(data) })
      .where('id', '=', city.venues.restaurant)
      .execute();
    const { forgetVenueDirectory } = await import('./directory.js');
    forgetVenueDirectory(server.database);
    const east = await map(city.regulator.token);
    expect(east.body.venues?.map((v) => v.venueId)).toEqual([city.venues.school]);
    const bad = await map(city.regulator.token, '?days=90');
    expect(bad.status).toBe(400);
  });
});
