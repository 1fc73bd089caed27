/**
 * A venue's grades (量化分级) from its inspections: the dynamic grade of the latest one (SDK `dynamicGrade`,
 * which knows the new-licence and incident periods) and the annual grade over the past 12 months.
 */
import { annualGrade, dynamicGrade, type Grade, type InspectionItem, type Venue } from '@brightkitchen/sdk';

/** What grading reads of an inspection. */
export interface GradedInspection {
  readonly date: string;
  readonly score: number;
  readonly items: readonly Pick<InspectionItem, 'score' | 'key' | 'passed'>[];
}

export function gradeOf(
  venue: Pick<Venue, 'licence' | 'openedOn' | 'lastIncidentOn'>,
  inspections: readonly GradedInspection[],
  today: string,
): Grade {
  let latest: GradedInspection | undefined;
  for (const inspection of inspections) if (!latest || inspection.date > latest.date) latest = inspection;
  if (!latest) return { dynamic: null, annual: null };
  const outcome = dynamicGrade({
    items: latest.items,
    licenceIssuedOn: venue.openedOn ?? venue.licence.issuedOn,
    ...(venue.lastIncidentOn ? { lastIncidentOn: venue.lastIncidentOn } : {}),
    inspectedOn: latest.date,
  });
  const annual = annualGrade(inspections, today);
  return {
    dynamic: { face: outcome.face, score: outcome.score, inspectedOn: latest.date },
    annual: annual.inspections === 0 ? null : { grade: annual.grade, year: Number(today.slice(0, 4)) },
  };
}
