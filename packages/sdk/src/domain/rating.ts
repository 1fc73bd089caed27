/** Consumer smiley ratings (笑脸评价): one face per aspect, and their public summary. */
import * as v from 'valibot';
import { FACES, type Face, RATING_ASPECTS, type RatingAspect } from './enums.js';
import { CountSchema, IdSchema, keyedObject, RatioSchema } from './primitives.js';

/** One face for each aspect: dish quality, hygiene, service. */
export const RatingFacesSchema = keyedObject(RATING_ASPECTS, v.picklist(FACES));
/** One face for each aspect: dish quality, hygiene, service. Type of {@link RatingFacesSchema}. */
export type RatingFaces = v.InferOutput<typeof RatingFacesSchema>;

const ratingEntries = {
  faces: RatingFacesSchema,
  comment: v.optional(v.pipe(v.string(), v.maxLength(500))),
};

/** A consumer's stored rating of a venue: one face per aspect and an optional comment. */
export const RatingSchema = v.object({ venueId: IdSchema, ...ratingEntries });
/** Type of {@link RatingSchema}. */
export type Rating = v.InferOutput<typeof RatingSchema>;

/** Body of `POST /v1/venues/{venueId}/ratings` (the venue comes from the path). */
export const RatingInputSchema = v.object(ratingEntries);
/** Body of `POST /v1/venues/{venueId}/ratings` (the venue comes from the path). Type of {@link RatingInputSchema}. */
export type RatingInput = v.InferOutput<typeof RatingInputSchema>;

/** How many times each face was given. */
export const FaceCountsSchema = keyedObject(FACES, CountSchema);
/** How many times each face was given. Type of {@link FaceCountsSchema}. */
export type FaceCounts = v.InferOutput<typeof FaceCountsSchema>;

/** A venue's ratings summed up: count, faces per aspect and the satisfaction rate. */
export const RatingSummarySchema = v.object({
  /** Number of ratings. */
  count: CountSchema,
  /** Face counts per aspect. */
  aspects: keyedObject(RATING_ASPECTS, FaceCountsSchema),
  /** Satisfied faces ÷ all faces given, over every aspect; `null` before the first rating. */
  satisfactionRate: v.nullable(RatioSchema),
});
/**
 * Type of {@link RatingSummarySchema}.
 * @example summarizeRatings(ratings).satisfactionRate // 0.8
 */
export type RatingSummary = v.InferOutput<typeof RatingSummarySchema>;

/** Summarises ratings: face counts per aspect and the share of satisfied faces. */
export function summarizeRatings(ratings: readonly Pick<Rating, 'faces'>[]): RatingSummary {
  const aspects = {} as Record<RatingAspect, Record<Face, number>>;
  for (const aspect of RATING_ASPECTS) aspects[aspect] = { satisfied: 0, neutral: 0, dissatisfied: 0 };
  let satisfied = 0;
  for (const { faces } of ratings) {
    for (const aspect of RATING_ASPECTS) {
      aspects[aspect][faces[aspect]] += 1;
      if (faces[aspect] === 'satisfied') satisfied += 1;
    }
  }
  const given = ratings.length * RATING_ASPECTS.length;
  return { count: ratings.length, aspects, satisfactionRate: given === 0 ? null : satisfied / given };
}
