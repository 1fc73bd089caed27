import { randomUUID } from 'node:crypto';
import { type ChainedEntry, verifyChain } from '@brightkitchen/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedTestCity, type TestCity } from '../testing/fixtures.js';
import { morningCheck, purchase } from '../testing/ledger-records.js';
import { DATABASES, startTestServer, type TestServer } from '../testing/test-server.js';
import { purgeExpiredLedgers } from './index.js';

interface Entry {
  id: string;
  seq: number;
  hash: string;
  prevHash: string;
  record: Record<string, unknown>;
  issues: { code: string; severity: string }[];
}
interface WriteAnswer {
  record: Entry;
  issues: { code: string; severity: string; path: string }[];
}
interface ErrorAnswer {
  code: string;
  details?: { issues: { code: string; path: string; severity?: string; message: { zh: string; en: string } }[] };
}

const key = () => `k-${randomUUID()}`;

describe.each(DATABASES)('ledgers on %s', (kind) => {
  let server: TestServer;
  let city: TestCity;
  let path: string;

  beforeAll(async () => {
    server = await startTestServer(kind);
    city = await seedTestCity(server);
    path = `/v1/venues/${city.venues.school}/ledgers`;
  });
  afterAll(() => server?.close());

  const write = <T = WriteAnswer>(body: unknown, idempotencyKey: string | null = key(), token = city.staffer.token) =>
    server.request<T>(path, {
      token,
      body,
      headers: idempotencyKey ? { 'idempotency-key': idempotencyKey } : {},
    });
  const count = async (venueId = city.venues.school) =>
    Number(
      (
        await server.database.db
          .selectFrom('ledger_records')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('venue_id', '=', venueId)
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('refuses a from/to that is not a real day or instant, naming the parameter', async () => {
    for (const [param, value] of [
      ['from', 'yesterday'],
      ['to', '2024-02-30'],
      ['from', '2024-01-01T10:00'],
      ['to', `2024-01-01${'x'.repeat(300)}`],
    ]) {
      const res = await server.request<ErrorAnswer>(`${path}?${param}=${encodeURIComponent(value as string)}`, {
        token: city.manager.token,
      });
      expect(res.status, value).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(
        res.body.details?.issues.some((i) => i.path.split('.').at(-1) === param),
        value,
      ).toBe(true);
    }
    const fine = await server.request(`${path}?from=2024-01-01&to=2024-01-02T08:00:00%2B08:00`, {
      token: city.manager.token,
    });
    expect(fine.status).toBe(200);
  });

  it('stores a record once: a retry with the same key answers the first result with 200', async () => {
    const k = key();
    const before = await count();
    const first = await write(morningCheck(city.staff.fit), k);
    expect(first.status).toBe(201);
    expect(first.body.record).toMatchObject({ venueId: city.venues.school, kind: 'morning_check' });
    expect(first.body.record.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(first.body.issues).toEqual([]);

    const retry = await write(morningCheck(city.staff.fit, { time: first.body.record.record.time as string }), k);
    expect(retry.status).toBe(200);
    expect(retry.body.record.id).toBe(first.body.record.id);
    expect(await count()).toBe(before + 1);
  });

  it('refuses the same key with a different body, and a missing key', async () => {
    const k = key();
    await write(morningCheck(city.staff.fit), k);
    const reused = await write<ErrorAnswer>(morningCheck(city.staff.fit, { temperatureC: 36.9 }), k);
    expect(reused.status).toBe(409);
    expect(reused.body.code).toBe('IDEMPOTENCY_KEY_REUSED');

    const missing = await write<ErrorAnswer>(morningCheck(city.staff.fit), null);
    expect(missing.status).toBe(400);
    expect(missing.body.code).toBe('IDEMPOTENCY_KEY_REQUIRED');
  });

  it('refuses a rule breach with 422 and its issues, storing nothing', async () => {
    const before = await count();
    const expired = purchase({ productionDate: '2020-01-01', shelfLifeDays: 30 });
    const res = await write<ErrorAnswer>(expired);
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('LEDGER_RULE_VIOLATION');
    expect(res.body.details?.issues.map((i) => i.code)).toContain('LEDGER_PURCHASE_EXPIRED');
    expect(res.body.details?.issues[0]?.message.zh).toBeTruthy();

    const meat = await write<ErrorAnswer>(purchase({ category: 'meat', certificateNo: undefined }));
    expect(meat.status).toBe(422);
    expect(meat.body.details?.issues.map((i) => i.code)).toContain('LEDGER_PURCHASE_NO_QUARANTINE');
    expect(await count()).toBe(before);
  });

  it('answers missing fields and wrong types with 400 and field paths, storing nothing', async () => {
    const before = await count();
    const { temperatureC: _t, ...noTemperature } = morningCheck(city.staff.fit);
    const missing = await write<ErrorAnswer>(noTemperature);
    expect(missing.status).toBe(400);
    expect(missing.body.code).toBe('VALIDATION_FAILED');
    expect(missing.body.details?.issues.map((i) => i.path)).toContain('temperatureC');

    const wrongType = await write<ErrorAnswer>({ ...morningCheck(city.staff.fit), temperatureC: '36.5' });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.details?.issues.map((i) => i.path)).toContain('temperatureC');

    const unknownKind = await write<ErrorAnswer>({ kind: 'tea_ceremony' });
    expect(unknownKind.status).toBe(400);

    const notAnObject = await write<ErrorAnswer>([1, 2, 3]);
    expect(notAnObject.status).toBe(400);

    const unknownStaff = await write<ErrorAnswer>(morningCheck('stf_nobody'));
    expect(unknownStaff.status).toBe(400);
    expect(unknownStaff.body.details?.issues[0]?.path).toBe('staffId');
    expect(await count()).toBe(before);
  });

  it('refuses an oversized body with 413', async () => {
    const res = await write<ErrorAnswer>({ ...purchase(), spec: 'x'.repeat(2 * 1024 * 1024) });
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('keeps a warning record and opens a ledger alert; the server fills the health certificate', async () => {
    // The client claims a valid certificate: the server trusts its own staff archive instead.
    const res = await write(
      morningCheck(city.staff.expiredCertificate, { healthCertificateExpiresOn: '2099-01-01', temperatureC: 37.8 }),
    );
    expect(res.status).toBe(201);
    const codes = res.body.issues.map((i) => i.code);
    expect(codes).toEqual(expect.arrayContaining(['LEDGER_STAFF_HEALTH_CERT_INVALID', 'LEDGER_MORNING_FEVER']));
    expect(res.body.record.record.healthCertificateExpiresOn).toBe('2020-01-01');

    const alerts = await server.database.db
      .selectFrom('alerts')
      .selectAll()
      .where('subject', '=', res.body.record.id)
      .execute();
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ source: 'ledger', state: 'open', venue_id: city.venues.school });

    const staff = await server.request<{ items: { id: string; unfit: boolean }[] }>(
      `/v1/venues/${city.venues.school}/staff?date=${res.body.record.record.time?.toString().slice(0, 10)}`,
      { token: city.manager.token },
    );
    expect(staff.body.items.find((s) => s.id === city.staff.expiredCertificate)?.unfit).toBe(true);
  });

  it('scopes ledgers to the venue’s people and its district regulator', async () => {
    const body = morningCheck(city.staff.fit);
    expect((await write(body, key(), city.otherManager.token)).status).toBe(403);
    expect((await write(body, key(), city.regulator.token)).status).toBe(403);
    expect((await write(body, key(), city.consumer.token)).status).toBe(403);
    expect((await write(body, key(), city.westRegulator.token)).status).toBe(403);
    const before = await count();
    expect(before).toBeGreaterThan(0);

    expect((await server.request(path, { token: city.regulator.token })).status).toBe(200);
    expect((await server.request(path, { token: city.westRegulator.token })).status).toBe(403);
    expect((await server.request(path, { token: city.otherManager.token })).status).toBe(403);
    expect((await server.request(`${path}/export`, { token: city.otherManager.token })).status).toBe(403);
    expect((await server.request('/v1/venues/ven_missing/ledgers', { token: city.admin.token })).status).toBe(404);
    expect((await server.request(path, { method: 'DELETE', token: city.admin.token })).status).toBe(404);
  });

  it('writes a batch in one transaction, with a result per record, idempotent as a whole', async () => {
    const records = Array.from({ length: 40 }, (_, i) => ({
      idempotencyKey: key(),
      record: i === 7 ? purchase({ productionDate: '2020-01-01', shelfLifeDays: 1 }) : purchase({ quantity: i + 1 }),
    }));
    const before = await count();
    const res = await server.request<{ results: { idempotencyKey: string; status: number }[] }>(`${path}/batch`, {
      token: city.manager.token,
      body: { records },
    });
    expect(res.status).toBe(200);
    expect(res.body.results.map((r) => r.status).filter((s) => s === 201)).toHaveLength(39);
    expect(res.body.results[7]?.status).toBe(422);
    expect(await count()).toBe(before + 39);

    const again = await server.request<{ results: { status: number }[] }>(`${path}/batch`, {
      token: city.manager.token,
      body: { records },
    });
    expect(again.body.results.filter((r) => r.status === 200)).toHaveLength(39);
    expect(await count()).toBe(before + 39);

    const badEnvelope = await server.request<ErrorAnswer>(`${path}/batch`, {
      token: city.manager.token,
      body: { records: [{ record: purchase() }] },
    });
    expect(badEnvelope.status).toBe(400);
  });

  it('serializes concurrent writers into one unbroken chain', async () => {
    const results = await Promise.all(
      Array.from({ length: 25 }, (_, i) => write(purchase({ quantity: 100 + i }), key(), city.manager.token)),
    );
    expect(results.every((r) => r.status === 201)).toBe(true);
    const seqs = results.map((r) => r.body.record.seq);
    expect(new Set(seqs).size).toBe(25);
    const verify = await server.request<{ ok: boolean }>(`${path}/chain/verify`, { token: city.regulator.token });
    expect(verify.body.ok).toBe(true);
  });

  it('verifies the chain online and offline, and both detect a row edited in the database', async () => {
    const verify = await server.request<{ ok: boolean; length: number }>(`${path}/chain/verify`, {
      token: city.manager.token,
    });
    expect(verify.body).toMatchObject({ ok: true });
    const exported = await server.request<{ records: ChainedEntry[] }>(`${path}/export`, {
      token: city.regulator.token,
    });
    expect(exported.body.records.length).toBe(verify.body.length);
    expect(verifyChain(exported.body.records)).toEqual({ ok: true, length: verify.body.length, problems: [] });

    const victim = exported.body.records[2]!;
    const tampered = { ...(victim.record as Record<string, unknown>), quantity: 9999 };
    await server.database.db
      .updateTable('ledger_records')
      .set({ body: JSON.stringify(tampered) })
      .where('venue_id', '=', city.venues.school)
      .where('seq', '=', victim.seq)
      .execute();

    const after = await server.request<{ ok: boolean; brokenAt: number }>(`${path}/chain/verify`, {
      token: city.manager.token,
    });
    expect(after.body).toMatchObject({ ok: false, brokenAt: victim.seq });
    const reExported = await server.request<{ records: ChainedEntry[] }>(`${path}/export`, {
      token: city.manager.token,
    });
    expect(verifyChain(reExported.body.records)).toMatchObject({ ok: false, brokenAt: victim.seq });
  });

  it('lists newest first with paging and filters, and reports today’s completion', async () => {
    const page1 = await server.request<{ items: Entry[]; nextCursor: string | null }>(
      `${path}?kind=purchase_inspection&limit=10`,
      { token: city.staffer.token },
    );
    expect(page1.body.items).toHaveLength(10);
    expect(page1.body.items[0]!.seq).toBeGreaterThan(page1.body.items[9]!.seq);
    const page2 = await server.request<{ items: Entry[] }>(
      `${path}?kind=purchase_inspection&limit=10&cursor=${page1.body.nextCursor}`,
      { token: city.staffer.token },
    );
    expect(page2.body.items[0]!.seq).toBeLessThan(page1.body.items[9]!.seq);

    const today = await server.request<{ kinds: Record<string, { done: number; fit?: number; expected?: number }> }>(
      `${path}/today`,
      { token: city.staffer.token },
    );
    expect(today.body.kinds.morning_check).toMatchObject({ done: 2, expected: 2, fit: 1 });
    expect(today.body.kinds.purchase_inspection?.done).toBeGreaterThan(60);
  });

  it('purges only records past their retention day', async () => {
    const venue = city.venues.restaurant;
    const own = (body: unknown) =>
      server.request<WriteAnswer>(`/v1/venues/${venue}/ledgers`, {
        token: city.otherManager.token,
        body,
        headers: { 'idempotency-key': key() },
      });
    // Rice bought in January 2020 with 30 days' shelf life: kept until 6 months after, long past.
    const old = await own(purchase({ productionDate: '2020-01-05', shelfLifeDays: 30, purchaseDate: '2020-01-10' }));
    expect(old.status).toBe(201);
    const kept = await own(purchase({ quantity: 2 }));
    expect(kept.status).toBe(201);
    const before = await count(venue);
    expect(await purgeExpiredLedgers(server.app.ctx)).toBe(1);
    expect(await count(venue)).toBe(before - 1);
    const verify = await server.request<{ ok: boolean; length: number }>(`/v1/venues/${venue}/ledgers/chain/verify`, {
      token: city.otherManager.token,
    });
    expect(verify.body).toEqual({ ok: true, length: before - 1, problems: [] });
  });
});
