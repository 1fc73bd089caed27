import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { seedTestCity, type TestCity } from '../testing/fixtures.js';
import { morningCheck } from '../testing/ledger-records.js';
import { DATABASES, startTestServer, type TestServer } from '../testing/test-server.js';

interface Page<T> {
  items: T[];
}

/** Rows damaged behind the API's back (a bad migration, a hand edit): lists go on and say what they skipped. */
describe.each(DATABASES)('corrupt stored rows on %s', (kind) => {
  let server: TestServer;
  let city: TestCity;
  let logged: string[];

  beforeAll(async () => {
    server = await startTestServer(kind);
    city = await seedTestCity(server);
  });
  afterAll(() => server?.close());
  afterEach(() => vi.restoreAllMocks());

  /**
   * What the server logs as errors (request and app loggers are one object when logging is off), on whichever
   * instance answered.
   */
  function watchLog(): void {
    logged = [];
    for (const instance of server.instances) {
      vi.spyOn(instance.log, 'error').mockImplementation(((details: unknown, message?: string) => {
        logged.push(`${message ?? ''} ${String((details as { err?: Error })?.err?.message ?? '')}`);
      }) as typeof instance.log.error);
    }
  }

  const writeCheck = (staffId: string) =>
    server.request<{ record: { id: string } }>(`/v1/venues/${city.venues.school}/ledgers`, {
      token: city.staffer.token,
      body: morningCheck(staffId),
      headers: { 'idempotency-key': `k-${randomUUID()}` },
    });

  it('lists the ledger without a record whose stored body is damaged, and logs which one', async () => {
    const first = await writeCheck(city.staff.fit);
    const second = await writeCheck(city.staff.fit);
    expect([first.status, second.status]).toEqual([201, 201]);
    const damaged = second.body.record.id;
    await server.database.db
      .updateTable('ledger_records')
      // Well-formed JSON of the wrong shape: the database itself refuses malformed JSON in this column (the
      // unique index on corrections reads into it), so damage that gets stored is of this kind.
      .set({ body: '["morning_check"]' })
      .where('id', '=', damaged)
      .execute();

    watchLog();
    const list = await server.request<Page<{ id: string }>>(`/v1/venues/${city.venues.school}/ledgers`, {
      token: city.manager.token,
    });
    expect(list.status).toBe(200);
    expect(list.body.items.map((e) => e.id)).toContain(first.body.record.id);
    expect(list.body.items.map((e) => e.id)).not.toContain(damaged);
    expect(logged.join('\n')).toContain(`ledger_records.body of ${damaged}`);

    // Today's completion reads the same checks: it answers too, counting the readable one.
    const today = await server.request<{ kinds: { morning_check: { done: number } } }>(
      `/v1/venues/${city.venues.school}/ledgers/today`,
      { token: city.manager.token },
    );
    expect(today.status).toBe(200);
    expect(today.body.kinds.morning_check.done).toBe(1);
  });

  it('lists the staff without a member whose archive entry has the wrong shape; their checks are refused', async () => {
    await server.database.db
      .updateTable('staff')
      .set({ data: JSON.stringify({ id: city.staff.expiredCertificate, name: 42 }) })
      .where('id', '=', city.staff.expiredCertificate)
      .execute();

    watchLog();
    const staff = await server.request<Page<{ id: string }>>(`/v1/venues/${city.venues.school}/staff`, {
      token: city.manager.token,
    });
    expect(staff.status).toBe(200);
    expect(staff.body.items.map((s) => s.id)).toEqual([city.staff.fit]);
    expect(logged.join('\n')).toContain(`staff.data of ${city.staff.expiredCertificate}`);

    // Their morning check cannot be judged without the archive: refused at the field (as an unknown staff
    // member is), with the reason, nothing stored; the venue's other records go on.
    const check = await writeCheck(city.staff.expiredCertificate);
    expect(check.status).toBe(400);
    expect(check.body).toMatchObject({ code: 'VALIDATION_FAILED', details: { issues: [{ path: 'staffId' }] } });
    expect(JSON.stringify(check.body)).toContain('archive entry is damaged');
    expect((await writeCheck(city.staff.fit)).status).toBe(201);
  });

  it('lists the venues without a damaged one, and answers 500 INTERNAL for reading it alone', async () => {
    await server.database.db
      .updateTable('venues')
      .set({ data: 'not json' })
      .where('id', '=', city.venues.westCanteen)
      .execute();

    watchLog();
    const list = await server.request<Page<{ id: string }>>('/v1/venues', { token: city.admin.token });
    expect(list.status).toBe(200);
    const ids = list.body.items.map((v) => v.id);
    expect(ids).toEqual(expect.arrayContaining([city.venues.school, city.venues.restaurant]));
    expect(ids).not.toContain(city.venues.westCanteen);
    expect(logged.join('\n')).toContain(`venues.data of ${city.venues.westCanteen}: not JSON`);

    const one = await server.request<{ code: string }>(`/v1/venues/${city.venues.westCanteen}`, {
      token: city.admin.token,
    });
    expect(one.status).toBe(500);
    expect(one.body.code).toBe('INTERNAL');
  });
});
