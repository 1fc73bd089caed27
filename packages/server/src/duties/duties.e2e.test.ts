import type { Duty, DutyReceipts, VenueDuties, VenueDuty } from '@brightkitchen/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedTestCity, type TestCity } from '../testing/fixtures.js';
import { DATABASES, startTestServer, type TestServer } from '../testing/test-server.js';

type Coded<T> = T & { code?: string; details?: Record<string, unknown> };

describe.each(DATABASES)('legal duties with read receipts (%s)', (kind) => {
  let server: TestServer;
  let city: TestCity;
  let duty: Duty;

  beforeAll(async () => {
    server = await startTestServer(kind);
    city = await seedTestCity(server);
  });
  afterAll(() => server?.close());

  const publish = (body: Record<string, unknown>, token = city.regulator.token) =>
    server.request<Coded<Duty>>('/v1/duties', { token, body });
  const canteenDuty = {
    category: 'legal_duty',
    kinds: ['school_canteen', 'elderly_care_canteen'],
    title: '学校食堂每餐次留样不少于125克',
    body: '每餐次的食品成品应当留样，每个品种不少于125克，在冷藏条件下存放48小时以上，并记录留样情况。',
    basis: '学校食品安全与营养健康管理规定 第三十五条',
  };

  it('reaches the region’s venues of its kinds only, unread until the venue marks it read', async () => {
    const published = await publish({ ...canteenDuty, regionId: city.regions.east });
    expect(published.status).toBe(201);
    duty = published.body;
    // East: the school is a school canteen; the restaurant is not concerned.
    expect(duty.coverage).toEqual({ venues: 1, read: 0 });

    const school = await server.request<VenueDuties>(`/v1/venues/${city.venues.school}/duties`, {
      token: city.staffer.token,
    });
    expect(school.body.unread).toBe(1);
    expect(school.body.items[0]).toMatchObject({ id: duty.id, title: canteenDuty.title });
    expect(school.body.items[0]?.readAt).toBeUndefined();
    const restaurant = await server.request<VenueDuties>(`/v1/venues/${city.venues.restaurant}/duties`, {
      token: city.otherManager.token,
    });
    expect(restaurant.body.items).toEqual([]);
    // The west elderly-care canteen is of a listed kind but in another district.
    const west = await server.request<VenueDuties>(`/v1/venues/${city.venues.westCanteen}/duties`, {
      token: city.westRegulator.token,
    });
    expect(west.body.items).toEqual([]);

    const before = await server.request<DutyReceipts>(`/v1/duties/${duty.id}/receipts`, {
      token: city.regulator.token,
    });
    expect(before.body).toMatchObject({ venues: 1, read: 0, unread: 1 });
    expect(before.body.unreadVenues.map((v) => v.venueName)).toEqual(['第一中学食堂']);

    const read = await server.request<Coded<VenueDuty>>(`/v1/venues/${city.venues.school}/duties/${duty.id}/read`, {
      token: city.staffer.token,
      body: {},
    });
    expect(read.status).toBe(200);
    expect(read.body.readBy).toBe('staffer');
    const firstRead = read.body.readAt;
    // Read again by the manager: the first read is kept.
    const again = await server.request<VenueDuty>(`/v1/venues/${city.venues.school}/duties/${duty.id}/read`, {
      token: city.manager.token,
      body: {},
    });
    expect(again.body.readAt).toBe(firstRead);

    const after = await server.request<DutyReceipts>(`/v1/duties/${duty.id}/receipts`, { token: city.regulator.token });
    expect(after.body).toMatchObject({ venues: 1, read: 1, unread: 0, unreadVenues: [] });
    const list = await server.request<{ items: Duty[] }>('/v1/duties', { token: city.regulator.token });
    expect(list.body.items.find((d) => d.id === duty.id)?.coverage).toEqual({ venues: 1, read: 1 });
  });

  it('keeps receipts from other regions and other venues', async () => {
    // The west regulator, the restaurant's manager, a consumer: no receipts of an east duty.
    expect((await server.request(`/v1/duties/${duty.id}/receipts`, { token: city.westRegulator.token })).status).toBe(
      403,
    );
    expect((await server.request(`/v1/duties/${duty.id}/receipts`, { token: city.otherManager.token })).status).toBe(
      403,
    );
    expect((await server.request('/v1/duties', { token: city.consumer.token })).status).toBe(403);
    const westList = await server.request<{ items: Duty[] }>('/v1/duties', { token: city.westRegulator.token });
    expect(westList.body.items).toEqual([]);
    // A venue not concerned cannot mark it read; another venue's people cannot read the school's list.
    const notMine = await server.request<Coded<VenueDuty>>(
      `/v1/venues/${city.venues.restaurant}/duties/${duty.id}/read`,
      { token: city.otherManager.token, body: {} },
    );
    expect(notMine.status).toBe(404);
    expect(
      (await server.request(`/v1/venues/${city.venues.school}/duties`, { token: city.otherManager.token })).status,
    ).toBe(403);
  });

  it('refuses an unknown kind, a kind twice, an unknown region and another region’s regulator', async () => {
    const unknown = await publish({ ...canteenDuty, regionId: city.regions.east, kinds: ['food_truck'] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.code).toBe('VALIDATION_FAILED');
    const twice = await publish({ ...canteenDuty, regionId: city.regions.east, kinds: ['restaurant', 'restaurant'] });
    expect(twice.status).toBe(422);
    expect(twice.body.code).toBe('DUTY_KINDS_INVALID');
    const none = await publish({ ...canteenDuty, regionId: city.regions.east, kinds: [] });
    expect(none.status).toBe(400);
    expect((await publish({ ...canteenDuty, regionId: 'reg-nowhere' })).body.code).toBe('REGION_NOT_FOUND');
    expect((await publish({ ...canteenDuty, regionId: city.regions.east }, city.westRegulator.token)).status).toBe(403);
    expect((await publish({ ...canteenDuty, regionId: city.regions.east }, city.manager.token)).status).toBe(403);
  });
});
