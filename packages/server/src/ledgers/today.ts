/** Today's ledger completion of a venue (its local day): counts per kind, morning checks with who is fit. */
import {
  isSampleRetentionRequired,
  LEDGER_KINDS,
  type LedgersToday,
  localDay,
  NATIONAL_PROFILE,
  type RuleProfile,
  type VenueKind,
} from '@brightkitchen/sdk';
import type { CorruptValueLog, Database, VenuesTable } from '../db/index.js';
import { isCorrectedSql } from './corrections.js';
import { unfitAtMorningCheck } from './morning-checks.js';

export async function ledgersToday(
  database: Database,
  venue: Pick<VenuesTable, 'id' | 'kind' | 'time_zone'>,
  log: CorruptValueLog,
  now: Date = new Date(),
  profile: RuleProfile = NATIONAL_PROFILE,
): Promise<LedgersToday> {
  const { db } = database;
  const day = localDay(now, venue.time_zone);
  const counts = await db
    .selectFrom('ledger_records')
    .select(['kind', (eb) => eb.fn.countAll<number>().as('n')])
    .where('venue_id', '=', venue.id)
    .where('local_day', '=', day)
    // A corrected record counts once, as its correction.
    .where((eb) => eb.not(isCorrectedSql(database.dialect)))
    .groupBy('kind')
    .execute();
  const unfit = await unfitAtMorningCheck(database, venue.id, day, log);
  const staff = await db
    .selectFrom('staff')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('venue_id', '=', venue.id)
    // Who left before today is no longer expected at the morning check.
    .where((eb) => eb.or([eb('left_on', 'is', null), eb('left_on', '>=', day)]))
    .executeTakeFirst();

  const done = new Map(counts.map((c) => [c.kind, Number(c.n)]));
  const kind = venue.kind as VenueKind;
  const kinds: Record<string, unknown> = {};
  for (const k of LEDGER_KINDS) {
    const n = done.get(k) ?? 0;
    if (k === 'accompanying_meal' && !profile.ledger.accompanyingMeal.venueKinds.includes(kind) && n === 0) continue;
    if (k === 'sample_retention' && !isSampleRetentionRequired(kind, profile) && n === 0) continue;
    kinds[k] = { done: n };
  }
  kinds.morning_check = {
    done: unfit.size,
    expected: Number(staff?.n ?? 0),
    fit: [...unfit.values()].filter((u) => !u).length,
  };
  return { day, kinds } as LedgersToday;
}
