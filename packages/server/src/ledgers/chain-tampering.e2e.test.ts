/**
 * Tampering with the stored chain, as someone with write access to the database would (rows edited with
 * `server.database.db`), against the real server: each attack the chain once let through is now reported by
 * `GET …/ledgers/chain/verify` with the row at fault, and by the SDK's `verifyChain` on the export.
 */
import { randomUUID } from 'node:crypto';
import {
  type ChainEntryV2,
  type ChainedEntry,
  type ChainProblem,
  chainHeadLeafHash,
  derivedLedgerColumns,
  GENESIS_HASH,
  hashLedgerEntry,
  hashLedgerEntryV2,
  type LedgerExport,
  type LedgerRoot,
  type LedgerRootPage,
  type LedgerRootProof,
  type VenueKind,
  verifyChain,
  verifyMerkleProof,
} from '@brightkitchen/sdk';
import { verifyCheckpoint, verifyLedgerRoot } from '@brightkitchen/sdk/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeSha256Hex, platformSigner } from '../crypto/index.js';
import { type LedgerRecordsTable, toJson } from '../db/index.js';
import { seedTestCity, type TestCity } from '../testing/fixtures.js';
import { morningCheck, purchase } from '../testing/ledger-records.js';
import { DATABASES, startTestServer, type TestServer } from '../testing/test-server.js';
import { checkpointEarlierPurges, loadRuleContext, prepareRecord, purgeExpiredLedgers } from './index.js';
import { chainedEntryOf } from './stored-chain.js';

interface Verification {
  ok: boolean;
  length: number;
  brokenAt?: number;
  reason?: string;
  problems: ChainProblem[];
}

const FEVER = { temperatureC: 38.2 };
/** A warning a forger writes into rows they rewrite (any change re-hashes the row). */
const FORGED_ISSUE = {
  code: 'LEDGER_PURCHASE_NEAR_EXPIRY',
  path: 'shelfLifeDays',
  severity: 'warning',
  message: { zh: '无', en: 'none' },
};
/** Bought in January 2020 with 30 days' shelf life: kept until August 2020, long past. */
const EXPIRED = { productionDate: '2020-01-05', shelfLifeDays: 30, purchaseDate: '2020-01-10' };

/** What a report says of each row: seq, reason and the column at fault. */
const rows = (report: { problems: readonly ChainProblem[] }) =>
  report.problems.map((p) => [p.seq, p.reason, ...(p.column ? [p.column] : [])]);

describe.each(DATABASES)('tampering with the ledger chain on %s', (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(kind);
  });
  afterAll(() => server?.close());

  /** A fresh city per test: its school's chain is the test's own. */
  async function school(records: readonly unknown[]): Promise<{ city: TestCity; venueId: string }> {
    const city = await seedTestCity(server);
    const venueId = city.venues.school;
    for (const body of records) {
      const res = await server.request(`/v1/venues/${venueId}/ledgers`, {
        token: city.manager.token,
        body,
        headers: { 'idempotency-key': randomUUID() },
      });
      expect(res.status).toBe(201);
    }
    return { city, venueId };
  }

  const verify = async (city: TestCity, venueId: string) => {
    const res = await server.request<Verification>(`/v1/venues/${venueId}/ledgers/chain/verify`, {
      token: city.regulator.token,
    });
    expect(res.status).toBe(200);
    return res.body;
  };

  const exported = async (city: TestCity, venueId: string) => {
    const res = await server.request<LedgerExport>(`/v1/venues/${venueId}/ledgers/export`, {
      token: city.regulator.token,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  };

  /** What a partner runs offline on the export: the SDK's verifyChain with the export's own facts. */
  const offline = (exp: LedgerExport, publishedHeads: LedgerRootProof['leaf'][] = []) =>
    verifyChain(exp.records as ChainedEntry[], {
      checkpoints: exp.checkpoints ?? [],
      publishedHeads,
      columns: derivedLedgerColumns({
        timeZone: exp.timeZone ?? 'Asia/Shanghai',
        venueKind: exp.venueKind as VenueKind,
      }),
    });

  const tamper = (venueId: string, seq: number, set: Partial<LedgerRecordsTable>) =>
    server.database.db
      .updateTable('ledger_records')
      .set(set)
      .where('venue_id', '=', venueId)
      .where('seq', '=', seq)
      .execute();

  const records = (venueId: string) =>
    server.database.db
      .selectFrom('ledger_records')
      .selectAll()
      .where('venue_id', '=', venueId)
      .orderBy('seq', 'asc')
      .execute();

  /** A forger's rewrite: rows from `fromSeq` on changed by `change`, each re-hashed and re-linked (v2). */
  async function rewrite(venueId: string, fromSeq: number, change: (entry: ChainedEntry) => Partial<ChainedEntry>) {
    let prevHash: string | undefined;
    for (const row of await records(venueId)) {
      if (Number(row.seq) < fromSeq) {
        prevHash = row.hash;
        continue;
      }
      const entry = chainedEntryOf(row);
      const forged = { ...entry, ...change(entry), prevHash: prevHash ?? entry.prevHash };
      const hash = hashLedgerEntryV2({ ...forged, body: forged.record } as ChainEntryV2, nodeSha256Hex);
      await tamper(venueId, forged.seq, { issues: toJson(forged.issues), prev_hash: forged.prevHash, hash });
      prevHash = hash;
    }
  }

  const publishRoot = async (city: TestCity) => {
    const res = await server.request<LedgerRoot>('/v1/ledger-roots', { method: 'POST', token: city.admin.token });
    expect(res.status).toBe(201);
    return res.body;
  };

  it('writes every new row under hash version 2, and an untouched chain verifies online and offline', async () => {
    const { city, venueId } = await school([purchase(), purchase()]);
    await server.request(`/v1/venues/${venueId}/ledgers`, {
      token: city.manager.token,
      body: morningCheck(city.staff.fit, FEVER),
      headers: { 'idempotency-key': randomUUID() },
    });
    expect(await verify(city, venueId)).toEqual({ ok: true, length: 3, problems: [] });
    const exp = await exported(city, venueId);
    expect(exp.records.map((r) => r.hashVersion)).toEqual([2, 2, 2]);
    expect(exp.records[0]).toMatchObject({ createdBy: city.manager.user.id });
    expect(exp).toMatchObject({ timeZone: 'Asia/Shanghai', venueKind: 'school_canteen', checkpoints: [] });
    expect(offline(exp)).toEqual({ ok: true, length: 3, problems: [] });
  });

  it('finds the oldest rows deleted before their retention day, which verify once passed from a new anchor', async () => {
    const { city, venueId } = await school([purchase(EXPIRED), purchase(EXPIRED), purchase(EXPIRED), purchase()]);
    await server.database.db
      .deleteFrom('ledger_records')
      .where('venue_id', '=', venueId)
      .where('seq', '<=', 2)
      .execute();

    const report = await verify(city, venueId);
    expect(report).toMatchObject({ ok: false, brokenAt: 3, reason: 'seq_gap' });
    expect(report.problems).toEqual([
      { seq: 3, reason: 'seq_gap', detail: 'records 1–2 missing, and no checkpoint covers them' },
    ]);
    expect(rows(offline(await exported(city, venueId)))).toEqual([[3, 'seq_gap']]);
    // Nor does the purge sign for them, though record 3 is past its retention day: the chain breaks before it.
    expect(await purgeExpiredLedgers(server.app.ctx)).toBe(0);
    const checkpoints = server.database.db.selectFrom('ledger_checkpoints').selectAll().where('venue_id', '=', venueId);
    expect(await checkpoints.execute()).toEqual([]);
  });

  it('purges expired rows under a signed checkpoint that verify starts from, and finds rows deleted beyond it', async () => {
    const { city, venueId } = await school([purchase(EXPIRED), purchase(EXPIRED), purchase(), purchase(), purchase()]);
    expect(await purgeExpiredLedgers(server.app.ctx)).toBe(2);
    expect((await records(venueId)).map((r) => Number(r.seq))).toEqual([3, 4, 5]);
    expect(await verify(city, venueId)).toEqual({ ok: true, length: 3, problems: [] });

    const exp = await exported(city, venueId);
    expect(exp.checkpoints).toEqual([
      expect.objectContaining({ venueId, fromSeq: 1, seq: 2, hash: exp.records[0]!.prevHash }),
    ]);
    expect(exp.anchor).toEqual({ seq: 3, prevHash: exp.records[0]!.prevHash });
    const key = (await server.request<LedgerRootPage>('/v1/open/ledger-roots')).body.key;
    expect(verifyCheckpoint(exp.checkpoints![0]!, key.publicKey)).toBe(true);
    expect(offline(exp).ok).toBe(true);

    // Record 3 deleted by hand, beyond the checkpoint.
    await server.database.db
      .deleteFrom('ledger_records')
      .where('venue_id', '=', venueId)
      .where('seq', '=', 3)
      .execute();
    expect((await verify(city, venueId)).problems).toEqual([
      { seq: 4, reason: 'seq_gap', detail: 'record 3 missing, and no checkpoint covers them' },
    ]);
    expect(rows(offline(await exported(city, venueId)))).toEqual([[4, 'seq_gap']]);

    // A checkpoint written without the platform key covers nothing.
    await server.database.db
      .insertInto('ledger_checkpoints')
      .values({
        venue_id: venueId,
        from_seq: 3,
        seq: 3,
        hash: (await records(venueId))[0]!.prev_hash,
        purged_at: new Date().toISOString(),
        signature: Buffer.alloc(64).toString('base64'),
      })
      .execute();
    expect(rows(await verify(city, venueId))).toEqual([
      [3, 'checkpoint_mismatch'],
      [4, 'seq_gap'],
    ]);
  });

  it('keeps a venue’s last record though it expired, so that the next continues the chain', async () => {
    const { city, venueId } = await school([purchase(EXPIRED), purchase(EXPIRED)]);
    expect(await purgeExpiredLedgers(server.app.ctx)).toBe(1);
    expect((await records(venueId)).map((r) => Number(r.seq))).toEqual([2]);
    const next = await server.request<{ record: { seq: number } }>(`/v1/venues/${venueId}/ledgers`, {
      token: city.manager.token,
      body: purchase(),
      headers: { 'idempotency-key': randomUUID() },
    });
    expect(next.body.record.seq).toBe(3);
    expect(await purgeExpiredLedgers(server.app.ctx)).toBe(1);
    expect(await verify(city, venueId)).toEqual({ ok: true, length: 1, problems: [] });
    const checkpoints = await server.database.db
      .selectFrom('ledger_checkpoints')
      .select(['from_seq', 'seq'])
      .where('venue_id', '=', venueId)
      .orderBy('seq')
      .execute();
    expect(checkpoints.map((c) => [Number(c.from_seq), Number(c.seq)])).toEqual([
      [1, 1],
      [2, 2],
    ]);
  });

  it('signs no purge for a row whose retention day was moved into the past, and names the row', async () => {
    const { city, venueId } = await school([purchase(), purchase()]);
    await tamper(venueId, 1, { retain_until: '2001-01-01' });
    expect(await purgeExpiredLedgers(server.app.ctx)).toBe(0);
    expect((await records(venueId)).length).toBe(2);
    expect(rows(await verify(city, venueId))).toEqual([
      [1, 'hash_mismatch'],
      [1, 'column_mismatch', 'retainUntil'],
    ]);
  });

  it('finds a fever warning removed from a row’s stored issues', async () => {
    const { city, venueId } = await school([purchase()]);
    const fever = await server.request<{ record: { seq: number; issues: { code: string }[] } }>(
      `/v1/venues/${venueId}/ledgers`,
      {
        token: city.manager.token,
        body: morningCheck(city.staff.fit, FEVER),
        headers: { 'idempotency-key': randomUUID() },
      },
    );
    expect(fever.body.record.issues.map((i) => i.code)).toContain('LEDGER_MORNING_FEVER');
    await server.request(`/v1/venues/${venueId}/ledgers`, {
      token: city.manager.token,
      body: purchase(),
      headers: { 'idempotency-key': randomUUID() },
    });
    await tamper(venueId, 2, { issues: '[]' });
    const report = await verify(city, venueId);
    expect(report).toMatchObject({ ok: false, brokenAt: 2, reason: 'hash_mismatch' });
    expect(rows(report)).toEqual([[2, 'hash_mismatch']]);
    expect(rows(offline(await exported(city, venueId)))).toEqual([[2, 'hash_mismatch']]);
  });

  it('finds a record moved to 2019, by its hash and by the record’s own day', async () => {
    const { city, venueId } = await school([purchase(), purchase(), purchase()]);
    await tamper(venueId, 2, { local_day: '2019-06-01' });
    const report = await verify(city, venueId);
    expect(rows(report)).toEqual([
      [2, 'hash_mismatch'],
      [2, 'column_mismatch', 'localDay'],
    ]);
    expect(report.problems[1]!.detail).toContain('2019-06-01');
    expect(rows(offline(await exported(city, venueId)))).toEqual(rows(report));
  });

  it('finds an edited kind, retention day, author or time, each at its row', async () => {
    const { city, venueId } = await school([purchase(), purchase(), purchase(), purchase(), purchase()]);
    await tamper(venueId, 1, { kind: 'morning_check' });
    await tamper(venueId, 2, { retain_until: '2099-12-31' });
    await tamper(venueId, 3, { created_by: city.staffer.user.id });
    await tamper(venueId, 4, { created_at: '2019-01-01T00:00:00.000Z' });
    expect(rows(await verify(city, venueId))).toEqual([
      [1, 'hash_mismatch'],
      [1, 'column_mismatch', 'kind'],
      [2, 'hash_mismatch'],
      [3, 'hash_mismatch'],
      [4, 'hash_mismatch'],
    ]);
  });

  it('finds the last row rewritten and re-hashed, against the published root, online and by anyone holding it', async () => {
    const { city, venueId } = await school([purchase(), purchase(), purchase()]);
    const root = await publishRoot(city);
    await rewrite(venueId, 3, () => ({ issues: [FORGED_ISSUE] }));
    // Hashes and links hold: only the published head tells.
    expect(rows(await verify(city, venueId))).toEqual([[3, 'head_mismatch']]);

    // Anyone: the root from open data, its signature, the venue's inclusion proof, then the chain against the head.
    const page = (await server.request<LedgerRootPage>('/v1/open/ledger-roots')).body;
    const held = page.items.find((r) => r.seq === root.seq)!;
    expect(verifyLedgerRoot(held, page.key.publicKey)).toBe(true);
    const proof = (await server.request<LedgerRootProof>(`/v1/open/ledger-roots/${root.seq}/proofs/${venueId}`)).body;
    expect(proof.leaf).toMatchObject({ venueId, seq: 3 });
    expect(proof.proof.size).toBe(held.size);
    expect(verifyMerkleProof(chainHeadLeafHash(proof.leaf), proof.proof, held.root)).toBe(true);
    expect(rows(offline(await exported(city, venueId), [proof.leaf]))).toEqual([[3, 'head_mismatch']]);
  });

  it('finds a row and every row after it rewritten and re-linked, and the last rows deleted', async () => {
    const { city, venueId } = await school([purchase(), purchase(), purchase(), purchase()]);
    await publishRoot(city);
    await rewrite(venueId, 2, () => ({ issues: [FORGED_ISSUE] }));
    expect(rows(await verify(city, venueId))).toEqual([[4, 'head_mismatch']]);

    const other = await school([purchase(), purchase(), purchase()]);
    await publishRoot(other.city);
    await server.database.db
      .deleteFrom('ledger_records')
      .where('venue_id', '=', other.venueId)
      .where('seq', '=', 3)
      .execute();
    const report = await verify(other.city, other.venueId);
    expect(report.problems).toEqual([
      { seq: 3, reason: 'head_mismatch', detail: 'the chain ends at 2, before record 3 that a root published' },
    ]);
  });

  it('finds a published root whose stored heads were rewritten to match a rewritten chain', async () => {
    const { city, venueId } = await school([purchase(), purchase()]);
    const root = await publishRoot(city);
    await rewrite(venueId, 2, () => ({ issues: [FORGED_ISSUE] }));
    const head = (await records(venueId))[1]!;
    await server.database.db
      .updateTable('ledger_root_leaves')
      .set({ hash: head.hash })
      .where('root_seq', '=', root.seq)
      .where('venue_id', '=', venueId)
      .execute();
    const report = await verify(city, venueId);
    expect(rows(report)).toEqual([[2, 'head_mismatch']]);
    expect(report.problems[0]!.detail).toBe(`root ${root.seq}'s stored heads no longer recompute to it`);
    // The proof served from the rewritten leaves no longer leads to the root anyone holds.
    const proof = (await server.request<LedgerRootProof>(`/v1/open/ledger-roots/${root.seq}/proofs/${venueId}`)).body;
    expect(verifyMerkleProof(chainHeadLeafHash(proof.leaf), proof.proof, root.root)).toBe(false);
  });
});

describe.each(DATABASES)('chains written before hash version 2 on %s', (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(kind);
  });
  afterAll(() => server?.close());

  /** Rows as the server wrote them before version 2: validated the same way, hashed with `hashLedgerEntry`. */
  async function oldChain(city: TestCity, inputs: readonly unknown[]) {
    const { database } = server;
    const venueId = city.venues.school;
    const venue = await database.db
      .selectFrom('venues')
      .selectAll()
      .where('id', '=', venueId)
      .executeTakeFirstOrThrow();
    const profile = await server.app.ctx.profiles.profileOfVenue(venue);
    const ctx = await loadRuleContext(database, venue, inputs, profile, () => {});
    let prevHash = GENESIS_HASH;
    for (const [i, input] of inputs.entries()) {
      const prepared = prepareRecord(input, ctx, new Date());
      if (!prepared.ok) throw new Error(JSON.stringify(prepared.issues));
      const seq = i + 1;
      const createdAt = new Date(Date.now() - (inputs.length - i) * 1000).toISOString();
      const { record } = prepared;
      const hash = hashLedgerEntry(
        { venueId, seq, prevHash, kind: record.kind, body: record, createdAt },
        nodeSha256Hex,
      );
      await database.db
        .insertInto('ledger_records')
        .values({
          id: `led_old_${randomUUID()}`,
          venue_id: venueId,
          seq,
          kind: record.kind,
          local_day: prepared.localDay,
          body: toJson(record),
          issues: prepared.issues.length === 0 ? '[]' : toJson(prepared.issues),
          hash,
          prev_hash: prevHash,
          idempotency_key: randomUUID(),
          request_hash: nodeSha256Hex(toJson(input)),
          created_by: city.manager.user.id,
          created_at: createdAt,
          retain_until: prepared.retainUntil,
          hash_version: 1,
        })
        .execute();
      prevHash = hash;
    }
    return venueId;
  }

  const verify = async (city: TestCity, venueId: string) =>
    (await server.request<Verification>(`/v1/venues/${venueId}/ledgers/chain/verify`, { token: city.regulator.token }))
      .body;
  const tamper = (venueId: string, seq: number, set: Partial<LedgerRecordsTable>) =>
    server.database.db
      .updateTable('ledger_records')
      .set(set)
      .where('venue_id', '=', venueId)
      .where('seq', '=', seq)
      .execute();

  it('still verifies, continued by version 2 rows, online and offline', async () => {
    const city = await seedTestCity(server);
    const venueId = await oldChain(city, [purchase(), morningCheck(city.staff.fit, FEVER), purchase()]);
    const next = await server.request(`/v1/venues/${venueId}/ledgers`, {
      token: city.manager.token,
      body: purchase(),
      headers: { 'idempotency-key': randomUUID() },
    });
    expect(next.status).toBe(201);
    expect(await verify(city, venueId)).toEqual({ ok: true, length: 4, problems: [] });
    const exp = (
      await server.request<LedgerExport>(`/v1/venues/${venueId}/ledgers/export`, { token: city.manager.token })
    ).body;
    expect(exp.records.map((r) => r.hashVersion)).toEqual([1, 1, 1, 2]);
    const columns = derivedLedgerColumns({ timeZone: exp.timeZone!, venueKind: exp.venueKind as VenueKind });
    expect(verifyChain(exp.records as ChainedEntry[], { columns }).ok).toBe(true);
  });

  it('checks the columns a version 1 hash leaves out against the record: warnings, day and retention day', async () => {
    const city = await seedTestCity(server);
    const venueId = await oldChain(city, [purchase(), morningCheck(city.staff.fit, FEVER), purchase(), purchase()]);
    await tamper(venueId, 2, { issues: '[]' });
    await tamper(venueId, 3, { local_day: '2019-06-01' });
    await tamper(venueId, 4, { retain_until: '2001-01-01' });
    const report = await verify(city, venueId);
    expect(rows(report)).toEqual([
      [2, 'column_mismatch', 'issues'],
      [3, 'column_mismatch', 'localDay'],
      [4, 'column_mismatch', 'retainUntil'],
    ]);
    expect(report.problems[0]!.detail).toContain('LEDGER_MORNING_FEVER');
    // The edited retention day earns no purge either.
    expect(await purgeExpiredLedgers(server.app.ctx)).toBe(0);
  });

  it('keeps verifying chains the earlier, unsigned purge left with gaps, once their gaps are signed at migration', async () => {
    const city = await seedTestCity(server);
    const venueId = await oldChain(city, [purchase(), purchase(), purchase(), purchase(), purchase()]);
    const drop = (seqs: number[]) =>
      server.database.db
        .deleteFrom('ledger_records')
        .where('venue_id', '=', venueId)
        .where('seq', 'in', seqs)
        .execute();
    await drop([1, 2, 4]);
    expect(rows(await verify(city, venueId))).toEqual([
      [3, 'seq_gap'],
      [5, 'seq_gap'],
    ]);
    await checkpointEarlierPurges(server.database, platformSigner(server.config.ledgerSigningKey));
    expect(await verify(city, venueId)).toEqual({ ok: true, length: 2, problems: [] });
  });
});
