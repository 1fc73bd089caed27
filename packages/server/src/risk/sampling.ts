/**
 * Sampling suggestions (靶向抽检): venues whose recent evidence points at something to sample — cold-chain
 * food after repeated sensor excursions, kitchen hygiene after repeated AI captures, what consumers reported.
 */
import type { SamplingSuggestion } from '@brightkitchen/sdk/warehouse';
import type { VenueHistory } from './features.js';

const DAY_MS = 86_400_000;
/** Evidence needed within 14 days (excursions, captures) or 30 days (complaints and notices). */
export const SAMPLING_THRESHOLDS = { cold_chain: 2, kitchen_hygiene: 5, complaint: 2 } as const;

type Suggestion = Omit<SamplingSuggestion, 'venueId' | 'name' | 'regionId'>;

export function samplingEvidence(h: VenueHistory, asOfMs: number): Suggestion[] {
  const within = (days: number) => (t: number) => t < asOfMs && t >= asOfMs - days * DAY_MS;
  const excursions = h.alerts.filter((a) => a.source === 'sensor' && within(14)(a.at)).length;
  const captures = h.alerts.filter((a) => a.source === 'violation' && within(14)(a.at)).length;
  const reports = h.reports.filter(within(30)).length;
  const out: Suggestion[] = [];
  if (excursions >= SAMPLING_THRESHOLDS.cold_chain) {
    out.push({
      target: 'cold_chain',
      evidence: excursions,
      reason: {
        zh: `近 14 天冷藏/冷冻温度超限 ${excursions} 次：抽检冷链食品`,
        en: `${excursions} fridge or freezer excursions in 14 days: sample cold-chain food`,
      },
    });
  }
  if (captures >= SAMPLING_THRESHOLDS.kitchen_hygiene) {
    out.push({
      target: 'kitchen_hygiene',
      evidence: captures,
      reason: {
        zh: `近 14 天 AI 抓拍违规 ${captures} 次：抽检餐饮具与熟食`,
        en: `${captures} AI captures in 14 days: sample tableware and cooked food`,
      },
    });
  }
  if (reports >= SAMPLING_THRESHOLDS.complaint) {
    out.push({
      target: 'complaint',
      evidence: reports,
      reason: {
        zh: `近 30 天投诉与告知 ${reports} 件：抽检被反映的菜品`,
        en: `${reports} complaints and notices in 30 days: sample the dishes reported`,
      },
    });
  }
  return out;
}
