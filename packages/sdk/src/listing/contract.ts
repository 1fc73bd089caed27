/**
 * The regulator's red/black list routes (`/v1/lists…`): a draft computed for a region and a period with the
 * documented formula (`scoreListing`), reviewed (a venue excluded with a reason), then published — kept with every
 * listed venue's factors, so why a venue is on a list can always be read back.
 */
import * as v from 'valibot';
import { pageSchema } from '../contract/page.js';
import { GRADE_FACES, LIST_KINDS, VENUE_KINDS } from '../domain/enums.js';
import { DaySchema, IdSchema, InstantSchema, LocalizedTextSchema, text } from '../domain/primitives.js';
import { ListPeriodSchema } from '../domain/public-lists.js';
import { PublicCodeSchema } from '../domain/venue-public.js';
import { LISTING_FACTORS } from './factors.js';
import { LISTING_REASONS } from './reasons.js';

/** Venues a named scope may list, at most. */
export const LIST_SCOPE_MAX_VENUES = 5000;

/** Body of `POST /v1/lists/drafts`. */
export const ListDraftInputSchema = v.object({
  regionId: IdSchema,
  period: ListPeriodSchema,
  /** Part of the region only (e.g. 古楼街道美食街): its name and its venues, all within the region. */
  scope: v.optional(
    v.object({
      name: text(100),
      venueIds: v.pipe(v.array(IdSchema), v.minLength(1), v.maxLength(LIST_SCOPE_MAX_VENUES)),
    }),
  ),
});
/** Body of `POST /v1/lists/drafts`. Type of {@link ListDraftInputSchema}. */
export type ListDraftInput = v.InferOutput<typeof ListDraftInputSchema>;

/** One listed (or excluded) venue and why: its score, reasons and every factor of the formula. */
export const ListEntrySchema = v.object({
  venueId: IdSchema,
  name: v.string(),
  publicCode: PublicCodeSchema,
  kind: v.picklist(VENUE_KINDS),
  regionId: IdSchema,
  list: v.picklist(LIST_KINDS),
  score: v.number(),
  face: v.nullable(v.picklist(GRADE_FACES)),
  reasons: v.array(v.picklist(LISTING_REASONS)),
  factors: v.array(
    v.object({ factor: v.picklist(LISTING_FACTORS), contribution: v.number(), explanation: LocalizedTextSchema }),
  ),
  /** Set when a regulator took the venue off the list before publishing. */
  exclusion: v.optional(v.object({ reason: text(500), by: IdSchema, at: InstantSchema })),
});
/** One listed venue and why. Type of {@link ListEntrySchema}. */
export type ListEntry = v.InferOutput<typeof ListEntrySchema>;

/** A draft or published pair of lists. */
export const ListSetSchema = v.object({
  id: IdSchema,
  regionId: IdSchema,
  period: ListPeriodSchema,
  scopeName: v.nullable(v.string()),
  state: v.picklist(['draft', 'published']),
  /** The days its figures were read over (the period, up to today). */
  from: DaySchema,
  to: DaySchema,
  /** Venues scored. */
  venues: v.number(),
  computedAt: InstantSchema,
  computedBy: IdSchema,
  publishedAt: v.nullable(InstantSchema),
  publishedBy: v.nullable(IdSchema),
  /** Listed venues, best (red) or worst (black) first; excluded ones carry `exclusion`. */
  red: v.array(ListEntrySchema),
  black: v.array(ListEntrySchema),
});
/** A draft or published pair of lists. Type of {@link ListSetSchema}. */
export type ListSet = v.InferOutput<typeof ListSetSchema>;

/** A list set in `GET /v1/lists` (drafts and publications, newest first): how many venues each list holds. */
export const ListSetSummarySchema = v.object({
  ...v.omit(ListSetSchema, ['red', 'black']).entries,
  red: v.number(),
  black: v.number(),
});
/** Type of {@link ListSetSummarySchema}. */
export type ListSetSummary = v.InferOutput<typeof ListSetSummarySchema>;
/** `GET /v1/lists`. */
export const ListSetPageSchema = pageSchema(ListSetSummarySchema);
/** Type of {@link ListSetPageSchema}. */
export type ListSetPage = v.InferOutput<typeof ListSetPageSchema>;

/** Body of `POST /v1/lists/{listId}/exclusions`. */
export const ListExclusionInputSchema = v.object({ venueId: IdSchema, reason: text(500) });
/** Type of {@link ListExclusionInputSchema}. */
export type ListExclusionInput = v.InferOutput<typeof ListExclusionInputSchema>;
