import { describe, expect, it } from 'vitest';
import type { MorningCheckRecord } from '../domain/ledger.js';
import { ledgerRecordDay } from '../rules/ledger/record-day.js';
import { retentionUntil } from '../rules/ledger/retention.js';
import { validateLedger } from '../rules/ledger/validate.js';
import {
  type ChainCheckpoint,
  type ChainEntryV2,
  type ChainedEntry,
  derivedLedgerColumns,
  GENESIS_HASH,
  hashLedgerEntry,
  hashLedgerEntryV2,
  verifyChain,
} from './index.js';

const TZ = 'Asia/Shanghai';
const columns = derivedLedgerColumns({ timeZone: TZ });

function check(day: number, temperatureC = 36.5): MorningCheckRecord {
  return {
    kind: 'morning_check',
    staffId: 'stf_1',
    time: `2024-05-${String(day).padStart(2, '0')}T07:30:00+08:00`,
    temperatureC,
    symptoms: [],
    handCheckOk: true,
    uniformOk: true,
    checker: '王经理',
  };
}

/** A chain as the server writes it: `versions[i]` is record i+1's hash version; every third staff member has a fever. */
function chain(versions: readonly (1 | 2)[]): ChainedEntry[] {
  const out: ChainedEntry[] = [];
  let prevHash = GENESIS_HASH;
  versions.forEach((version, i) => {
    const seq = i + 1;
    const record = check(seq, seq % 3 === 0 ? 38.2 : 36.5);
    const createdAt = `2024-05-${String(seq).padStart(2, '0')}T00:00:00.000Z`;
    const fields = {
      id: `led_${seq}`,
      venueId: 'ven_1',
      seq,
      prevHash,
      kind: record.kind,
      createdAt,
      localDay: ledgerRecordDay(record, TZ),
      issues: validateLedger(record, { timeZone: TZ, now: createdAt }).issues,
      retainUntil: retentionUntil(record, undefined, TZ),
      createdBy: 'usr_1',
    };
    const hash =
      version === 2 ? hashLedgerEntryV2({ ...fields, body: record }) : hashLedgerEntry({ ...fields, body: record });
    out.push({ ...fields, record, hash, ...(version === 2 ? { hashVersion: 2 } : {}) });
    prevHash = hash;
  });
  return out;
}

const V2 = [2, 2, 2, 2, 2, 2] as const;
const V1 = [1, 1, 1, 1, 1, 1] as const;
const edit = (entries: ChainedEntry[], seq: number, patch: Partial<ChainedEntry>) =>
  entries.map((e) => (e.seq === seq ? { ...e, ...patch } : e));
const reasons = (entries: ChainedEntry[], options = {}) =>
  verifyChain(entries, { columns, ...options }).problems.map((p) => [p.seq, p.reason, p.column].filter(Boolean));

describe('verifyChain of version 2 records', () => {
  it('accepts v2, v1 and a v1 chain continued in v2, columns checked', () => {
    expect(verifyChain(chain(V2), { columns })).toEqual({ ok: true, length: 6, problems: [] });
    expect(verifyChain(chain(V1), { columns }).ok).toBe(true);
    expect(verifyChain(chain([1, 1, 1, 2, 2, 2]), { columns }).ok).toBe(true);
  });

  it('finds an edited issue list, day, retention day, author or kind through the hash, and names the row', () => {
    const records = chain(V2);
    const fever = records[2]!;
    expect((fever.issues as unknown[]).length).toBeGreaterThan(0);
    expect(reasons(edit(records, 3, { issues: [] }))).toEqual([[3, 'hash_mismatch']]);
    expect(reasons(edit(records, 2, { localDay: '2019-05-02' }))).toEqual([
      [2, 'hash_mismatch'],
      [2, 'column_mismatch', 'localDay'],
    ]);
    expect(reasons(edit(records, 4, { retainUntil: '2020-01-01' }))).toEqual([
      [4, 'hash_mismatch'],
      [4, 'column_mismatch', 'retainUntil'],
    ]);
    expect(reasons(edit(records, 5, { createdBy: 'usr_2' }))).toEqual([[5, 'hash_mismatch']]);
    expect(reasons(edit(records, 5, { kind: 'purchase_inspection' as never }))).toEqual([
      [5, 'hash_mismatch'],
      [5, 'column_mismatch', 'kind'],
    ]);
  });

  it('finds the columns of version 1 records that their hash leaves out by deriving them', () => {
    const records = chain(V1);
    const report = verifyChain(edit(records, 3, { issues: [] }), { columns });
    expect(report).toMatchObject({ ok: false, brokenAt: 3, reason: 'column_mismatch' });
    expect(report.problems[0]).toMatchObject({
      column: 'issues',
      detail: expect.stringContaining('LEDGER_MORNING_FEVER'),
    });
    expect(reasons(edit(records, 2, { localDay: '2019-05-02' }))).toEqual([[2, 'column_mismatch', 'localDay']]);
    expect(reasons(edit(records, 4, { retainUntil: '2020-01-01' }))).toEqual([[4, 'column_mismatch', 'retainUntil']]);
    // Kept longer than the rules ask is no tampering.
    expect(reasons(edit(records, 4, { retainUntil: '2099-01-01' }))).toEqual([]);
  });

  it('reports every row that does not hold, not only the first', () => {
    const records = edit(edit(chain(V2), 2, { issues: [{ code: 'x' }] }), 5, { record: check(1) });
    expect(reasons(records)).toEqual([
      [2, 'hash_mismatch'],
      [5, 'hash_mismatch'],
      [5, 'column_mismatch', 'localDay'],
    ]);
  });
});

describe('verifyChain with checkpoints', () => {
  const records = chain(V2);
  const cp = (fromSeq: number, seq: number, hash = records[seq - 1]!.hash): ChainCheckpoint => ({
    venueId: 'ven_1',
    fromSeq,
    seq,
    hash,
    purgedAt: '2026-05-01T00:00:00.000Z',
  });

  it('accepts records purged under checkpoints, in one purge or several', () => {
    expect(verifyChain(records.slice(3), { checkpoints: [cp(1, 3)] }).ok).toBe(true);
    expect(verifyChain(records.slice(3), { checkpoints: [cp(1, 1), cp(2, 3)] }).ok).toBe(true);
    expect(verifyChain([], { checkpoints: [cp(1, 6)] }).ok).toBe(true);
  });

  it('finds oldest rows deleted without a checkpoint, or beyond it', () => {
    expect(verifyChain(records.slice(3))).toMatchObject({
      ok: false,
      brokenAt: 4,
      reason: 'seq_gap',
      problems: [{ seq: 4, reason: 'seq_gap', detail: 'records 1–3 missing, and no checkpoint covers them' }],
    });
    expect(verifyChain(records.slice(4), { checkpoints: [cp(1, 3)] })).toMatchObject({
      ok: false,
      problems: [{ seq: 5, reason: 'seq_gap', detail: 'record 4 missing, and no checkpoint covers them' }],
    });
    expect(verifyChain([...records.slice(0, 2), ...records.slice(4)], { checkpoints: [cp(1, 1)] }).problems).toEqual([
      expect.objectContaining({ seq: 5, reason: 'seq_gap' }),
    ]);
  });

  it('finds rows after a checkpoint that do not continue from it', () => {
    expect(verifyChain(records.slice(3), { checkpoints: [cp(1, 3, 'f'.repeat(64))] }).problems).toEqual([
      expect.objectContaining({ seq: 4, reason: 'checkpoint_mismatch' }),
    ]);
  });
});

describe('verifyChain against published heads', () => {
  const records = chain(V2);
  const head = { venueId: 'ven_1', seq: 5, hash: records[4]!.hash };

  it('accepts a chain that still holds the published head, also when it was purged under a checkpoint', () => {
    expect(verifyChain(records, { publishedHeads: [head] }).ok).toBe(true);
    const checkpoint = { venueId: 'ven_1', fromSeq: 1, seq: 5, hash: head.hash, purgedAt: '2026-01-01T00:00:00Z' };
    expect(verifyChain(records.slice(5), { publishedHeads: [head], checkpoints: [checkpoint] }).ok).toBe(true);
  });

  it('finds the last rows deleted', () => {
    expect(verifyChain(records.slice(0, 4), { publishedHeads: [head] })).toMatchObject({
      ok: false,
      problems: [
        { seq: 5, reason: 'head_mismatch', detail: 'the chain ends at 4, before record 5 that a root published' },
      ],
    });
  });

  it('finds a row and all after it rewritten and re-hashed, which links alone cannot', () => {
    const rewritten: ChainedEntry[] = records.slice(0, 2);
    for (const original of records.slice(2)) {
      const prev = rewritten[rewritten.length - 1]!;
      const forged = { ...original, prevHash: prev.hash, issues: [] };
      rewritten.push({ ...forged, hash: hashLedgerEntryV2({ ...forged, body: forged.record } as ChainEntryV2) });
    }
    expect(verifyChain(rewritten).ok).toBe(true);
    expect(verifyChain(rewritten, { publishedHeads: [head] }).problems).toEqual([
      expect.objectContaining({ seq: 5, reason: 'head_mismatch' }),
    ]);
  });
});
