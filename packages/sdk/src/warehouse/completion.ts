/** Ledger completion: what venues recorded against what the rules required of them (`dayRequirements`). */
import * as v from 'valibot';
import { pageSchema } from '../contract/page.js';
import { VENUE_KINDS } from '../domain/enums.js';
import { DaySchema } from '../domain/primitives.js';
import { REQUIREMENT_CODES } from '../rules/completion/requirements.js';
import { RateSchema, RegionRefSchema, VenueRefSchema } from './query.js';

/** `GET /v1/warehouse/completion`: completion over a range, by district, venue kind, day and requirement. */
export const CompletionReportSchema = v.object({
  from: DaySchema,
  to: DaySchema,
  /** Venues in scope, and those keeping ledgers on the platform (a staff archive): rates cover the latter. */
  venues: v.number(),
  enrolled: v.number(),
  total: RateSchema,
  byDistrict: v.array(v.object({ ...RegionRefSchema.entries, ...RateSchema.entries })),
  byKind: v.array(v.object({ kind: v.picklist(VENUE_KINDS), ...RateSchema.entries })),
  byDay: v.array(v.object({ day: DaySchema, ...RateSchema.entries })),
  byRequirement: v.array(v.object({ code: v.picklist(REQUIREMENT_CODES), ...RateSchema.entries })),
});
/** Type of {@link CompletionReportSchema}. */
export type CompletionReport = v.InferOutput<typeof CompletionReportSchema>;

/** One venue short of today's requirements, and what it is missing. */
export const VenueGapSchema = v.object({
  ...VenueRefSchema.entries,
  kind: v.picklist(VENUE_KINDS),
  ...RateSchema.entries,
  missing: v.array(v.object({ code: v.picklist(REQUIREMENT_CODES), expected: v.number(), done: v.number() })),
});
/** Type of {@link VenueGapSchema}. */
export type VenueGap = v.InferOutput<typeof VenueGapSchema>;

/** `GET /v1/warehouse/completion/today`: today's venues with something missing, least complete first. */
export const CompletionTodayPageSchema = v.object({ day: DaySchema, ...pageSchema(VenueGapSchema).entries });
/** Type of {@link CompletionTodayPageSchema}. */
export type CompletionTodayPage = v.InferOutput<typeof CompletionTodayPageSchema>;
