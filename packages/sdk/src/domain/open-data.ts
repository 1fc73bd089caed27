/** Open data (`GET /v1/open/grades`): every venue's grades and rating summary, by region. */
import * as v from 'valibot';
import { VENUE_KINDS } from './enums.js';
import { GradeSchema } from './grade.js';
import { IdSchema } from './primitives.js';
import { RatingSummarySchema } from './rating.js';
import { PublicCodeSchema } from './venue.js';

/** One venue in the open data: its kind, region, QR code, grades and rating summary. */
export const OpenGradeSchema = v.object({
  venueId: IdSchema,
  name: v.string(),
  kind: v.picklist(VENUE_KINDS),
  regionId: IdSchema,
  /** The code of the venue's QR profile (`GET /v1/public/venues/{publicCode}`). */
  publicCode: PublicCodeSchema,
  grade: GradeSchema,
  rating: RatingSummarySchema,
});
/** Type of {@link OpenGradeSchema}. */
export type OpenGrade = v.InferOutput<typeof OpenGradeSchema>;

/** One page of open data. */
export const OpenGradesPageSchema = v.object({ items: v.array(OpenGradeSchema), nextCursor: v.nullable(v.string()) });
/** One page of open data. Type of {@link OpenGradesPageSchema}. */
export type OpenGradesPage = v.InferOutput<typeof OpenGradesPageSchema>;
