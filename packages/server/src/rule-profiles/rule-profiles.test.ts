import { inZone, type SampleRetentionRecord } from '@brightkitchen/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VenueProfiles } from '../alerts/engine/venue-profiles.js';
import { seedTestCity, type TestCity } from '../testing/fixtures.js';
import { DATABASES, startTestServer, type TestServer } from '../testing/test-server.js';

function sample(grams: number): SampleRetentionRecord {
  return {
    kind: 'sample_retention',
    dishName: '红烧肉',
    meal: 'lunch',
    weightGrams: grams,
    sampledAt: inZone(Date.now() - 3_600_000).format(),
    storageUnit: '留样柜 1',
    sealedSeparately: true,
    person: '张三',
  };
}

interface ProfileAnswer {
  overrides: unknown;
  profile: { ledger: { sample: { minGrams: number } }; sensors: { ranges: { freezer: { maxC: number } } } };
}
type Refusal = { code: string; details: { issues: { code: string; path: string }[] } };

describe.each(DATABASES)('region rule profiles on %s', (kind) => {
  let server: TestServer;
  let city: TestCity;
  let path: string;
  let n = 0;
  beforeAll(async () => {
    server = await startTestServer(kind);
    city = await seedTestCity(server);
    path = `/v1/regions/${city.regions.east}/rule-profile`;
  });
  afterAll(() => server.close());

  const writeSample = (venueId: string, token: string, grams: number) =>
    server.request<Refusal>(`/v1/venues/${venueId}/ledgers`, {
      token,
      headers: { 'idempotency-key': `profile-${kind}-${n++}` },
      body: sample(grams),
    });

  it('a region’s regulator raises the sample weight: its canteens are held to 200 g, other districts keep 125 g', async () => {
    const before = await server.request<ProfileAnswer>(path, { token: city.manager.token });
    expect(before.status).toBe(200);
    expect(before.body.overrides).toEqual({});
    expect(before.body.profile.ledger.sample.minGrams).toBe(125);
    expect((await writeSample(city.venues.school, city.manager.token, 150)).status).toBe(201);

    const set = await server.request<ProfileAnswer>(path, {
      method: 'PUT',
      token: city.regulator.token,
      body: { overrides: { ledger: { sample: { minGrams: 200 } }, sensors: { ranges: { freezer: { maxC: -18 } } } } },
    });
    expect(set.status).toBe(200);
    expect(set.body.profile.ledger.sample.minGrams).toBe(200);

    const refused = await writeSample(city.venues.school, city.manager.token, 150);
    expect(refused.status).toBe(422);
    expect(refused.body.details.issues.map((i) => i.code)).toContain('LEDGER_SAMPLE_UNDERWEIGHT');
    expect((await writeSample(city.venues.school, city.manager.token, 210)).status).toBe(201);

    // The west district is not touched.
    const west = await server.request<ProfileAnswer['profile']>(`/v1/venues/${city.venues.westCanteen}/rule-profile`, {
      token: city.westRegulator.token,
    });
    expect(west.body.ledger.sample.minGrams).toBe(125);
    // The school's people read the numbers their forms must check with.
    const venueProfile = await server.request<ProfileAnswer['profile']>(
      `/v1/venues/${city.venues.school}/rule-profile`,
      { token: city.staffer.token },
    );
    expect(venueProfile.body.ledger.sample.minGrams).toBe(200);
    expect(venueProfile.body.sensors.ranges.freezer.maxC).toBe(-18);
  });

  it('only the region’s regulators and admins change it; a bad override lists its problems and changes nothing', async () => {
    const body = { overrides: { ledger: { sample: { minGrams: 100 } } } };
    expect((await server.request(path, { method: 'PUT', token: city.westRegulator.token, body })).status).toBe(403);
    expect((await server.request(path, { method: 'PUT', token: city.manager.token, body })).status).toBe(403);
    expect(
      (await server.request(`/v1/venues/${city.venues.school}/rule-profile`, { token: city.otherManager.token }))
        .status,
    ).toBe(403);

    const bad = await server.request<Refusal>(path, {
      method: 'PUT',
      token: city.regulator.token,
      body: { overrides: { ledger: { sample: { minGrams: 'two hundred', colour: 'red' } } } },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    expect(bad.body.details.issues.map((i) => i.path).sort()).toEqual([
      'ledger.sample.colour',
      'ledger.sample.minGrams',
    ]);
    const after = await server.request<ProfileAnswer>(path, { token: city.manager.token });
    expect(after.body.profile.ledger.sample.minGrams).toBe(200);
  });

  it('the sensors of the region’s venues take the new freezer limit', async () => {
    const venues = new VenueProfiles(server.database, server.app.ctx.profiles);
    await venues.ensure(city.venues.restaurant);
    expect(venues.of(city.venues.restaurant).thresholds.freezer?.max).toBe(-18);
    await server.request(path, {
      method: 'PUT',
      token: city.admin.token,
      body: { overrides: { sensors: { ranges: { freezer: { maxC: -20 } } } } },
    });
    await expect.poll(() => venues.of(city.venues.restaurant).thresholds.freezer?.max).toBe(-20);
  });
});
