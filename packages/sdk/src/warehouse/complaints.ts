/** Complaints and notices: counts, places, how fast operators answer, which are overdue. */
import * as v from 'valibot';
import { DaySchema, IdSchema, InstantSchema } from '../domain/primitives.js';
import { KeyedCountSchema, RegionRefSchema, VenueRefSchema } from './query.js';

/** Days after which an unhandled complaint or an unanswered notice is overdue (platform rule). */
export const RESPONSE_DUE_DAYS = 7;

/** `GET /v1/warehouse/complaints`. */
export const ComplaintsReportSchema = v.object({
  from: DaySchema,
  to: DaySchema,
  complaints: v.number(),
  notices: v.number(),
  complaintsByState: v.array(KeyedCountSchema),
  noticesByState: v.array(KeyedCountSchema),
  byDistrict: v.array(v.object({ ...RegionRefSchema.entries, complaints: v.number(), notices: v.number() })),
  byDay: v.array(v.object({ day: DaySchema, complaints: v.number(), notices: v.number() })),
  /** Hours from a notice to the operator's answer. */
  answerP50Hours: v.nullable(v.number()),
  answerP90Hours: v.nullable(v.number()),
  overdue: v.array(
    v.object({
      id: IdSchema,
      what: v.picklist(['complaint', 'notice']),
      ...VenueRefSchema.entries,
      state: v.string(),
      createdAt: InstantSchema,
    }),
  ),
});
/** Type of {@link ComplaintsReportSchema}. */
export type ComplaintsReport = v.InferOutput<typeof ComplaintsReportSchema>;
