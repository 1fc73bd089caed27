import type { AnnualGrade, GradeFace } from '../domain/enums.js';
import type { NoGradeReason } from '../rules/grading/reasons.js';

/** Everything the red/black list score reads about one venue. */
export interface ListingInput {
  /** The latest dynamic grade (with its no-grade reasons when known); null if never inspected. */
  readonly dynamicGrade: { readonly face: GradeFace; readonly reasons?: readonly NoGradeReason[] } | null;
  /** The annual grade; null if none has been computed yet. */
  readonly annualGrade: AnnualGrade | null;
  /** Consumer smiley ratings: satisfied faces ÷ all faces (null before the first rating), and how many ratings. */
  readonly ratings: { readonly satisfactionRate: number | null; readonly count: number };
  /** Share of required ledger entries filled over the past 30 days, 0–1. */
  readonly ledgerCompletionRate: number;
  /** AI-recognised violations over the past 30 days. */
  readonly violationsPer30Days: number;
  /** Alerts open or acknowledged but not resolved, now. */
  readonly unresolvedAlerts: number;
  /** Complaints found justified (over the period the caller publishes for, e.g. 12 months). */
  readonly complaintsUpheld: number;
}
