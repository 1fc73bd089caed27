import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type PublicVenueProfile, VENUE_KINDS } from '@brightkitchen/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES, startTestServer, type TestServer } from '../testing/test-server.js';
import type { DemoAccount } from './accounts.js';
import { DEMO_ACCOUNTS_FILE, readDemoAccounts } from './accounts-file.js';
import { ensureDemoCity } from './ensure.js';
import type { SeedResult } from './seed.js';

// 220 venues as on a first start, but two days of ledgers instead of thirty to keep the suite quick.
describe.each(DATABASES)('demo city seed on %s', (kind) => {
  let server: TestServer;
  let seeded: SeedResult;
  let accounts: readonly DemoAccount[];
  beforeAll(async () => {
    server = await startTestServer(kind);
    const result = await ensureDemoCity(server.database, server.config.dataDir, { days: 2 });
    if (!result.seeded) throw new Error('expected a first seeding');
    seeded = result.seeded;
    accounts = result.accounts;
  }, 180_000);
  afterAll(() => server.close());

  const login = async (role: string) => {
    const account = accounts.find((a) => a.role === role);
    const res = await server.request<{ accessToken: string }>('/v1/auth/login', {
      body: { login: account?.login, password: account?.password },
    });
    expect(res.status).toBe(200);
    return res.body.accessToken;
  };

  it('builds at least 200 venues of every kind across the districts of 聊城市', async () => {
    const { db } = server.database;
    const rows = await db
      .selectFrom('venues')
      .select(['kind', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('kind')
      .execute();
    const total = rows.reduce((sum, r) => sum + Number(r.n), 0);
    expect(total).toBeGreaterThanOrEqual(200);
    expect(rows.map((r) => r.kind).sort()).toEqual([...VENUE_KINDS].sort());
    const regions = await db.selectFrom('regions').select('name').execute();
    expect(regions.map((r) => r.name)).toEqual(
      expect.arrayContaining(['聊城市', '东昌府区', '临清市', '茌平区', '高唐县']),
    );
    const venue = await db.selectFrom('venues').select('data').limit(1).executeTakeFirstOrThrow();
    expect(JSON.parse(venue.data).licence.number).toMatch(/^JY\d{14}$/);
    expect(seeded.counts.ledgers).toBeGreaterThan(1000);
    expect(seeded.counts.ratings).toBeGreaterThan(0);
    expect(seeded.counts.notices).toBeGreaterThan(0);
    expect(seeded.counts.complaints).toBeGreaterThan(0);
  });

  it('writes one demo account per role that can log in, and the operators’ public code', async () => {
    expect(accounts.map((a) => a.role).sort()).toEqual(
      ['admin', 'consumer', 'operator_manager', 'operator_staff', 'partner', 'regulator'].sort(),
    );
    expect(existsSync(join(server.config.dataDir, DEMO_ACCOUNTS_FILE))).toBe(true);
    expect(readDemoAccounts(server.config.dataDir)).toEqual(accounts);
    const partner = accounts.find((a) => a.role === 'partner');
    expect(partner?.keyId && partner.secret).toBeTruthy();
    const manager = accounts.find((a) => a.role === 'operator_manager');
    const me = await server.request<{ memberships: { venueId: string }[] }>('/v1/me', {
      token: await login('operator_manager'),
    });
    expect(me.body.memberships.map((m) => m.venueId)).toContain(manager?.venueId);
    const profile = await server.request<PublicVenueProfile>(`/v1/public/venues/${manager?.publicCode}`);
    expect(profile.status).toBe(200);
    expect(profile.body.kind).toBe('school_canteen');
    await login('regulator');
    await login('consumer');
  });

  it('chains every sampled venue’s ledgers with a valid hash chain, and warnings opened alerts', async () => {
    const token = await login('admin');
    const { db } = server.database;
    const sample = await db.selectFrom('venues').select('id').orderBy('public_code').limit(3).execute();
    for (const { id } of sample) {
      const res = await server.request<{ ok: boolean; length: number }>(`/v1/venues/${id}/ledgers/chain/verify`, {
        token,
      });
      expect(res.body.ok).toBe(true);
      expect(res.body.length).toBeGreaterThan(5);
    }
    const ledgerAlerts = await db.selectFrom('alerts').select('id').where('source', '=', 'ledger').execute();
    expect(ledgerAlerts.length).toBeGreaterThan(0);
  });

  it('reuses the data on a second start (no reseed)', async () => {
    const again = await ensureDemoCity(server.database, server.config.dataDir, { days: 2 });
    expect(again.seeded).toBeNull();
    expect(again.accounts).toEqual(accounts);
    const count = await server.database.db
      .selectFrom('venues')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst();
    expect(Number(count?.n)).toBe(seeded.counts.venues);
  });
});
