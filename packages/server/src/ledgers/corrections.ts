/**
 * Corrections of ledger records, read beside the chain: a correction is a new record whose body names the record it
 * corrects (`corrects: { recordId, reason }`, hashed with it); the corrected record is never changed. What corrects a
 * record is found through the unique index on `body.corrects.recordId` (migration 040), which also keeps a record from
 * being corrected twice.
 */
import type { LedgerCorrectedBy, LedgerKind } from '@brightkitchen/sdk';
import { type RawBuilder, sql } from 'kysely';
import * as v from 'valibot';
import { type CorruptValueLog, type Database, type DialectKind, logCorrupt, readJson } from '../db/index.js';

/** The id a record's body says it corrects (null for a record that corrects nothing), as the index computes it. */
export function correctedIdOf(dialect: DialectKind, table = 'ledger_records'): RawBuilder<string | null> {
  const body = sql.ref(`${table}.body`);
  return dialect === 'sqlite'
    ? sql<string | null>`json_extract(${body}, '$.corrects.recordId')`
    : sql<string | null>`((${body})::jsonb #>> '{corrects,recordId}')`;
}

/** SQL true for a row of `table` that a later record corrects (to leave corrected records out of counts). */
export function isCorrectedSql(dialect: DialectKind, table = 'ledger_records'): RawBuilder<boolean> {
  return sql<boolean>`exists (select 1 from ledger_records as correction where ${correctedIdOf(
    dialect,
    'correction',
  )} = ${sql.ref(`${table}.id`)})`;
}

const CorrectsSchema = v.looseObject({
  corrects: v.looseObject({ recordId: v.string(), reason: v.string() }),
});

/** What corrects each of `ids` that is corrected: by the corrected record's id. A damaged correction is logged. */
export async function correctionsOf(
  { db, dialect }: Database,
  venueId: string,
  ids: readonly string[],
  log: CorruptValueLog,
): Promise<Map<string, LedgerCorrectedBy>> {
  const found = new Map<string, LedgerCorrectedBy>();
  if (ids.length === 0) return found;
  const rows = await db
    .selectFrom('ledger_records')
    .select(['id', 'seq', 'created_at', 'body'])
    .where('venue_id', '=', venueId)
    .where(correctedIdOf(dialect), 'in', [...ids])
    .execute();
  for (const row of rows) {
    const body = readJson(CorrectsSchema, row.body, { table: 'ledger_records', column: 'body', id: row.id });
    if (!body.ok) {
      logCorrupt(log, body.error);
      continue;
    }
    const { recordId, reason } = body.value.corrects;
    found.set(recordId, { recordId: row.id, seq: Number(row.seq), createdAt: row.created_at, reason });
  }
  return found;
}

/** Each listed entry with `correctedBy` when a later record corrects it. */
export async function withCorrections<T extends { readonly id: string }>(
  database: Database,
  venueId: string,
  entries: readonly T[],
  log: CorruptValueLog,
): Promise<(T & { correctedBy?: LedgerCorrectedBy })[]> {
  const corrections = await correctionsOf(
    database,
    venueId,
    entries.map((e) => e.id),
    log,
  );
  return entries.map((entry) => {
    const correctedBy = corrections.get(entry.id);
    return correctedBy ? { ...entry, correctedBy } : entry;
  });
}

/** A record a correction may point at: its kind and whether something corrects it already. */
export interface CorrectionTarget {
  readonly kind: LedgerKind;
  readonly seq: number;
  readonly correctedBySeq?: number;
}

/** The records that `inputs` say they correct, found at the venue (others are missing: refused by `prepareRecord`). */
export async function loadCorrectionTargets(
  database: Database,
  venueId: string,
  inputs: readonly unknown[],
  log: CorruptValueLog,
): Promise<Map<string, CorrectionTarget>> {
  const ids = new Set<string>();
  for (const input of inputs) {
    const corrects = (input as { corrects?: { recordId?: unknown } } | null)?.corrects;
    if (corrects && typeof corrects === 'object' && typeof corrects.recordId === 'string') ids.add(corrects.recordId);
  }
  const targets = new Map<string, CorrectionTarget>();
  if (ids.size === 0) return targets;
  const rows = await database.db
    .selectFrom('ledger_records')
    .select(['id', 'kind', 'seq'])
    .where('venue_id', '=', venueId)
    .where('id', 'in', [...ids])
    .execute();
  const corrections = await correctionsOf(
    database,
    venueId,
    rows.map((r) => r.id),
    log,
  );
  for (const row of rows) {
    const by = corrections.get(row.id);
    targets.set(row.id, {
      kind: row.kind as LedgerKind,
      seq: Number(row.seq),
      ...(by ? { correctedBySeq: by.seq } : {}),
    });
  }
  return targets;
}

/** True for the unique index refusing a second correction of one record (SQLite and PostgreSQL word it differently). */
export function isCorrectionConflict(error: unknown): boolean {
  const e = error as { message?: unknown; constraint?: unknown } | null;
  const text = `${e?.message ?? ''} ${e?.constraint ?? ''}`;
  return text.includes('ledger_records_corrects') || text.includes('$.corrects.recordId');
}
