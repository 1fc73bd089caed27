import type { ListKind } from '../domain/enums.js';
import type { NoGradeReason } from '../rules/grading/reasons.js';
import { type ListingFactor, listingFactors } from './factors.js';
import type { ListingInput } from './input.js';
import { DEFAULT_LISTING_POLICY, type ListingPolicy } from './policy.js';
import type { ListingReason } from './reasons.js';

/** {@link scoreListing}'s answer: the score, the list (or none), the reasons and every factor explained. */
export interface ListingOutcome {
  /** 0–100, a whole number. */
  readonly score: number;
  readonly list: ListKind | null;
  /** Why the venue is on the list (empty when on none). */
  readonly reasons: readonly ListingReason[];
  readonly factors: readonly ListingFactor[];
}

const BLACK_REASON_BY_NO_GRADE: Partial<Record<NoGradeReason, ListingReason>> = {
  KEY_ITEMS_FAILED: 'BLACK_KEY_ITEMS_FAILED',
  RECENT_INCIDENT: 'BLACK_RECENT_INCIDENT',
};

/**
 * The red/black list score of a venue — the project's own formula, documented in docs/listing.md.
 *
 * score = round(clamp(0, 100,
 *     30 × share of the dynamic grade   (excellent 1, good .75, average .4, none 0; not inspected / new licence .5)
 *   + 15 × share of the annual grade    (A 1, B .7, C .35, none 0; not computed yet .5)
 *   + 15 × consumer satisfaction, shrunk to 80 % by 20 pseudo-ratings: (rate·n + .8·20) ÷ (n + 20)
 *   + 25 × ledger completion rate over 30 days
 *   + 15 × (1 − AI violations in 30 days ÷ 30, at least 0)
 *   − 2 per unresolved alert (at most 20) − 5 per upheld complaint (at most 25)))
 *
 * Black list when the latest dynamic grade was refused for two or more failed key items or a recent
 * food-safety incident, or when the score is below 40. Red list when the score is at least 85, the
 * annual grade is A and the latest dynamic grade is not `none`. Every number is in `ListingPolicy`.
 */
export function scoreListing(input: ListingInput, policy: ListingPolicy = DEFAULT_LISTING_POLICY): ListingOutcome {
  const raw = listingFactors(input, policy);
  const sum = raw.reduce((total, f) => total + f.points, 0);
  const score = Math.round(Math.min(100, Math.max(0, sum)));
  const factors = raw.map((f) => ({
    factor: f.factor,
    contribution: Math.round(f.points * 10) / 10,
    explanation: f.explanation,
  }));

  const black: ListingReason[] = [];
  const grade = input.dynamicGrade;
  if (grade?.face === 'none') {
    for (const reason of grade.reasons ?? []) {
      if (!policy.blackNoGradeReasons.includes(reason)) continue;
      const listed = BLACK_REASON_BY_NO_GRADE[reason] ?? 'BLACK_NO_GRADE';
      if (!black.includes(listed)) black.push(listed);
    }
  }
  if (score < policy.blackBelow) black.push('BLACK_LOW_SCORE');
  if (black.length > 0) return { score, list: 'black', reasons: black, factors };

  const red =
    score >= policy.redMinScore &&
    input.annualGrade !== null &&
    policy.redAnnualGrades.includes(input.annualGrade) &&
    grade !== null &&
    grade.face !== 'none';
  return red
    ? { score, list: 'red', reasons: ['RED_EXCELLENT'], factors }
    : { score, list: null, reasons: [], factors };
}
