/**
 * The published red and black lists (红黑榜) as consumers read them (`GET /v1/public/lists?regionId=`): only
 * published lists, each venue with its public name, code, grade face, score and why it is listed.
 */
import * as v from 'valibot';
import { GRADE_FACES, LIST_KINDS, VENUE_KINDS } from './enums.js';
import { DaySchema, IdSchema, InstantSchema, LocalizedTextSchema } from './primitives.js';
import { PublicCodeSchema } from './venue-public.js';

/** A list's period: a month (`2026-11`) or a quarter (`2026-Q4`). */
export const LIST_PERIOD = /^\d{4}-(?:0[1-9]|1[0-2]|Q[1-4])$/;
/** A list's period, `YYYY-MM` or `YYYY-Qn`. */
export const ListPeriodSchema = v.pipe(v.string(), v.regex(LIST_PERIOD));

/** Venues of each list in the public answer, at most (the first ones: best red, worst black). */
export const PUBLIC_LIST_MAX = 200;

/** One venue on a published list, as the public sees it. */
export const PublicListEntrySchema = v.object({
  name: v.string(),
  publicCode: PublicCodeSchema,
  kind: v.picklist(VENUE_KINDS),
  list: v.picklist(LIST_KINDS),
  /** The listing score, 0–100. */
  score: v.number(),
  /** The dynamic grade face at publication (null: not inspected yet). */
  face: v.nullable(v.picklist(GRADE_FACES)),
  /** Why it is listed, zh-CN first. */
  reasons: v.array(LocalizedTextSchema),
});
/** One venue on a published list. Type of {@link PublicListEntrySchema}. */
export type PublicListEntry = v.InferOutput<typeof PublicListEntrySchema>;

/** `GET /v1/public/lists?regionId=`: the latest lists published for the region (or the nearest region above it). */
export const PublicListsSchema = v.object({
  /** The region the lists were published for; null when none has been published. */
  regionId: v.nullable(IdSchema),
  period: v.nullable(ListPeriodSchema),
  /** The scope's name when the lists cover part of the region (e.g. a city-centre complex). */
  scopeName: v.nullable(v.string()),
  publishedAt: v.nullable(InstantSchema),
  /** The days the lists' figures were read over. */
  from: v.nullable(DaySchema),
  to: v.nullable(DaySchema),
  /** The red list, best first, and the black list, worst first: at most {@link PUBLIC_LIST_MAX} each. */
  red: v.array(PublicListEntrySchema),
  black: v.array(PublicListEntrySchema),
  /** How many venues each list holds in all (a city's lists may be longer than a page shows). */
  redCount: v.number(),
  blackCount: v.number(),
});
/** The latest published lists of a region. Type of {@link PublicListsSchema}. */
export type PublicLists = v.InferOutput<typeof PublicListsSchema>;
