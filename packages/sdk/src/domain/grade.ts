/** The food-safety grade of a venue (量化分级): the dynamic grade and the annual grade. */
import * as v from 'valibot';
import { ANNUAL_GRADES, GRADE_FACES } from './enums.js';
import { DaySchema } from './primitives.js';

/** The grade after the latest inspection: a face and the score that gave it. */
export const DynamicGradeSchema = v.object({
  face: v.picklist(GRADE_FACES),
  score: v.pipe(v.number(), v.minValue(0), v.maxValue(10)),
  inspectedOn: DaySchema,
});
/** The grade after the latest inspection: a face and the score that gave it. Type of {@link DynamicGradeSchema}. */
export type DynamicGrade = v.InferOutput<typeof DynamicGradeSchema>;

/** The grade of a year, from the average of the past 12 months. */
export const AnnualGradeResultSchema = v.object({
  grade: v.picklist(ANNUAL_GRADES),
  year: v.pipe(v.number(), v.integer(), v.minValue(2000), v.maxValue(2100)),
});
/** The grade of a year, from the average of the past 12 months. Type of {@link AnnualGradeResultSchema}. */
export type AnnualGradeResult = v.InferOutput<typeof AnnualGradeResultSchema>;

/** A venue's grades; `null` where none has been given yet. */
export const GradeSchema = v.object({
  dynamic: v.nullable(DynamicGradeSchema),
  annual: v.nullable(AnnualGradeResultSchema),
});
/** A venue's grades; `null` where none has been given yet. Type of {@link GradeSchema}. */
export type Grade = v.InferOutput<typeof GradeSchema>;
