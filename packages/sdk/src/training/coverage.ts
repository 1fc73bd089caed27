/** Regulators' numbers: who is trained and certified, by district and venue kind, and the topics most failed. */
import * as v from 'valibot';
import { VENUE_KINDS } from '../domain/enums.js';
import { DaySchema, IdSchema } from '../domain/primitives.js';

const count = v.pipe(v.number(), v.integer(), v.minValue(0));

/** The figures of one group of staff. */
export const CoverageFiguresSchema = v.object({
  /** Staff in the archives. */
  staff: count,
  /** Staff who finished a course or took an exam. */
  trained: count,
  /** Staff holding a valid training certificate today. */
  certified: count,
  /** Of those, certificates that expire within 30 days. */
  expiring: count,
  /** Staff without a valid certificate (they are unfit in the morning check). */
  uncertified: count,
  /** certified ÷ staff, 0 when there are no staff. */
  certifiedShare: v.number(),
});
/** Type of {@link CoverageFiguresSchema}. */
export type CoverageFigures = v.InferOutput<typeof CoverageFiguresSchema>;

/** A topic learners get wrong, over the submitted papers of the scope. */
export const FailingTopicSchema = v.object({
  topic: v.string(),
  label: v.object({ zh: v.string(), en: v.string() }),
  answered: count,
  wrong: count,
  wrongShare: v.number(),
});
/** Type of {@link FailingTopicSchema}. */
export type FailingTopic = v.InferOutput<typeof FailingTopicSchema>;

/** `GET /v1/training/coverage`: totals, by district, by venue kind, and failing topics. */
export const TrainingCoverageSchema = v.object({
  day: DaySchema,
  total: CoverageFiguresSchema,
  byDistrict: v.array(v.object({ regionId: IdSchema, name: v.string(), ...CoverageFiguresSchema.entries })),
  byVenueKind: v.array(v.object({ kind: v.picklist(VENUE_KINDS), ...CoverageFiguresSchema.entries })),
  failingTopics: v.array(FailingTopicSchema),
});
/** Type of {@link TrainingCoverageSchema}. */
export type TrainingCoverage = v.InferOutput<typeof TrainingCoverageSchema>;

/** Figures from counts, with the share. */
export function coverageFigures(counts: Omit<CoverageFigures, 'certifiedShare' | 'uncertified'>): CoverageFigures {
  return {
    ...counts,
    uncertified: counts.staff - counts.certified,
    certifiedShare: counts.staff === 0 ? 0 : Math.round((counts.certified / counts.staff) * 1000) / 1000,
  };
}
