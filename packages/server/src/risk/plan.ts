/**
 * The week's plan from a ranking: in each district the top N venues (N = inspectors × inspections each a week),
 * and the sampling suggestions of the scope.
 */
import type { InspectionPlan, RiskVenue } from '@brightkitchen/sdk/warehouse';
import type { Database } from '../db/index.js';
import { weekOf } from '../warehouse/ratings.js';
import type { Ranking } from './ranking.js';

export const DEFAULT_INSPECTORS = 2;
export const DEFAULT_CAPACITY = 10;
const SAMPLING_MAX = 100;

export function inspectionPlan(
  ranking: Ranking,
  regionNames: ReadonlyMap<string, string>,
  day: string,
  inspectors: number,
  capacity: number,
): Omit<InspectionPlan, 'districts'> & { districts: PlannedDistrict[] } {
  const slots = inspectors * capacity;
  const districts = new Map<string, RiskVenue[]>();
  for (const { regionId, ...venue } of ranking.items) {
    const list = districts.get(regionId) ?? [];
    if (list.length < slots) list.push(venue);
    districts.set(regionId, list);
  }
  return {
    weekOf: weekOf(day),
    inspectors,
    capacity,
    districts: [...districts]
      .map(([regionId, venues]) => ({ regionId, name: regionNames.get(regionId) ?? regionId, slots, venues }))
      .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')),
    sampling: ranking.sampling.slice(0, SAMPLING_MAX),
  };
}

type PlannedDistrict = Omit<InspectionPlan['districts'][number], 'venues'> & { venues: RiskVenue[] };

/** Marks each planned venue with its latest inspection since the week began: what is done, what is still to do. */
export async function withInspections(
  { db }: Database,
  plan: ReturnType<typeof inspectionPlan>,
): Promise<InspectionPlan> {
  const ids = plan.districts.flatMap((district) => district.venues.map((venue) => venue.venueId));
  const rows =
    ids.length === 0
      ? []
      : await db
          .selectFrom('inspections')
          .select(['venue_id', (eb) => eb.fn.max('date').as('latest')])
          .where('venue_id', 'in', ids)
          .where('date', '>=', plan.weekOf)
          .groupBy('venue_id')
          .execute();
  const latest = new Map(rows.map((row) => [row.venue_id, String(row.latest)]));
  return {
    ...plan,
    districts: plan.districts.map((district) => ({
      ...district,
      venues: district.venues.map((venue) => ({ ...venue, inspectedOn: latest.get(venue.venueId) ?? null })),
    })),
  };
}
