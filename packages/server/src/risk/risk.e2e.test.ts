/**
 * The risk ranking on the real server: a model learned from the district's own inspections (venues whose AI
 * cameras kept catching staff failed key items), each score the intercept plus its factors' contributions, `asOf`
 * reading only what happened before its day, a pinned weight kept exactly, the week's plan, and the refusals.
 */
import { DEFAULT_TIME_ZONE, localDay } from '@brightkitchen/sdk';
import type { InspectionPlan, RiskModel, RiskRanking, RiskVenue } from '@brightkitchen/sdk/warehouse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId, newPublicCode, nowIso } from '../db/index.js';
import { inspectionRow } from '../inspections/index.js';
import { seedTestCity, type TestCity } from '../testing/fixtures.js';
import { inspectionBody, signaturePng } from '../testing/inspection-answers.js';
import { DATABASES, startTestServer, type TestServer } from '../testing/test-server.js';
import { venueRow } from '../venues/venue-store.js';
import { addDays } from '../warehouse/range.js';

const DAY = 86_400_000;

describe.each(DATABASES)('the risk ranking on %s', (kind) => {
  let server: TestServer;
  let city: TestCity;
  const risky: string[] = [];
  const clean: string[] = [];
  const today = localDay(Date.now(), DEFAULT_TIME_ZONE);

  async function violation(venueId: string, at: number): Promise<void> {
    await server.database.db
      .insertInto('alerts')
      .values({
        id: newId('alr'),
        venue_id: venueId,
        source: 'violation',
        type: 'no_hat',
        severity: 'warning',
        state: 'resolved',
        subject: null,
        message: JSON.stringify({ zh: '未戴帽', en: 'no hat' }),
        details: null,
        opened_at: new Date(at).toISOString(),
        acknowledged_at: new Date(at + 60_000).toISOString(),
        acknowledged_by: null,
        resolved_at: new Date(at + 120_000).toISOString(),
        resolved_by: null,
        corrective_action: null,
      })
      .execute();
  }

  /** An inspection on `day`, with a failed key item or not. */
  async function inspect(venueId: string, day: string, keyFailed: boolean): Promise<void> {
    const items = [
      { code: '1.1', title: '许可证照', key: true, score: keyFailed ? 2 : 9, passed: !keyFailed },
      { code: '5.3', title: '从业人员着装', key: false, score: 8, passed: true },
    ];
    await server.database.db
      .insertInto('inspections')
      .values(inspectionRow({ venueId, inspector: '赵监管', date: day, items }, null, nowIso()))
      .execute();
  }

  beforeAll(async () => {
    server = await startTestServer(kind);
    city = await seedTestCity(server);
    // Forty restaurants in the east district: half of them keep getting caught without hats and then fail a key
    // item at their inspection; the other half are clean and pass.
    for (let i = 0; i < 40; i++) {
      const id = newId('ven');
      const venue = {
        id,
        regionId: city.regions.east,
        name: `测试餐馆${String(i).padStart(2, '0')}`,
        kind: 'restaurant' as const,
        licence: { number: `JY-R-${i}-${id}`, issuedOn: '2020-01-01', expiresOn: '2030-01-01' },
        address: '聊城市东昌府区',
        coordinates: { lat: 36.45, lng: 115.98 },
        publicCode: newPublicCode(),
        timeZone: 'Asia/Shanghai',
        hasLiveVideo: false,
      };
      await server.database.db.insertInto('venues').values(venueRow(venue, nowIso())).execute();
      const bad = i % 2 === 0;
      (bad ? risky : clean).push(id);
      const inspected = addDays(today, -20 - i * 3);
      if (bad) {
        for (let k = 0; k < 4 + (i % 3); k++)
          await violation(id, Date.parse(`${inspected}T02:00:00Z`) - (k + 1) * 2 * DAY);
      }
      // One in seven of each group breaks the pattern, as real inspections do.
      await inspect(id, inspected, i % 7 === 3 ? !bad : bad);
    }
  });
  afterAll(() => server?.close());

  const get = <T>(path: string, token = city.regulator.token) => server.request<T>(path, { token });

  it('learns from the district’s inspections and says how well it predicts held-back ones', async () => {
    const fit = await server.request<RiskModel>(`/v1/risk/model/fit?regionId=${city.regions.east}`, {
      method: 'POST',
      token: city.regulator.token,
    });
    expect(fit.status).toBe(200);
    expect(fit.body.source).toBe('learned');
    expect(fit.body.inspections).toBe(40);
    expect(fit.body.heldOut).toBeGreaterThan(0);
    expect(fit.body.auc).not.toBeNull();
    // AI violations before an inspection foretold its key failures.
    expect(fit.body.coefficients.violations_30d).toBeGreaterThan(0);
  });

  it('ranks by score, each the intercept plus its factors’ contributions', async () => {
    const { status, body } = await get<RiskRanking>(`/v1/risk/venues?regionId=${city.regions.east}&limit=1000`);
    expect(status).toBe(200);
    expect(body.items.length).toBe(42);
    body.items.forEach((item, i) => {
      expect(item.rank).toBe(i + 1);
      const sum = item.factors.reduce((s, f) => s + f.contribution, body.model.intercept);
      expect(item.score).toBeCloseTo(sum, 6);
      for (const f of item.factors)
        expect(f.contribution).toBeCloseTo((body.model.coefficients[f.code] ?? 0) * f.value, 5);
      if (i > 0) expect(item.score).toBeLessThanOrEqual(body.items[i - 1]?.score ?? Number.POSITIVE_INFINITY);
    });
    expect(Object.keys(body.items[0] ?? {}).sort()).toEqual(['factors', 'name', 'rank', 'score', 'venueId']);
    expect(Object.keys(body.model).sort()).toEqual(['auc', 'coefficients', 'fittedAt', 'intercept']);

    // Pages of one ranking continue each other.
    const first = await get<RiskRanking>(`/v1/risk/venues?regionId=${city.regions.east}&limit=10`);
    const second = await get<RiskRanking>(
      `/v1/risk/venues?regionId=${city.regions.east}&limit=10&cursor=${first.body.nextCursor ?? ''}`,
    );
    expect(second.body.items.map((i) => i.rank)).toEqual([11, 12, 13, 14, 15, 16, 17, 18, 19, 20]);
  });

  it('ranks as of a day from what happened before it only', async () => {
    const venueId = clean[0] as string;
    const first = Date.now() - 5_000;
    for (let k = 0; k < 6; k++) await violation(venueId, first + k * 1000);
    // A ranking is kept for a minute; a refit (as the console's button does) computes the next afresh.
    await server.request(`/v1/risk/model/fit?regionId=${city.regions.east}`, {
      method: 'POST',
      token: city.regulator.token,
    });
    const factor = (r: RiskVenue) => r.factors.find((f) => f.code === 'violations_30d')?.value;
    const now = await get<RiskVenue>(`/v1/risk/venues/${venueId}`);
    // As of the start of the day of the first violation (at Beijing midnight, not the suite's first day).
    const before = await get<RiskVenue>(`/v1/risk/venues/${venueId}?asOf=${localDay(first, DEFAULT_TIME_ZONE)}`);
    expect(factor(now.body)).toBeCloseTo(Math.log1p(6), 3);
    expect(factor(before.body)).toBe(0);
  });

  it('keeps a weight the regulator pins, and fits the others around it', async () => {
    const set = await server.request<RiskModel>(`/v1/risk/policy?regionId=${city.regions.east}`, {
      method: 'PUT',
      token: city.regulator.token,
      body: { pins: { violations_30d: 0 } },
    });
    expect(set.status).toBe(200);
    expect(set.body.coefficients.violations_30d).toBe(0);
    expect(set.body.pins).toEqual({ violations_30d: 0 });
    const ranking = await get<RiskRanking>(`/v1/risk/venues?regionId=${city.regions.east}&limit=1000`);
    for (const item of ranking.body.items) {
      expect(item.factors.find((f) => f.code === 'violations_30d')?.contribution).toBe(0);
    }
    const model = await get<RiskModel>(`/v1/risk/model?regionId=${city.regions.east}`);
    expect(model.body.pins).toEqual({ violations_30d: 0 });
  });

  it('plans the week: the top venues of each district, as many as its inspectors can visit', async () => {
    const { body } = await get<InspectionPlan>(`/v1/risk/plan?regionId=${city.regions.east}&inspectors=1&capacity=3`);
    expect(body.districts).toHaveLength(1);
    expect(body.districts[0]?.venues.map((v) => v.rank)).toEqual([1, 2, 3]);
    expect(body.districts[0]?.slots).toBe(3);

    // The inspector works through it: the venue inspected today is marked done.
    const top = body.districts[0]?.venues[0];
    if (!top) throw new Error('no venue planned');
    const signature = await server.request<{ ref: string }>(`/v1/venues/${top.venueId}/ledger-photos`, {
      token: city.regulator.token,
      body: signaturePng(top.venueId),
    });
    const inspected = await server.request(`/v1/venues/${top.venueId}/inspections`, {
      token: city.regulator.token,
      body: inspectionBody(signature.body.ref, { date: today }),
    });
    expect(inspected.status).toBe(201);
    const after = await get<InspectionPlan>(`/v1/risk/plan?regionId=${city.regions.east}&inspectors=1&capacity=3`);
    const marked = after.body.districts[0]?.venues.find((v) => v.venueId === top.venueId);
    expect(marked?.inspectedOn).toBe(today);
  });

  it('refuses a ranking from the future, another district’s, and a malformed date', async () => {
    const future = await get<{ code: string }>(`/v1/risk/venues?asOf=${addDays(today, 5)}`);
    expect([future.status, future.body.code]).toEqual([400, 'RISK_AS_OF_INVALID']);
    const malformed = await get<{ code: string }>('/v1/risk/venues?asOf=2026-13-01');
    expect(malformed.body.code).toBe('VALIDATION_FAILED');
    const west = await get<RiskRanking>('/v1/risk/venues?limit=1000', city.westRegulator.token);
    expect(west.body.items.map((i) => i.venueId)).toEqual([city.venues.westCanteen]);
    const refused = await get<{ code: string }>(
      `/v1/risk/venues?regionId=${city.regions.east}`,
      city.westRegulator.token,
    );
    expect(refused.status).toBe(403);
    const pin = await server.request<{ code: string }>('/v1/risk/policy', {
      method: 'PUT',
      token: city.regulator.token,
      body: { pins: { no_such_factor: 1 } },
    });
    expect(pin.body.code).toBe('VALIDATION_FAILED');
  });
});
