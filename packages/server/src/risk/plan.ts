/**
 * The week's plan from a ranking: in each district the top N venues (N = inspectors × inspections each a week),
 * and the sampling suggestions of the scope.
 */
import type { InspectionPlan } from '@brightkitchen/sdk/warehouse';
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
): InspectionPlan {
  const slots = inspectors * capacity;
  const districts = new Map<string, InspectionPlan['districts'][number]['venues']>();
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
