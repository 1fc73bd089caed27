/**
 * Ledger completion: each enrolled venue's days scored against the SDK's `dayRequirements` (its staff on duty,
 * the meals it serves, its special rooms), rolled up by district, kind, day and requirement. A venue is enrolled
 * when it keeps a staff archive on the platform; the others are counted, not scored (they keep paper ledgers).
 */
import {
  type DayCompletion,
  dayCompletion,
  dayRequirements,
  type LedgerKind,
  REQUIREMENT_CODES,
  REQUIREMENT_LEDGER_KINDS,
  type Requirement,
  type RequirementCode,
  type VenueKind,
} from '@brightkitchen/sdk';
import type { CompletionReport, CompletionTodayPage, VenueGap } from '@brightkitchen/sdk/warehouse';
import type { Database } from '../db/index.js';
import { isCorrectedSql } from '../ledgers/corrections.js';
import { slicePage } from '../paging/offset.js';
import type { DirectoryVenue } from './directory.js';
import { type DayRange, ratio } from './range.js';
import { staffOnDuty } from './staff-on-duty.js';

/** The ledger kinds some requirement asks for (purchases, say, are not counted against a day). */
const REQUIRED_LEDGER_KINDS = [...new Set(Object.values(REQUIREMENT_LEDGER_KINDS))];

type Counts = Map<string, Partial<Record<LedgerKind, number>>>;

/** Records per venue, day and kind over the range (a corrected record counts once, as its correction). */
async function recordCounts(database: Database, range: Pick<DayRange, 'from' | 'to'>): Promise<Counts> {
  const rows = await database.db
    .selectFrom('ledger_records')
    .select(['venue_id', 'local_day', 'kind', (eb) => eb.fn.countAll<number>().as('n')])
    .where('local_day', '>=', range.from)
    .where('local_day', '<=', range.to)
    .where('kind', 'in', REQUIRED_LEDGER_KINDS)
    .where((eb) => eb.not(isCorrectedSql(database.dialect)))
    .groupBy(['venue_id', 'local_day', 'kind'])
    .execute();
  const counts: Counts = new Map();
  for (const r of rows) {
    const key = `${r.venue_id}|${r.local_day}`;
    const day = counts.get(key) ?? {};
    day[r.kind as LedgerKind] = Number(r.n);
    counts.set(key, day);
  }
  return counts;
}

interface Tally {
  expected: number;
  done: number;
}
const add = (map: Map<string, Tally>, key: string, c: { expected: number; done: number }) => {
  const t = map.get(key) ?? { expected: 0, done: 0 };
  t.expected += c.expected;
  t.done += c.done;
  map.set(key, t);
};
const rated = (map: Map<string, Tally>) =>
  [...map].map(([key, t]) => ({ key, expected: t.expected, done: t.done, rate: ratio(t.done, t.expected) }));

/** The requirements of each enrolled venue (those with staff on duty). */
function enrolledRequirements(venues: readonly DirectoryVenue[], staff: Map<string, number>) {
  const out: { venue: DirectoryVenue; requirements: Requirement[] }[] = [];
  for (const venue of venues) {
    const staffOnDutyCount = staff.get(venue.id) ?? 0;
    if (staffOnDutyCount === 0) continue;
    out.push({
      venue,
      requirements: dayRequirements({
        kind: venue.kind,
        staffOnDuty: staffOnDutyCount,
        meals: venue.meals,
        specialRooms: venue.specialRooms,
      }),
    });
  }
  return out;
}

export async function completionReport(
  database: Database,
  venues: readonly DirectoryVenue[],
  regionNames: ReadonlyMap<string, string>,
  range: DayRange,
): Promise<CompletionReport> {
  const [staff, counts] = await Promise.all([staffOnDuty(database, range.to), recordCounts(database, range)]);
  const enrolled = enrolledRequirements(venues, staff);
  const byDistrict = new Map<string, Tally>();
  const byKind = new Map<string, Tally>();
  const byDay = new Map<string, Tally>(range.days.map((d) => [d, { expected: 0, done: 0 }]));
  const byRequirement = new Map<string, Tally>();
  const total = { expected: 0, done: 0 };
  for (const { venue, requirements } of enrolled) {
    for (const day of range.days) {
      const c = dayCompletion(requirements, counts.get(`${venue.id}|${day}`) ?? {});
      add(byDistrict, venue.regionId, c);
      add(byKind, venue.kind, c);
      add(byDay, day, c);
      total.expected += c.expected;
      total.done += c.done;
      for (const r of requirements) {
        const gap = c.missing.find((m) => m.code === r.code);
        add(byRequirement, r.code, { expected: r.expected, done: gap ? gap.done : r.expected });
      }
    }
  }
  return {
    from: range.from,
    to: range.to,
    venues: venues.length,
    enrolled: enrolled.length,
    total: { ...total, rate: ratio(total.done, total.expected) },
    byDistrict: rated(byDistrict).map(({ key, ...r }) => ({ regionId: key, name: regionNames.get(key) ?? key, ...r })),
    byKind: rated(byKind).map(({ key, ...r }) => ({ kind: key as VenueKind, ...r })),
    byDay: rated(byDay).map(({ key, ...r }) => ({ day: key, ...r })),
    byRequirement: rated(byRequirement)
      .map(({ key, ...r }) => ({ code: key as RequirementCode, ...r }))
      .sort((a, b) => REQUIREMENT_CODES.indexOf(a.code) - REQUIREMENT_CODES.indexOf(b.code)),
  };
}

/** Each enrolled venue's ledger completion over the range (venues keeping paper ledgers are not in the map). */
export async function venueCompletionRates(
  database: Database,
  venues: readonly DirectoryVenue[],
  range: Pick<DayRange, 'from' | 'to' | 'days'>,
): Promise<Map<string, number>> {
  const [staff, counts] = await Promise.all([staffOnDuty(database, range.to), recordCounts(database, range)]);
  const rates = new Map<string, number>();
  for (const { venue, requirements } of enrolledRequirements(venues, staff)) {
    const total = { expected: 0, done: 0 };
    for (const day of range.days) {
      const c = dayCompletion(requirements, counts.get(`${venue.id}|${day}`) ?? {});
      total.expected += c.expected;
      total.done += c.done;
    }
    rates.set(venue.id, ratio(total.done, total.expected));
  }
  return rates;
}

/** Today's gaps of every enrolled venue, least complete first (then by name). */
export async function completionGaps(
  database: Database,
  venues: readonly DirectoryVenue[],
  day: string,
): Promise<{ gaps: VenueGap[]; enrolled: number; completion: DayCompletion }> {
  const [staff, counts] = await Promise.all([
    staffOnDuty(database, day),
    recordCounts(database, { from: day, to: day }),
  ]);
  const enrolled = enrolledRequirements(venues, staff);
  const gaps: VenueGap[] = [];
  let expected = 0;
  let done = 0;
  for (const { venue, requirements } of enrolled) {
    const c = dayCompletion(requirements, counts.get(`${venue.id}|${day}`) ?? {});
    expected += c.expected;
    done += c.done;
    if (c.missing.length === 0) continue;
    gaps.push({
      venueId: venue.id,
      name: venue.name,
      regionId: venue.regionId,
      kind: venue.kind,
      expected: c.expected,
      done: c.done,
      rate: ratio(c.done, c.expected),
      missing: [...c.missing],
    });
  }
  gaps.sort((a, b) => a.rate - b.rate || a.name.localeCompare(b.name, 'zh-CN'));
  return { gaps, enrolled: enrolled.length, completion: { expected, done, rate: ratio(done, expected), missing: [] } };
}

/** A page of today's gaps. */
export function gapPage(
  day: string,
  gaps: readonly VenueGap[],
  limit: number,
  cursor: string | undefined,
): CompletionTodayPage {
  return { day, ...slicePage(gaps, limit, cursor) };
}
