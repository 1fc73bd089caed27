/**
 * Score cut-offs of the 2012 quantified grading rules (餐饮服务食品安全量化分级): ≥ 9.0 excellent,
 * 7.5–8.9 good, 6.0–7.4 average, below 6.0 no grade. The annual grade uses the same cut-offs.
 */
export const GRADE_CUTOFFS = { excellent: 9.0, good: 7.5, average: 6.0 } as const;

/**
 * A score to one decimal, cut (not rounded): the published bands are in tenths with no gap
 * (8.9 → 9.0), so 8.95 has not reached 9.0 and reads as 8.9, and the face always matches the
 * number shown. The tiny epsilon keeps binary fractions (7.5 computed as 7.4999…) on their tenth.
 */
export function toTenths(score: number): number {
  return Math.floor(score * 10 + 1e-9) / 10;
}

/** The band a score (already in tenths) falls into. */
export function bandOf(score: number): 'excellent' | 'good' | 'average' | 'below' {
  if (score >= GRADE_CUTOFFS.excellent) return 'excellent';
  if (score >= GRADE_CUTOFFS.good) return 'good';
  if (score >= GRADE_CUTOFFS.average) return 'average';
  return 'below';
}
