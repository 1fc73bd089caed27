import type { PublicLists, PublicVenueProfile } from '@brightkitchen/sdk';
import type { ListSet, ListSetPage } from '@brightkitchen/sdk/listing';
import { monthPeriod } from '@brightkitchen/sdk/listing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../accounts/index.js';
import { newId } from '../db/index.js';
import { seedTestCity, type TestCity } from '../testing/fixtures.js';
import { inspectionBody, signaturePng } from '../testing/inspection-answers.js';
import { DATABASES, startTestServer, type TestServer } from '../testing/test-server.js';

const thisMonth = () => monthPeriod(new Date());

describe.each(DATABASES)('red and black lists on %s', (kind) => {
  let server: TestServer;
  let city: TestCity;

  const inspect = async (venueId: string, failing: string[] = []) => {
    const signature = await server.request<{ ref: string }>(`/v1/venues/${venueId}/ledger-photos`, {
      token: city.regulator.token,
      body: signaturePng(venueId),
    });
    const res = await server.request(`/v1/venues/${venueId}/inspections`, {
      token: city.regulator.token,
      body: inspectionBody(signature.body.ref, { failing }),
    });
    expect(res.status).toBe(201);
  };
  const draft = (body: unknown, token = city.regulator.token) =>
    server.request<ListSet & { code?: string }>('/v1/lists/drafts', { token, body });
  const publicLists = async (regionId: string) =>
    (await server.request<PublicLists>(`/v1/public/lists?regionId=${regionId}`)).body;
  const statusOf = async (publicCode: string) =>
    (await server.request<PublicVenueProfile>(`/v1/public/venues/${publicCode}`)).body.listStatus;

  beforeAll(async () => {
    server = await startTestServer(kind);
    city = await seedTestCity(server);
    // The restaurant: inspected clean, well rated, paper ledgers → the red list. The school: two key items failed.
    await inspect(city.venues.restaurant);
    await inspect(city.venues.school, ['1.2', '3.1']);
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const raters = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        createUser(server.database, { role: 'consumer', displayName: `食客${i}`, login: newId('eater') }),
      ),
    );
    await server.database.db
      .insertInto('ratings')
      .values(
        raters.map((rater) => ({
          id: newId('rat'),
          venue_id: city.venues.restaurant,
          consumer_id: rater.id,
          local_day: today,
          dishes: 'satisfied',
          hygiene: 'satisfied',
          service: 'satisfied',
          comment: null,
          created_at: new Date().toISOString(),
        })),
      )
      .execute();
  });
  afterAll(() => server.close());

  it('computes, reviews and publishes a district’s lists; consumers see only what was published', async () => {
    const computed = await draft({ regionId: city.regions.east, period: thisMonth() });
    expect(computed.status).toBe(201);
    expect(computed.body).toMatchObject({ state: 'draft', venues: 2, regionId: city.regions.east });
    const [red] = computed.body.red;
    const [black] = computed.body.black;
    expect(red).toMatchObject({ venueId: city.venues.restaurant, list: 'red', reasons: ['RED_EXCELLENT'] });
    expect(red?.score).toBeGreaterThanOrEqual(85);
    // Why it is listed: every factor of the formula, explained in Chinese.
    expect(red?.factors.map((f) => f.factor)).toContain('consumer_rating');
    expect(red?.factors.every((f) => /[\u4e00-\u9fff]/.test(f.explanation.zh))).toBe(true);
    expect(black).toMatchObject({ venueId: city.venues.school, reasons: ['BLACK_KEY_ITEMS_FAILED'], face: 'none' });

    // A draft is nobody's business but its regulators'.
    expect((await publicLists(city.regions.east)).red).toEqual([]);
    expect(await statusOf(red?.publicCode ?? '')).toBeNull();

    // The school showed the inspector its new health certificates: taken off, with the reason kept.
    const excluded = await server.request<ListSet>(`/v1/lists/${computed.body.id}/exclusions`, {
      token: city.regulator.token,
      body: { venueId: city.venues.school, reason: '已复查整改到位' },
    });
    expect(excluded.body.black[0]?.exclusion).toMatchObject({ reason: '已复查整改到位', by: city.regulator.user.id });
    const twice = await server.request<{ code: string }>(`/v1/lists/${computed.body.id}/exclusions`, {
      token: city.regulator.token,
      body: { venueId: city.venues.school, reason: '再次' },
    });
    expect([twice.status, twice.body.code]).toEqual([422, 'LIST_VENUE_NOT_LISTED']);

    const published = await server.request<ListSet>(`/v1/lists/${computed.body.id}/publish`, {
      token: city.regulator.token,
      method: 'POST',
      body: {},
    });
    expect(published.body.state).toBe('published');
    const lists = await publicLists(city.regions.east);
    expect(lists).toMatchObject({ regionId: city.regions.east, period: thisMonth(), black: [], redCount: 1 });
    expect(lists.red.map((e) => e.name)).toEqual(['老街饭店']);
    expect(lists.red[0]?.reasons[0]?.zh).toContain('红榜');
    expect(JSON.stringify(lists)).not.toContain(city.venues.restaurant);
    expect(await statusOf(red?.publicCode ?? '')).toBe('red');
    // The same lists as open data, for partners (a delivery platform shows the badge).
    expect((await server.request<PublicLists>(`/v1/open/lists?regionId=${city.regions.east}`)).body).toEqual(lists);
    expect(await statusOf(black?.publicCode ?? '')).toBeNull();

    const history = await server.request<ListSetPage>(`/v1/lists?regionId=${city.regions.east}`, {
      token: city.regulator.token,
    });
    expect(history.body.items[0]).toMatchObject({ id: computed.body.id, state: 'published', red: 1, black: 0 });
  });

  it('refuses a second publication for the period, changes to a published list, and strangers', async () => {
    const second = await draft({ regionId: city.regions.east, period: thisMonth() });
    const refused = await server.request<{ code: string }>(`/v1/lists/${second.body.id}/publish`, {
      token: city.regulator.token,
      method: 'POST',
      body: {},
    });
    expect([refused.status, refused.body.code]).toEqual([409, 'LIST_ALREADY_PUBLISHED']);
    const stillDraft = await server.request<ListSet>(`/v1/lists/${second.body.id}`, { token: city.regulator.token });
    expect(stillDraft.body.state).toBe('draft');
    expect((await publicLists(city.regions.east)).publishedAt).not.toBeNull();

    const [published] = (
      await server.request<ListSetPage>(`/v1/lists?regionId=${city.regions.east}`, { token: city.regulator.token })
    ).body.items.filter((set) => set.state === 'published');
    const change = await server.request<{ code: string }>(`/v1/lists/${published?.id}/exclusions`, {
      token: city.regulator.token,
      body: { venueId: city.venues.restaurant, reason: '改' },
    });
    expect([change.status, change.body.code]).toEqual([409, 'LIST_NOT_DRAFT']);

    expect((await draft({ regionId: city.regions.east, period: thisMonth() }, city.westRegulator.token)).status).toBe(
      403,
    );
    expect((await server.request(`/v1/lists/${second.body.id}`, { token: city.westRegulator.token })).status).toBe(403);
    expect((await server.request(`/v1/lists/${second.body.id}`, { token: city.manager.token })).status).toBe(403);
    const outside = await draft({
      regionId: city.regions.east,
      period: thisMonth(),
      scope: { name: '古楼美食街', venueIds: [city.venues.restaurant, city.venues.westCanteen] },
    });
    expect([outside.status, outside.body.code]).toEqual([422, 'LIST_SCOPE_INVALID']);
    const future = await draft({ regionId: city.regions.east, period: '2999-01' });
    expect([future.status, future.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect((await server.request<{ code: string }>('/v1/public/lists?regionId=nowhere')).body.code).toBe(
      'REGION_NOT_FOUND',
    );
    expect(await publicLists(city.regions.west)).toMatchObject({ red: [], black: [], period: null });
  });

  it('lists a named scope on its own: a complex’s lists, the rest of the district unscored', async () => {
    const scoped = await draft({
      regionId: city.regions.east,
      period: thisMonth(),
      scope: { name: '古楼美食街', venueIds: [city.venues.school] },
    });
    expect(scoped.status).toBe(201);
    expect(scoped.body).toMatchObject({ scopeName: '古楼美食街', venues: 1, red: [] });
    expect(scoped.body.black.map((e) => e.venueId)).toEqual([city.venues.school]);
  });
});
