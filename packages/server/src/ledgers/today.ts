/** Today's ledger completion of a venue (its local day): counts per kind, morning checks with who is fit. */
import {
  isSampleRetentionRequired,
  isStaffUnfit,
  LEDGER_KINDS,
  type LedgerIssue,
  type LedgersToday,
  localDay,
  NATIONAL_PROFILE,
  type RuleProfile,
  type VenueKind,
} from '@brightkitchen/sdk';
import { type Database, parseJson, type VenuesTable } from '../db/index.js';

export async function ledgersToday(
  { db }: Database,
  venue: Pick<VenuesTable, 'id' | 'kind' | 'time_zone'>,
  now: Date = new Date(),
  profile: RuleProfile = NATIONAL_PROFILE,
): Promise<LedgersToday> {
  const day = localDay(now, venue.time_zone);
  const counts = await db
    .selectFrom('ledger_records')
    .select(['kind', (eb) => eb.fn.countAll<number>().as('n')])
    .where('venue_id', '=', venue.id)
    .where('local_day', '=', day)
    .groupBy('kind')
    .execute();
  const checks = await db
    .selectFrom('ledger_records')
    .select(['body', 'issues'])
    .where('venue_id', '=', venue.id)
    .where('local_day', '=', day)
    .where('kind', '=', 'morning_check')
    .execute();
  const staff = await db
    .selectFrom('staff')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('venue_id', '=', venue.id)
    .executeTakeFirst();

  // The latest check of each staff member decides whether they are fit today.
  const latest = new Map<string, boolean>();
  for (const row of checks) {
    const staffId = parseJson<{ staffId?: string }>(row.body, {}).staffId ?? '';
    const unfit = isStaffUnfit({ ok: true, issues: parseJson<LedgerIssue[]>(row.issues, []) });
    latest.set(staffId, !unfit);
  }
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
    done: latest.size,
    expected: Number(staff?.n ?? 0),
    fit: [...latest.values()].filter(Boolean).length,
  };
  return { day, kinds } as LedgersToday;
}
