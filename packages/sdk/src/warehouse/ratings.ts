/** Consumer satisfaction: the share of satisfied faces, by week, per district and per venue. */
import * as v from 'valibot';
import { DaySchema } from '../domain/primitives.js';
import { RegionRefSchema, VenueRefSchema } from './query.js';

/** One week (from its Monday): ratings and the share of faces that were satisfied. */
export const SatisfactionPointSchema = v.object({ week: DaySchema, ratings: v.number(), satisfaction: v.number() });

/** `GET /v1/warehouse/ratings`. */
export const RatingsReportSchema = v.object({
  from: DaySchema,
  to: DaySchema,
  ratings: v.number(),
  satisfaction: v.nullable(v.number()),
  trend: v.array(SatisfactionPointSchema),
  byDistrict: v.array(
    v.object({
      ...RegionRefSchema.entries,
      ratings: v.number(),
      satisfaction: v.nullable(v.number()),
      trend: v.array(SatisfactionPointSchema),
    }),
  ),
  /** Venues with at least five ratings, least satisfied first. */
  lowest: v.array(v.object({ ...VenueRefSchema.entries, ratings: v.number(), satisfaction: v.number() })),
});
/** Type of {@link RatingsReportSchema}. */
export type RatingsReport = v.InferOutput<typeof RatingsReportSchema>;
