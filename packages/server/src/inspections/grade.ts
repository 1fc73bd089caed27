/**
 * A venue's grades (量化分级) from its inspections: the dynamic grade of the latest one (SDK `dynamicGrade`,
 * which knows the new-licence and incident periods) and the annual grade over the past 12 months.
 */
import {
  annualGrade,
  dynamicGrade,
  type Grade,
  type InspectionItem,
  type NoGradeReason,
  type Venue,
} from '@brightkitchen/sdk';

/** What grading reads of an inspection. */
export interface GradedInspection {
  readonly date: string;
  /** When it was recorded: of two inspections on one day, the later one gives the dynamic grade. */
  readonly recordedAt?: string;
  readonly score: number;
  readonly items: readonly Pick<InspectionItem, 'score' | 'key' | 'passed'>[];
}

/** What grading reads of a venue. */
export type GradedVenue = Pick<Venue, 'licence' | 'openedOn' | 'lastIncidentOn'>;

/** A venue's grades with what the public `Grade` leaves out: why there is no dynamic grade, the annual average. */
export interface GradeOutcome {
  readonly grade: Grade;
  readonly reasons: readonly NoGradeReason[];
  readonly annualAverage: number | null;
}

function isLater(a: GradedInspection, b: GradedInspection): boolean {
  return a.date !== b.date ? a.date > b.date : (a.recordedAt ?? '') > (b.recordedAt ?? '');
}

export function gradeOutcome(
  venue: GradedVenue,
  inspections: readonly GradedInspection[],
  today: string,
): GradeOutcome {
  let latest: GradedInspection | undefined;
  for (const inspection of inspections) if (!latest || isLater(inspection, latest)) latest = inspection;
  if (!latest) return { grade: { dynamic: null, annual: null }, reasons: [], annualAverage: null };
  const outcome = dynamicGrade({
    items: latest.items,
    licenceIssuedOn: venue.openedOn ?? venue.licence.issuedOn,
    ...(venue.lastIncidentOn ? { lastIncidentOn: venue.lastIncidentOn } : {}),
    inspectedOn: latest.date,
  });
  const annual = annualGrade(inspections, today);
  return {
    grade: {
      dynamic: { face: outcome.face, score: outcome.score, inspectedOn: latest.date },
      annual: annual.inspections === 0 ? null : { grade: annual.grade, year: Number(today.slice(0, 4)) },
    },
    reasons: outcome.reasons,
    annualAverage: annual.average,
  };
}

/** The public grades of a venue (`PublicVenueProfile.grade`). */
export function gradeOf(venue: GradedVenue, inspections: readonly GradedInspection[], today: string): Grade {
  return gradeOutcome(venue, inspections, today).grade;
}
