/**
 * Corrections: a new record that names the one it corrects and why. The corrected record stays as it was (the chain is
 * append-only and verifies), lists and the record's own page mark it corrected with a link to its correction, today's
 * counts and the morning-check verdict take the correction in its place, and a record is corrected once.
 */
import { randomUUID } from 'node:crypto';
import { type LedgerListEntry, type LedgersToday, NATIONAL_PROFILE, type StaffOnDay } from '@brightkitchen/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedTestCity, type TestCity } from '../testing/fixtures.js';
import { morningCheck, purchase } from '../testing/ledger-records.js';
import { DATABASES, startTestServer, type TestServer } from '../testing/test-server.js';
import { isCorrectionConflict } from './corrections.js';
import { appendLedgerRecords, loadRuleContext, prepareRecord, requestHash } from './index.js';

interface WriteAnswer {
  record: LedgerListEntry;
}
interface ErrorAnswer {
  code: string;
  details?: { issues: { code: string; path: string; message: { zh: string } }[] };
}

const key = () => `corr-${randomUUID()}`;

describe.each(DATABASES)('ledger corrections on %s', (kind) => {
  let server: TestServer;
  let city: TestCity;
  let path: string;

  beforeAll(async () => {
    server = await startTestServer(kind);
    city = await seedTestCity(server);
    path = `/v1/venues/${city.venues.school}/ledgers`;
  });
  afterAll(() => server?.close());

  const write = <T = WriteAnswer>(body: unknown, idempotencyKey = key(), token = city.staffer.token) =>
    server.request<T>(path, { token, body, headers: { 'idempotency-key': idempotencyKey } });
  const count = async () =>
    Number(
      (
        await server.database.db
          .selectFrom('ledger_records')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('keeps the feverish check, marks it corrected, and judges the cook by the correction', async () => {
    const fever = await write(morningCheck(city.staff.fit, { temperatureC: 38.5 }));
    expect(fever.status).toBe(201);
    const original = fever.body.record;
    const unfitBefore = await server.request<{ items: StaffOnDay[] }>(
      `/v1/venues/${city.venues.school}/staff?date=${original.localDay}`,
      { token: city.manager.token },
    );
    expect(unfitBefore.body.items.find((s) => s.id === city.staff.fit)?.unfit).toBe(true);

    const correction = await write(
      morningCheck(city.staff.fit, {
        temperatureC: 36.5,
        corrects: { recordId: original.id, reason: '体温误录为 38.5，实测 36.5' },
      }),
    );
    expect(correction.status).toBe(201);
    expect(correction.body.record.record.corrects).toEqual({
      recordId: original.id,
      reason: '体温误录为 38.5，实测 36.5',
    });

    // The original is unchanged and says what corrected it, in the list and on its own.
    const one = await server.request<LedgerListEntry>(`${path}/${original.id}`, { token: city.manager.token });
    expect(one.status).toBe(200);
    expect(one.body.record).toEqual(original.record);
    expect(one.body.hash).toBe(original.hash);
    expect(one.body.correctedBy).toMatchObject({
      recordId: correction.body.record.id,
      seq: correction.body.record.seq,
      reason: '体温误录为 38.5，实测 36.5',
    });
    const list = await server.request<{ items: LedgerListEntry[] }>(`${path}?kind=morning_check`, {
      token: city.regulator.token,
    });
    const listed = new Map(list.body.items.map((e) => [e.id, e]));
    expect(listed.get(original.id)?.correctedBy?.recordId).toBe(correction.body.record.id);
    expect(listed.get(correction.body.record.id)?.correctedBy).toBeUndefined();

    // Today: one check for the cook (the correction), and fit again.
    const today = await server.request<LedgersToday>(`${path}/today`, { token: city.manager.token });
    expect(today.body.kinds.morning_check).toMatchObject({ done: 1, fit: 1 });
    const unfitAfter = await server.request<{ items: StaffOnDay[] }>(
      `/v1/venues/${city.venues.school}/staff?date=${original.localDay}`,
      { token: city.manager.token },
    );
    expect(unfitAfter.body.items.find((s) => s.id === city.staff.fit)?.unfit).toBe(false);

    // The chain holds both, and verifies.
    const verify = await server.request<{ ok: boolean }>(`${path}/chain/verify`, { token: city.manager.token });
    expect(verify.body.ok).toBe(true);
  });

  it('corrects a record once: the next correction must correct the latest version', async () => {
    const first = await write(purchase({ quantity: 40 }));
    const fix = await write(
      purchase({ quantity: 4, corrects: { recordId: first.body.record.id, reason: '多录一个 0' } }),
    );
    expect(fix.status).toBe(201);
    const before = await count();
    const again = await write<ErrorAnswer>(
      purchase({ quantity: 5, corrects: { recordId: first.body.record.id, reason: '再改' } }),
    );
    expect(again.status).toBe(422);
    expect(again.body.details?.issues[0]).toMatchObject({
      code: 'LEDGER_CORRECTION_INVALID',
      path: 'corrects.recordId',
    });
    expect(again.body.details?.issues[0]?.message.zh).toContain('已被更正');
    expect(await count()).toBe(before);
    // The correction of the correction is fine.
    const latest = await write(purchase({ quantity: 5, corrects: { recordId: fix.body.record.id, reason: '再改' } }));
    expect(latest.status).toBe(201);
  });

  it('replays a correction sent again with its key (not refused as already corrected)', async () => {
    const first = await write(purchase({ quantity: 7 }));
    const body = purchase({ quantity: 8, corrects: { recordId: first.body.record.id, reason: '数量有误' } });
    const k = key();
    const sent = await write(body, k);
    const replay = await write(body, k);
    expect([sent.status, replay.status]).toEqual([201, 200]);
    expect(replay.body.record.id).toBe(sent.body.record.id);
  });

  it('refuses in one batch a second correction of the same record', async () => {
    const first = await write(purchase({ quantity: 9 }));
    const batch = await server.request<{ results: { status: number }[] }>(`${path}/batch`, {
      token: city.staffer.token,
      body: {
        records: [
          { idempotencyKey: key(), record: purchase({ corrects: { recordId: first.body.record.id, reason: '一' } }) },
          { idempotencyKey: key(), record: purchase({ corrects: { recordId: first.body.record.id, reason: '二' } }) },
        ],
      },
    });
    expect(batch.body.results.map((r) => r.status)).toEqual([201, 422]);
  });

  it('refuses a correction of another venue’s record, of another kind, or without a reason, storing nothing', async () => {
    const mine = await write(purchase());
    const theirs = await server.request<WriteAnswer>(`/v1/venues/${city.venues.restaurant}/ledgers`, {
      token: city.otherManager.token,
      body: purchase(),
      headers: { 'idempotency-key': key() },
    });
    expect(theirs.status).toBe(201);
    const before = await count();
    const other = await write<ErrorAnswer>(
      purchase({ corrects: { recordId: theirs.body.record.id, reason: '改别人的' } }),
    );
    expect(other.status).toBe(400);
    expect(other.body.details?.issues[0]).toMatchObject({ code: 'FIELD_NOT_FOUND', path: 'corrects.recordId' });
    const kindMismatch = await write<ErrorAnswer>(
      morningCheck(city.staff.fit, { corrects: { recordId: mine.body.record.id, reason: '类型不同' } }),
    );
    expect(kindMismatch.status).toBe(422);
    expect(kindMismatch.body.details?.issues[0]?.message.zh).toContain('同一种台账');
    const blank = await write<ErrorAnswer>(purchase({ corrects: { recordId: mine.body.record.id, reason: ' ' } }));
    expect(blank.status).toBeGreaterThanOrEqual(400);
    expect(blank.body.details?.issues.map((i) => i.path)).toContain('corrects.reason');
    expect(await count()).toBe(before);
  });

  it('holds two corrections written at once to one stored correction (the unique index)', async () => {
    const first = await write(purchase({ quantity: 11 }));
    const results = await Promise.all(
      [1, 2, 3].map((n) =>
        write<ErrorAnswer>(
          purchase({ quantity: n, corrects: { recordId: first.body.record.id, reason: `第 ${n} 次` } }),
        ),
      ),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    for (const r of results.filter((x) => x.status !== 201)) {
      expect(['LEDGER_CORRECTION_INVALID', 'LEDGER_ALREADY_CORRECTED']).toContain(
        r.body.code === 'LEDGER_RULE_VIOLATION' ? r.body.details?.issues[0]?.code : r.body.code,
      );
    }
  });

  it('lets the database refuse a second correction checked before the first was stored', async () => {
    const first = await write(purchase({ quantity: 12 }));
    const venue = await server.database.db
      .selectFrom('venues')
      .selectAll()
      .where('id', '=', city.venues.school)
      .executeTakeFirstOrThrow();
    const now = new Date();
    const prepared = async (reason: string) => {
      const input = purchase({ corrects: { recordId: first.body.record.id, reason } });
      const ctx = await loadRuleContext(server.database, venue, [input], NATIONAL_PROFILE, () => {});
      return { idempotencyKey: key(), requestHash: requestHash(input), prepared: prepareRecord(input, ctx, now) };
    };
    // Both checked first, as two requests arriving together would be.
    const [one, two] = [await prepared('一'), await prepared('二')];
    expect([one.prepared.ok, two.prepared.ok]).toEqual([true, true]);
    await appendLedgerRecords(server.database, venue.id, 'test', [one], now);
    const before = await count();
    const refused = await appendLedgerRecords(server.database, venue.id, 'test', [two], now).catch((e: unknown) => e);
    expect(isCorrectionConflict(refused)).toBe(true);
    expect(await count()).toBe(before);
  });

  it('answers 404 for a record of another venue on the one-record route', async () => {
    const theirs = await server.request<WriteAnswer>(`/v1/venues/${city.venues.restaurant}/ledgers`, {
      token: city.otherManager.token,
      body: purchase(),
      headers: { 'idempotency-key': key() },
    });
    const res = await server.request(`${path}/${theirs.body.record.id}`, { token: city.manager.token });
    expect(res.status).toBe(404);
  });
});
