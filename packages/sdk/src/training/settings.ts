/** A region's training settings: how long its certificates are valid. */
import * as v from 'valibot';
import { IdSchema } from '../domain/primitives.js';

/** Certificates are valid one year unless the region says otherwise. */
export const DEFAULT_CERTIFICATE_VALID_MONTHS = 12;

/** Body of `PUT /v1/regions/{regionId}/training-settings`. */
export const TrainingSettingsInputSchema = v.object({
  certificateValidMonths: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(60)),
});
/** Type of {@link TrainingSettingsInputSchema}. */
export type TrainingSettingsInput = v.InferOutput<typeof TrainingSettingsInputSchema>;

/** A region's settings as they apply (its own, a parent region's, or the national default). */
export const TrainingSettingsSchema = v.object({
  regionId: IdSchema,
  certificateValidMonths: v.pipe(v.number(), v.integer(), v.minValue(1)),
  /** Where the value comes from: this region, a parent region (its id), or the national default. */
  source: v.union([v.literal('region'), v.literal('national'), v.object({ parentRegionId: IdSchema })]),
});
/** Type of {@link TrainingSettingsSchema}. */
export type TrainingSettings = v.InferOutput<typeof TrainingSettingsSchema>;
