/** `POST /v1/venues/{venueId}/ratings` answers the rating as stored. */
import * as v from 'valibot';
import { DaySchema, IdSchema, InstantSchema } from '../domain/primitives.js';
import { RatingSchema } from '../domain/rating.js';

/** A stored rating: the consumer's `Rating` with its id, the venue-local day it counts for and its time. */
export const StoredRatingSchema = v.object({
  ...RatingSchema.entries,
  id: IdSchema,
  day: DaySchema,
  createdAt: InstantSchema,
});
/**
 * A stored rating: the consumer's `Rating` with its id, the venue-local day it counts for and its time. Type of {@link
 * StoredRatingSchema}.
 */
export type StoredRating = v.InferOutput<typeof StoredRatingSchema>;
