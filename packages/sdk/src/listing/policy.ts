import type { AnnualGrade, GradeFace } from '../domain/enums.js';
import type { NoGradeReason } from '../rules/grading/reasons.js';

/**
 * The red/black list policy: every weight, penalty and threshold of the formula, so a region can
 * tune it. The formula itself is documented on `scoreListing` and in `docs/listing.md`.
 */
export interface ListingPolicy {
  /** Points each positive factor is worth at its best; they add up to 100. */
  readonly weights: {
    readonly dynamicGrade: number;
    readonly annualGrade: number;
    readonly consumerRating: number;
    readonly ledgerCompletion: number;
    readonly aiViolations: number;
  };
  /** Share of the dynamic-grade weight each face earns. */
  readonly dynamicFaceShare: Readonly<Record<GradeFace, number>>;
  /** Share of the annual-grade weight each grade earns. */
  readonly annualGradeShare: Readonly<Record<AnnualGrade, number>>;
  /** Share earned when there is no grade yet through no fault of the venue (never inspected, new licence). */
  readonly ungradedShare: number;
  /** Consumer satisfaction is shrunk toward this prior by `ratingPriorWeight` pseudo-ratings, so a handful of ratings cannot swing it. */
  readonly ratingPrior: number;
  readonly ratingPriorWeight: number;
  /** AI violations in 30 days at which the violation factor earns nothing (linear from 0). */
  readonly violationsForZero: number;
  /** Points taken per unresolved alert, and at most. */
  readonly alertPenalty: number;
  readonly alertPenaltyCap: number;
  /** Points taken per upheld complaint, and at most. */
  readonly complaintPenalty: number;
  readonly complaintPenaltyCap: number;
  /** Black list below this score (after rounding). */
  readonly blackBelow: number;
  /** Black list whenever the latest dynamic grade was refused for one of these reasons. */
  readonly blackNoGradeReasons: readonly NoGradeReason[];
  /** Red list from this score (after rounding)… */
  readonly redMinScore: number;
  /** …with one of these annual grades and a dynamic grade other than `none`. */
  readonly redAnnualGrades: readonly AnnualGrade[];
}

/** The project's documented listing formula (docs/listing.md); a region may change any number. */
export const DEFAULT_LISTING_POLICY: ListingPolicy = {
  weights: { dynamicGrade: 30, annualGrade: 15, consumerRating: 15, ledgerCompletion: 25, aiViolations: 15 },
  dynamicFaceShare: { excellent: 1, good: 0.75, average: 0.4, none: 0 },
  annualGradeShare: { A: 1, B: 0.7, C: 0.35, none: 0 },
  ungradedShare: 0.5,
  ratingPrior: 0.8,
  ratingPriorWeight: 20,
  violationsForZero: 30,
  alertPenalty: 2,
  alertPenaltyCap: 20,
  complaintPenalty: 5,
  complaintPenaltyCap: 25,
  blackBelow: 40,
  blackNoGradeReasons: ['KEY_ITEMS_FAILED', 'RECENT_INCIDENT'],
  redMinScore: 85,
  redAnnualGrades: ['A'],
};
