/**
 * Consumer satisfaction over a range: the share of satisfied faces (all three aspects count), by week (from
 * Monday), overall, per district, and the least satisfied venues (five ratings or more).
 */
import type { RatingsReport } from '@brightkitchen/sdk/warehouse';
import { sql } from 'kysely';
import type { Database } from '../db/index.js';
import type { VenueDirectory } from './directory.js';
import { addDays, type DayRange, ratio } from './range.js';
import type { RegionSet } from './scope.js';
import { venuesInRegionsSql } from './sql-scope.js';

const MIN_RATINGS = 5;
const LIST_MAX = 50;

/** The Monday of a day's week. */
export function weekOf(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return addDays(day, -((weekday + 6) % 7));
}

interface Tally {
  ratings: number;
  faces: number;
  satisfied: number;
}
const tally = (): Tally => ({ ratings: 0, faces: 0, satisfied: 0 });
const share = (t: Tally) => (t.faces === 0 ? null : ratio(t.satisfied, t.faces));
const trendOf = (weeks: Map<string, Tally>) =>
  [...weeks]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([week, t]) => ({ week, ratings: t.ratings, satisfaction: share(t) ?? 0 }));

/** Satisfied faces and ratings of each venue in scope over a range (the risk factors use it too). */
export async function ratingRows({ db }: Database, regions: RegionSet, from: string, to: string) {
  return db
    .selectFrom('ratings')
    .select(['venue_id', 'local_day', 'dishes', 'hygiene', 'service'])
    .where('local_day', '>=', from)
    .where('local_day', '<=', to)
    .where(venuesInRegionsSql(regions, 'venue_id'))
    .execute();
}

/** Satisfied faces of a rating row, in SQL (all three aspects count). */
const SATISFIED = sql<number>`(case when dishes = 'satisfied' then 1 else 0 end) + (case when hygiene = 'satisfied' then 1 else 0 end) + (case when service = 'satisfied' then 1 else 0 end)`;

/** Ratings and satisfied faces over a range, summed in the database (the overview's 30-day satisfaction). */
export async function satisfactionTotal(database: Database, regions: RegionSet, from: string, to: string) {
  const row = await database.db
    .selectFrom('ratings')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.sum<number>(SATISFIED).as('satisfied')])
    .where('local_day', '>=', from)
    .where('local_day', '<=', to)
    .where(venuesInRegionsSql(regions, 'venue_id'))
    .executeTakeFirst();
  const n = Number(row?.n ?? 0);
  return n === 0 ? null : ratio(Number(row?.satisfied ?? 0), 3 * n);
}

/**
 * Summed in the database: per venue (the overall and district totals and the least satisfied list) and per district
 * and day (the trends) — a city's 100,000 ratings of a quarter come back as a few thousand rows.
 */
export async function ratingsReport(
  database: Database,
  directory: VenueDirectory,
  regions: RegionSet,
  range: DayRange,
): Promise<RatingsReport> {
  const { db } = database;
  const inRange = db
    .selectFrom('ratings')
    .where('local_day', '>=', range.from)
    .where('local_day', '<=', range.to)
    .where(venuesInRegionsSql(regions, 'venue_id'));
  const [byVenue, byDay] = await Promise.all([
    inRange
      .select((eb) => ['venue_id', eb.fn.countAll<number>().as('n'), eb.fn.sum<number>(SATISFIED).as('satisfied')])
      .groupBy('venue_id')
      .execute(),
    inRange
      .innerJoin('venues', 'venues.id', 'ratings.venue_id')
      .select((eb) => [
        'venues.region_id as region_id',
        'ratings.local_day as local_day',
        eb.fn.countAll<number>().as('n'),
        eb.fn.sum<number>(SATISFIED).as('satisfied'),
      ])
      .groupBy(['venues.region_id', 'ratings.local_day'])
      .execute(),
  ]);
  const add = (t: Tally, n: number, satisfied: number) => {
    t.ratings += n;
    t.faces += 3 * n;
    t.satisfied += satisfied;
  };
  const total = tally();
  const weeks = new Map<string, Tally>();
  const districts = new Map<string, { all: Tally; weeks: Map<string, Tally> }>();
  const venues = new Map<string, Tally>();
  for (const r of byVenue) {
    const venue = directory.byId.get(r.venue_id);
    if (!venue) continue;
    const n = Number(r.n);
    const satisfied = Number(r.satisfied ?? 0);
    const district = districts.get(venue.regionId) ?? { all: tally(), weeks: new Map() };
    districts.set(venue.regionId, district);
    for (const t of [total, district.all, getOr(venues, r.venue_id)]) add(t, n, satisfied);
  }
  for (const r of byDay) {
    const week = weekOf(r.local_day);
    const n = Number(r.n);
    const satisfied = Number(r.satisfied ?? 0);
    add(getOr(weeks, week), n, satisfied);
    const district = districts.get(r.region_id);
    if (district) add(getOr(district.weeks, week), n, satisfied);
  }
  return {
    from: range.from,
    to: range.to,
    ratings: total.ratings,
    satisfaction: share(total),
    trend: trendOf(weeks),
    byDistrict: [...districts].map(([regionId, d]) => ({
      regionId,
      name: directory.regionNames.get(regionId) ?? regionId,
      ratings: d.all.ratings,
      satisfaction: share(d.all),
      trend: trendOf(d.weeks),
    })),
    lowest: [...venues]
      .filter(([, t]) => t.ratings >= MIN_RATINGS)
      .map(([venueId, t]) => {
        const v = directory.byId.get(venueId);
        return {
          venueId,
          name: v?.name ?? venueId,
          regionId: v?.regionId ?? '',
          ratings: t.ratings,
          satisfaction: share(t) ?? 0,
        };
      })
      .sort((a, b) => a.satisfaction - b.satisfaction)
      .slice(0, LIST_MAX),
  };
}

function getOr(map: Map<string, Tally>, key: string): Tally {
  let t = map.get(key);
  if (!t) {
    t = tally();
    map.set(key, t);
  }
  return t;
}
