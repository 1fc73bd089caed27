import type { AnnualGrade } from '../../domain/enums.js';
import type { Inspection } from '../../domain/inspection.js';
import { addMonths } from '../../domain/ledger-dates.js';
import { bandOf, toTenths } from './cutoffs.js';

/** {@link annualGrade}'s answer: the grade, the average score and how many inspections counted. */
export interface AnnualGradeOutcome {
  readonly grade: AnnualGrade;
  /** Average inspection score over the window, cut to one decimal; null without inspections. */
  readonly average: number | null;
  /** Inspections counted (those within the window). */
  readonly inspections: number;
}

const ANNUAL_BY_BAND = { excellent: 'A', good: 'B', average: 'C', below: 'none' } as const;

/**
 * The annual grade A / B / C from the average score of the inspections in the 12 months up to
 * `asOf` (a day after `asOf` minus 12 months, up to and including `asOf`), same cut-offs as the
 * dynamic grade. Inspections outside the window are ignored; none in it → `none`.
 */
export function annualGrade(
  inspections: readonly Pick<Inspection, 'date' | 'score'>[],
  asOf: string,
): AnnualGradeOutcome {
  const from = addMonths(asOf, -12);
  const inWindow = inspections.filter((i) => i.date > from && i.date <= asOf);
  if (inWindow.length === 0) return { grade: 'none', average: null, inspections: 0 };
  const average = toTenths(inWindow.reduce((sum, i) => sum + i.score, 0) / inWindow.length);
  return { grade: ANNUAL_BY_BAND[bandOf(average)], average, inspections: inWindow.length };
}
