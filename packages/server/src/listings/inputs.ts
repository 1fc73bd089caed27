/**
 * What the listing formula reads about every venue in scope, in a handful of grouped queries whatever the city's
 * size: grades (`venue_grades`), consumer ratings and upheld complaints over the period, ledger completion and AI
 * violations over the 30 days ending with it, alerts unresolved now.
 */

import type { AnnualGrade, GradeFace, NoGradeReason } from '@brightkitchen/sdk';
import type { ListingInput } from '@brightkitchen/sdk/listing';
import { sql } from 'kysely';
import type { Database } from '../db/index.js';
import { venueCompletionRates } from '../warehouse/completion.js';
import type { DirectoryVenue } from '../warehouse/directory.js';
import { dayRange } from '../warehouse/range.js';
import { last30Days, type PeriodDays } from './period.js';

/**
 * Venues keeping paper ledgers (no staff archive on the platform) are not scored on completion they cannot show:
 * they count at this share, as a venue not yet graded does on its grade.
 */
export const PAPER_LEDGER_SHARE = 0.5;

const counts = (rows: readonly { venue_id: string; n: number | string }[]) =>
  new Map(rows.map((row) => [row.venue_id, Number(row.n)]));
const count = (map: Map<string, number>, key: string) => map.get(key) ?? 0;

export async function listingInputs(
  database: Database,
  venues: readonly DirectoryVenue[],
  regions: readonly string[],
  period: PeriodDays,
  now: Date,
): Promise<Map<string, ListingInput & { readonly face: GradeFace | null }>> {
  const { db } = database;
  const inRegions = sql<boolean>`venues.region_id in (${sql.join(regions)})`;
  const window = dayRange({ from: last30Days(period.to)[0], to: period.to }, now);
  const periodRange = dayRange({ from: period.from, to: period.to }, now);
  const [grades, ratings, violations, unresolved, complaints, completion] = await Promise.all([
    db
      .selectFrom('venue_grades')
      .innerJoin('venues', 'venues.id', 'venue_grades.venue_id')
      .select(['venue_grades.venue_id', 'dynamic_face', 'no_grade_reasons', 'annual_grade'])
      .where(inRegions)
      .execute(),
    db
      .selectFrom('ratings')
      .innerJoin('venues', 'venues.id', 'ratings.venue_id')
      .select([
        'ratings.venue_id',
        (eb) => eb.fn.countAll<number>().as('n'),
        sql<number>`sum((case when dishes = 'satisfied' then 1 else 0 end) + (case when hygiene = 'satisfied' then 1 else 0 end) + (case when service = 'satisfied' then 1 else 0 end))`.as(
          'satisfied',
        ),
      ])
      .where(inRegions)
      .where('ratings.local_day', '>=', period.from)
      .where('ratings.local_day', '<=', period.to)
      .groupBy('ratings.venue_id')
      .execute(),
    db
      .selectFrom('alerts')
      .innerJoin('venues', 'venues.id', 'alerts.venue_id')
      .select(['alerts.venue_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where(inRegions)
      .where('alerts.source', '=', 'violation')
      .where('alerts.opened_at', '>=', window.fromInstant)
      .where('alerts.opened_at', '<', window.untilInstant)
      .groupBy('alerts.venue_id')
      .execute()
      .then(counts),
    db
      .selectFrom('alerts')
      .innerJoin('venues', 'venues.id', 'alerts.venue_id')
      .select(['alerts.venue_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where(inRegions)
      .where('alerts.state', 'in', ['open', 'acknowledged'])
      .groupBy('alerts.venue_id')
      .execute()
      .then(counts),
    db
      .selectFrom('complaints')
      .innerJoin('venues', 'venues.id', 'complaints.venue_id')
      .select(['complaints.venue_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where(inRegions)
      .where('complaints.state', '=', 'resolved')
      .where('complaints.created_at', '>=', periodRange.fromInstant)
      .where('complaints.created_at', '<', periodRange.untilInstant)
      .groupBy('complaints.venue_id')
      .execute()
      .then(counts),
    venueCompletionRates(database, venues, window),
  ]);
  const gradeOf = new Map(grades.map((g) => [g.venue_id, g]));
  const ratingOf = new Map(ratings.map((r) => [r.venue_id, r]));
  const out = new Map<string, ListingInput & { readonly face: GradeFace | null }>();
  for (const venue of venues) {
    const grade = gradeOf.get(venue.id);
    const rating = ratingOf.get(venue.id);
    const n = Number(rating?.n ?? 0);
    const face = (grade?.dynamic_face ?? null) as GradeFace | null;
    out.set(venue.id, {
      face,
      dynamicGrade: face ? { face, reasons: JSON.parse(grade?.no_grade_reasons ?? '[]') as NoGradeReason[] } : null,
      annualGrade: (grade?.annual_grade ?? null) as AnnualGrade | null,
      ratings: { satisfactionRate: n === 0 ? null : Number(rating?.satisfied ?? 0) / (3 * n), count: n },
      ledgerCompletionRate: completion.get(venue.id) ?? PAPER_LEDGER_SHARE,
      violationsPer30Days: count(violations, venue.id),
      unresolvedAlerts: count(unresolved, venue.id),
      complaintsUpheld: count(complaints, venue.id),
    });
  }
  return out;
}
