/**
 * Tips and consumer alerts: written by a regulator for a region with a validity period, withdrawn once. Times are
 * ISO instants (UTC, `toISOString`), so text comparison is time order on both databases.
 */
import {
  type PublicTip,
  TIP_VALIDITY_MAX_DAYS,
  type Tip,
  type TipInput,
  type TipKind,
  type TipState,
  tipState,
} from '@brightkitchen/sdk';
import { type RawBuilder, sql } from 'kysely';
import { type Database, newId, type TipsTable } from '../db/index.js';
import { AppError } from '../errors/index.js';

const DAY_MS = 86_400_000;

/** A tip row with its region's name. */
export type TipRow = TipsTable & { region_name: string };

/** Throws TIP_VALIDITY_INVALID (ends before it starts, too long) or TIP_VALIDITY_PAST (already over). */
export function assertValidity(input: Pick<TipInput, 'validFrom' | 'validUntil'>, now: Date): void {
  const from = Date.parse(input.validFrom);
  const until = Date.parse(input.validUntil);
  if (!(until > from) || until - from > TIP_VALIDITY_MAX_DAYS * DAY_MS) {
    throw new AppError('TIP_VALIDITY_INVALID', { validFrom: input.validFrom, validUntil: input.validUntil });
  }
  if (until <= now.getTime()) throw new AppError('TIP_VALIDITY_PAST', { now: now.toISOString() });
}

export function toTip(row: TipRow, delivered: number, now: number = Date.now()): Tip {
  const withdrawnAt = row.withdrawn_at ?? undefined;
  return {
    id: row.id,
    regionId: row.region_id,
    regionName: row.region_name,
    kind: row.kind as TipKind,
    title: row.title,
    body: row.body,
    ...(row.link ? { link: row.link } : {}),
    validFrom: row.valid_from,
    validUntil: row.valid_until,
    createdAt: row.created_at,
    ...(withdrawnAt ? { withdrawnAt } : {}),
    ...(row.withdraw_reason ? { withdrawReason: row.withdraw_reason } : {}),
    state: tipState({ validFrom: row.valid_from, validUntil: row.valid_until, withdrawnAt }, now),
    delivered,
  };
}

export function toPublicTip(row: TipRow): PublicTip {
  return {
    id: row.id,
    kind: row.kind as TipKind,
    title: row.title,
    body: row.body,
    ...(row.link ? { link: row.link } : {}),
    validFrom: row.valid_from,
    validUntil: row.valid_until,
    regionId: row.region_id,
    regionName: row.region_name,
  };
}

/** Normalizes an instant to `toISOString` form (what the columns compare as text). */
const iso = (instant: string) => new Date(instant).toISOString();

export async function createTip(
  { db }: Database,
  o: { readonly input: TipInput; readonly createdBy: string; readonly now: Date },
): Promise<TipRow> {
  const region = await db.selectFrom('regions').select('name').where('id', '=', o.input.regionId).executeTakeFirst();
  if (!region) throw new AppError('REGION_NOT_FOUND', { regionId: o.input.regionId });
  assertValidity(o.input, o.now);
  const row: TipsTable = {
    id: newId('tip'),
    region_id: o.input.regionId,
    kind: o.input.kind,
    title: o.input.title,
    body: o.input.body,
    link: o.input.link ?? null,
    valid_from: iso(o.input.validFrom),
    valid_until: iso(o.input.validUntil),
    created_by: o.createdBy,
    created_at: o.now.toISOString(),
    withdrawn_at: null,
    withdraw_reason: null,
    notify_claimed_at: null,
  };
  await db.insertInto('tips').values(row).execute();
  return { ...row, region_name: region.name };
}

export async function loadTip({ db }: Database, id: string): Promise<TipRow> {
  const row = await db
    .selectFrom('tips')
    .innerJoin('regions', 'regions.id', 'tips.region_id')
    .selectAll('tips')
    .select('regions.name as region_name')
    .where('tips.id', '=', id)
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

/** Withdraws it once (compare-and-set on `withdrawn_at`); a second withdrawal is TIP_ALREADY_WITHDRAWN. */
export async function withdrawTip(
  database: Database,
  row: TipRow,
  reason: string | undefined,
  now: Date,
): Promise<TipRow> {
  const at = now.toISOString();
  const done = await database.db
    .updateTable('tips')
    .set({ withdrawn_at: at, withdraw_reason: reason ?? null })
    .where('id', '=', row.id)
    .where('withdrawn_at', 'is', null)
    .executeTakeFirst();
  if (Number(done.numUpdatedRows) === 0) {
    const current = await loadTip(database, row.id);
    throw new AppError('TIP_ALREADY_WITHDRAWN', { withdrawnAt: current.withdrawn_at });
  }
  return { ...row, withdrawn_at: at, withdraw_reason: reason ?? null };
}

/** A WHERE condition for the state at `now` (an ISO instant). */
export function stateSql(state: TipState, now: string): RawBuilder<boolean> {
  switch (state) {
    case 'withdrawn':
      return sql<boolean>`tips.withdrawn_at is not null`;
    case 'scheduled':
      return sql<boolean>`tips.withdrawn_at is null and tips.valid_from > ${now}`;
    case 'expired':
      return sql<boolean>`tips.withdrawn_at is null and tips.valid_until <= ${now}`;
    case 'in_force':
      return sql<boolean>`tips.withdrawn_at is null and tips.valid_from <= ${now} and tips.valid_until > ${now}`;
  }
}

/** Delivered subscribe messages of each of the given tips. */
export async function deliveredCounts({ db }: Database, tipIds: readonly string[]): Promise<Map<string, number>> {
  if (tipIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('tip_deliveries')
    .select(['tip_id', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('tip_id', 'in', tipIds)
    .where('status', '=', 'delivered')
    .groupBy('tip_id')
    .execute();
  return new Map(rows.map((r) => [r.tip_id, Number(r.n)]));
}

/**
 * Not withdrawn and not yet over, of the given regions: what the public list is filtered from (in force ones and
 * those starting later, so a cached copy knows when its next change is due).
 */
export async function currentTipsOf({ db }: Database, regionIds: readonly string[], now: Date): Promise<TipRow[]> {
  if (regionIds.length === 0) return [];
  return db
    .selectFrom('tips')
    .innerJoin('regions', 'regions.id', 'tips.region_id')
    .selectAll('tips')
    .select('regions.name as region_name')
    .where('tips.region_id', 'in', regionIds)
    .where('tips.withdrawn_at', 'is', null)
    .where('tips.valid_until', '>', now.toISOString())
    .execute();
}

/** In force at `now`, consumer alerts first, then the newest first. */
export function inForce(rows: readonly TipRow[], now: number): TipRow[] {
  const nowIso = new Date(now).toISOString();
  return rows
    .filter((r) => r.valid_from <= nowIso && r.valid_until > nowIso)
    .sort(
      (a, b) =>
        Number(a.kind !== 'consumer_alert') - Number(b.kind !== 'consumer_alert') ||
        b.valid_from.localeCompare(a.valid_from) ||
        b.id.localeCompare(a.id),
    );
}
