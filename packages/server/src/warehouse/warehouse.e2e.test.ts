/**
 * The warehouse as a regulator reads it, on the real server: today's ledger gaps against the day's requirements,
 * alerts by local hour with repeat offenders, response times and overdue ones, devices, complaints, ratings; the
 * other district's regulator sees none of it; bad ranges and regions are refused with their codes.
 */
import { DEFAULT_TIME_ZONE, localDay } from '@brightkitchen/sdk';
import type {
  AlertsReport,
  CompletionReport,
  CompletionTodayPage,
  Overview,
  RatingsReport,
} from '@brightkitchen/sdk/warehouse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../db/index.js';
import { seedTestCity, type TestCity } from '../testing/fixtures.js';
import { morningCheck } from '../testing/ledger-records.js';
import { DATABASES, startTestServer, type TestServer } from '../testing/test-server.js';
import { addDays } from './range.js';

const MINUTE = 60_000;

describe.each(DATABASES)('the warehouse on %s', (kind) => {
  let server: TestServer;
  let city: TestCity;
  let staffCount: number;

  async function addAlert(fields: {
    type: string;
    source: string;
    severity?: string;
    openedAt: number;
    acknowledgedAfterMin?: number;
    resolved?: boolean;
    venueId?: string;
  }): Promise<void> {
    const opened = new Date(fields.openedAt).toISOString();
    const acked =
      fields.acknowledgedAfterMin === undefined
        ? null
        : new Date(fields.openedAt + fields.acknowledgedAfterMin * MINUTE).toISOString();
    await server.database.db
      .insertInto('alerts')
      .values({
        id: newId('alr'),
        venue_id: fields.venueId ?? city.venues.school,
        source: fields.source,
        type: fields.type,
        severity: fields.severity ?? 'warning',
        state: fields.resolved ? 'resolved' : acked ? 'acknowledged' : 'open',
        subject: null,
        message: JSON.stringify({ zh: '告警', en: 'alert' }),
        details: null,
        opened_at: opened,
        acknowledged_at: acked,
        acknowledged_by: null,
        resolved_at: fields.resolved ? acked : null,
        resolved_by: null,
        corrective_action: null,
      })
      .execute();
  }

  const get = <T>(path: string, token = city.regulator.token) => server.request<T>(path, { token });

  beforeAll(async () => {
    server = await startTestServer(kind);
    city = await seedTestCity(server);
    const staff = await server.database.db
      .selectFrom('staff')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('venue_id', '=', city.venues.school)
      .executeTakeFirst();
    staffCount = Number(staff?.n ?? 0);
  });
  afterAll(() => server?.close());

  it('lists today what the school still has to record, and counts what it has done', async () => {
    const before = await get<CompletionTodayPage>('/v1/warehouse/completion/today');
    expect(before.status).toBe(200);
    const school = before.body.items.find((i) => i.venueId === city.venues.school);
    // A school canteen serving lunch: a morning check per staff member, tableware, a sample, the principal's meal.
    expect(school?.missing).toEqual([
      { code: 'REQ_MORNING_CHECK_EACH_STAFF', expected: staffCount, done: 0 },
      { code: 'REQ_TABLEWARE_EACH_MEAL', expected: 1, done: 0 },
      { code: 'REQ_SAMPLE_EACH_DISH', expected: 1, done: 0 },
      { code: 'REQ_ACCOMPANYING_EACH_MEAL', expected: 1, done: 0 },
    ]);

    const saved = await server.request(`/v1/venues/${city.venues.school}/ledgers`, {
      token: city.manager.token,
      headers: { 'idempotency-key': newId('k') },
      body: morningCheck(city.staff.fit),
    });
    expect(saved.status).toBe(201);
    const after = await get<CompletionTodayPage>('/v1/warehouse/completion/today');
    const morning = after.body.items
      .find((i) => i.venueId === city.venues.school)
      ?.missing.find((m) => m.code === 'REQ_MORNING_CHECK_EACH_STAFF');
    expect(morning).toEqual({ code: 'REQ_MORNING_CHECK_EACH_STAFF', expected: staffCount, done: 1 });

    const report = await get<CompletionReport>('/v1/warehouse/completion');
    expect(report.status).toBe(200);
    const today = report.body.byDay.find((d) => d.day === localDay(Date.now(), DEFAULT_TIME_ZONE));
    expect(today?.done).toBeGreaterThanOrEqual(1);
    expect(report.body.byDay).toHaveLength(30);
    expect(report.body.byDistrict.map((d) => d.regionId)).toEqual([city.regions.east]);
  });

  it('counts alerts by local hour and day, names repeat offenders and who is slow to acknowledge', async () => {
    // 16:30 UTC is 00:30 the next day in Shanghai: two local days ago, whatever the hour now (the alert of two hours
    // ago falls yesterday at the latest).
    const base = Date.parse(`${addDays(localDay(Date.now(), DEFAULT_TIME_ZONE), -3)}T16:30:00Z`);
    for (let i = 0; i < 3; i++) {
      await addAlert({ type: 'no_hat', source: 'violation', openedAt: base + i * MINUTE, acknowledgedAfterMin: 10 });
    }
    // Two hours back, or three when that falls in the local hour 00 the violations above are counted in.
    const twoHoursAgo = Date.now() - 120 * MINUTE;
    const localHour = Number(new Date(twoHoursAgo + 8 * 60 * MINUTE).toISOString().slice(11, 13));
    await addAlert({
      type: 'fridge_too_warm',
      source: 'sensor',
      severity: 'critical',
      openedAt: localHour === 0 ? twoHoursAgo - 60 * MINUTE : twoHoursAgo,
    });

    const { status, body } = await get<AlertsReport>('/v1/warehouse/alerts');
    expect(status).toBe(200);
    expect(body.violations).toBe(3);
    expect(body.byHour[0]).toBe(3);
    const localDayOfBase = localDay(base, DEFAULT_TIME_ZONE);
    expect(body.byDay.find((d) => d.day === localDayOfBase)).toMatchObject({ count: 3, violations: 3 });
    expect(body.repeatOffenders).toContainEqual(
      expect.objectContaining({ venueId: city.venues.school, type: 'no_hat', count: 3 }),
    );
    const school = body.responsiveness.find((r) => r.venueId === city.venues.school);
    expect(school).toMatchObject({ alerts: 4, ackP50Minutes: 10, unacknowledged: 1 });
    // A critical alert unacknowledged for two hours has reached the regulator.
    expect(body.overdue).toContainEqual(
      expect.objectContaining({ venueId: city.venues.school, type: 'fridge_too_warm', level: 'regulator' }),
    );

    const overview = await get<Overview>('/v1/warehouse/overview');
    expect(overview.body.overdueAlerts).toBeGreaterThanOrEqual(1);
    expect(overview.body.venues).toBe(2);
  });

  it('shows the share of satisfied faces by district', async () => {
    const day = localDay(Date.now(), DEFAULT_TIME_ZONE);
    await server.database.db
      .insertInto('ratings')
      .values({
        id: newId('rat'),
        venue_id: city.venues.school,
        consumer_id: city.consumer.user.id,
        local_day: day,
        dishes: 'satisfied',
        hygiene: 'satisfied',
        service: 'dissatisfied',
        comment: null,
        created_at: new Date().toISOString(),
      })
      .execute();
    const { body } = await get<RatingsReport>('/v1/warehouse/ratings');
    expect(body.ratings).toBe(1);
    expect(body.satisfaction).toBeCloseTo(2 / 3, 3);
    expect(body.byDistrict[0]?.regionId).toBe(city.regions.east);
  });

  it('shows the west district’s regulator nothing of the east, and refuses the east by name', async () => {
    for (const panel of ['overview', 'completion', 'completion/today', 'alerts', 'devices', 'complaints', 'ratings']) {
      const own = await get<unknown>(`/v1/warehouse/${panel}`, city.westRegulator.token);
      expect(own.status, panel).toBe(200);
      const text = JSON.stringify(own.body);
      expect(text, panel).not.toContain(city.venues.school);
      expect(text, panel).not.toContain(city.regions.east);
      const east = await get<{ code: string }>(
        `/v1/warehouse/${panel}?regionId=${city.regions.east}`,
        city.westRegulator.token,
      );
      expect(east.status, panel).toBe(403);
    }
    const manager = await get<{ code: string }>('/v1/warehouse/overview', city.manager.token);
    expect(manager.body.code).toBe('FORBIDDEN');
  });

  it('refuses a reversed or too long range, a malformed day and an unknown region with their codes', async () => {
    const reversed = await get<{ code: string }>('/v1/warehouse/alerts?from=2026-03-02&to=2026-03-01');
    expect([reversed.status, reversed.body.code]).toEqual([400, 'WAREHOUSE_RANGE_INVALID']);
    const long = await get<{ code: string }>('/v1/warehouse/completion?from=2024-01-01&to=2026-01-01');
    expect(long.body.code).toBe('WAREHOUSE_RANGE_INVALID');
    const malformed = await get<{ code: string }>('/v1/warehouse/alerts?from=2026-02-30');
    expect([malformed.status, malformed.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    const unknown = await get<{ code: string }>('/v1/warehouse/alerts?regionId=reg_nowhere');
    expect([unknown.status, unknown.body.code]).toEqual([404, 'REGION_NOT_FOUND']);
    const cursor = await get<{ code: string }>('/v1/warehouse/completion/today?cursor=bm9wZQ');
    expect(cursor.body.code).toBe('VALIDATION_FAILED');
  });
});
