/**
 * The manager keeps the staff archive: adds people with their certificates, edits them, removes an optional
 * certificate, and marks someone as left (kept in the archive, no longer expected at the morning check, and no check
 * can be recorded for them after their last day); staff members read it only.
 */
import { randomUUID } from 'node:crypto';
import { inZone, type LedgersToday, type Staff, type StaffOnDay } from '@brightkitchen/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedTestCity, type TestCity } from '../testing/fixtures.js';
import { morningCheck } from '../testing/ledger-records.js';
import { DATABASES, startTestServer, type TestServer } from '../testing/test-server.js';

describe.each(DATABASES)('the staff archive on %s', (kind) => {
  let server: TestServer;
  let city: TestCity;
  let path: string;
  let added: Staff;

  beforeAll(async () => {
    server = await startTestServer(kind);
    city = await seedTestCity(server);
    path = `/v1/venues/${city.venues.school}/staff`;
  });
  afterAll(() => server?.close());

  const today = () => inZone(Date.now()).format('YYYY-MM-DD');
  const yesterday = () => inZone(Date.now() - 86_400_000).format('YYYY-MM-DD');

  it('adds a person with both certificates and changes them', async () => {
    const res = await server.request<Staff>(path, {
      token: city.manager.token,
      body: {
        name: '李四',
        role: 'helper',
        phone: '13800000000',
        healthCertificate: { number: 'JK-001', expiresOn: '2030-01-01' },
        trainingCertificate: { number: 'PX-001', expiresOn: '2029-06-30' },
      },
    });
    expect(res.status).toBe(201);
    added = res.body;
    const changed = await server.request<Staff>(`${path}/${added.id}`, {
      method: 'PATCH',
      token: city.manager.token,
      body: {
        role: 'cook',
        healthCertificate: { number: 'JK-002', expiresOn: '2031-01-01' },
        trainingCertificate: null,
      },
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ name: '李四', role: 'cook', healthCertificate: { number: 'JK-002' } });
    expect(changed.body.trainingCertificate).toBeUndefined();
    expect(changed.body.phone).toBe('13800000000');
  });

  it('refuses edits by a staff member', async () => {
    const res = await server.request(`${path}/${added.id}`, {
      method: 'PATCH',
      token: city.staffer.token,
      body: { name: '改名' },
    });
    expect(res.status).toBe(403);
  });

  it('marks someone as left: kept in the archive, not expected at the check, no check after the last day', async () => {
    const ledgers = `/v1/venues/${city.venues.school}/ledgers`;
    const expected = async () =>
      (await server.request<LedgersToday>(`${ledgers}/today`, { token: city.manager.token })).body.kinds.morning_check
        ?.expected;
    const before = await expected();
    const left = await server.request<Staff>(`${path}/${added.id}`, {
      method: 'PATCH',
      token: city.manager.token,
      body: { leftOn: yesterday() },
    });
    expect(left.status).toBe(200);
    expect(left.body.leftOn).toBe(yesterday());
    const listed = await server.request<{ items: StaffOnDay[] }>(`${path}?date=${today()}`, {
      token: city.manager.token,
    });
    expect(listed.body.items.find((s) => s.id === added.id)?.leftOn).toBe(yesterday());
    expect(await expected()).toBe((before ?? 0) - 1);

    const check = await server.request<{ details: { issues: { path: string; message: { zh: string } }[] } }>(ledgers, {
      token: city.staffer.token,
      body: morningCheck(added.id),
      headers: { 'idempotency-key': `left-${randomUUID()}` },
    });
    expect(check.status).toBe(400);
    expect(check.body.details.issues[0]).toMatchObject({ path: 'staffId' });
    expect(check.body.details.issues[0]?.message.zh).toContain('离职');

    // Back at work: `null` clears the day.
    const back = await server.request<Staff>(`${path}/${added.id}`, {
      method: 'PATCH',
      token: city.manager.token,
      body: { leftOn: null },
    });
    expect(back.body.leftOn).toBeUndefined();
    expect(await expected()).toBe(before);
  });

  it('refuses a last day that is no day, changing nothing', async () => {
    const res = await server.request<{ details: { issues: { path: string }[] } }>(`${path}/${added.id}`, {
      method: 'PATCH',
      token: city.manager.token,
      body: { leftOn: '2024-02-30' },
    });
    expect(res.status).toBe(400);
    expect(res.body.details.issues[0]?.path).toBe('leftOn');
    const row = await server.database.db
      .selectFrom('staff')
      .select('left_on')
      .where('id', '=', added.id)
      .executeTakeFirst();
    expect(row?.left_on).toBeNull();
  });
});
