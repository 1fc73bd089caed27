/**
 * A city at scale, small enough for a test: only the equipped venues have cameras, sensors and a staff archive and
 * keep ledgers; every venue has inspections; and the risk model fitted on the city's inspections ranks better than
 * chance, because the seed's risky kitchens keep fewer ledgers, are caught more and fail more.
 */
import type { RiskModel } from '@brightkitchen/sdk/warehouse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/test-server.js';
import { cityScale } from './city-scale.js';
import { type SeedResult, seedDemoCity } from './seed.js';

describe('a city at scale', () => {
  let server: TestServer;
  let seeded: SeedResult;
  const count = async (table: 'devices' | 'inspections') =>
    Number(
      (
        await server.database.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    server = await startTestServer('sqlite');
    seeded = await seedDemoCity(server.database, { venues: 3000, days: 60, seed: 5, city: cityScale(3000) });
  }, 120_000);
  afterAll(async () => server?.close());

  it('equips about one venue in eighteen, as Liaocheng: cameras, sensors, staff and ledgers only there', async () => {
    const { equipped } = cityScale(3000);
    expect(equipped).toBe(168);
    expect(await count('devices')).toBe(2 * equipped);
    const { db } = server.database;
    const withStaff = await db.selectFrom('staff').select('venue_id').distinct().execute();
    const withLedgers = await db.selectFrom('ledger_records').select('venue_id').distinct().execute();
    expect(withStaff.length).toBe(equipped);
    const staffed = new Set(withStaff.map((r) => r.venue_id));
    expect(withLedgers.every((r) => staffed.has(r.venue_id))).toBe(true);
    expect(seeded.counts.venues).toBe(3000);
    expect(await count('inspections')).toBeGreaterThan(3000);
  });

  it('gives the risk model a history it learns from: AUC on held-back inspections above chance', async () => {
    const admin = seeded.accounts.find((a) => a.role === 'admin');
    const login = await server.request<{ accessToken: string }>('/v1/auth/login', {
      body: { login: admin?.login, password: admin?.password },
    });
    const fit = await server.request<RiskModel>('/v1/risk/model/fit', {
      method: 'POST',
      token: login.body.accessToken,
    });
    expect(fit.status).toBe(200);
    expect(fit.body.source).toBe('learned');
    expect(fit.body.auc ?? 0).toBeGreaterThan(0.6);
  }, 60_000);
});
