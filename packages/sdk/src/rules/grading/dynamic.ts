import type { GradeFace } from '../../domain/enums.js';
import type { InspectionItem } from '../../domain/inspection.js';
import { addMonths } from '../../domain/ledger-dates.js';
import { bandOf, toTenths } from './cutoffs.js';
import type { NoGradeReason } from './reasons.js';

/** Months after a new licence during which no dynamic grade is given. */
export const NEW_LICENCE_MONTHS = 3;
/** Months after a food-safety incident during which no dynamic grade is given. */
export const INCIDENT_MONTHS = 6;
/** Failed key items from which no dynamic grade is given. */
export const KEY_ITEMS_FAILED_LIMIT = 2;

/** What {@link dynamicGrade} needs: the inspection's items, the licence date and the last incident. */
export interface DynamicGradeInput {
  readonly items: readonly Pick<InspectionItem, 'score' | 'key' | 'passed'>[];
  /** Local calendar days, `YYYY-MM-DD`. */
  readonly licenceIssuedOn: string;
  readonly lastIncidentOn?: string;
  readonly inspectedOn: string;
}

/** {@link dynamicGrade}'s answer: the face, the score and every reason for no grade. */
export interface DynamicGradeOutcome {
  readonly face: GradeFace;
  /** Total ÷ items checked, cut to one decimal (0 when nothing was checked). */
  readonly score: number;
  /** Every reason for `none`; empty when graded. */
  readonly reasons: readonly NoGradeReason[];
}

/**
 * The dynamic grade of one inspection (2012 quantified grading): score = total ÷ items checked;
 * ≥ 9.0 excellent (大笑脸), 7.5–8.9 good (微笑脸), 6.0–7.4 average (平脸). No grade below 6.0,
 * with two or more failed key items, in the first 3 months of a new licence (exactly 3 months
 * later grades again) or within 6 months after a food-safety incident.
 *
 * @example dynamicGrade({ items, licenceIssuedOn: '2023-01-10', inspectedOn: '2024-06-01' }).face // 'good'
 */
export function dynamicGrade(input: DynamicGradeInput): DynamicGradeOutcome {
  const { items, licenceIssuedOn, lastIncidentOn, inspectedOn } = input;
  const total = items.reduce((sum, item) => sum + item.score, 0);
  const score = items.length === 0 ? 0 : toTenths(total / items.length);
  const reasons: NoGradeReason[] = [];
  if (items.length === 0) reasons.push('NO_ITEMS_CHECKED');
  else if (bandOf(score) === 'below') reasons.push('BELOW_6');
  if (items.filter((item) => item.key && !item.passed).length >= KEY_ITEMS_FAILED_LIMIT)
    reasons.push('KEY_ITEMS_FAILED');
  if (inspectedOn < addMonths(licenceIssuedOn, NEW_LICENCE_MONTHS)) reasons.push('NEW_LICENCE');
  if (
    lastIncidentOn !== undefined &&
    lastIncidentOn <= inspectedOn &&
    inspectedOn < addMonths(lastIncidentOn, INCIDENT_MONTHS)
  ) {
    reasons.push('RECENT_INCIDENT');
  }
  if (reasons.length > 0) return { face: 'none', score, reasons };
  const band = bandOf(score);
  return { face: band === 'below' ? 'none' : band, score, reasons };
}
