/**
 * The e-map's layer (`GET /v1/warehouse/map`): the caller's venues with a place, coloured by risk, and the points of
 * complaints and alerts. Coordinates are GCJ-02 (what Chinese maps use; the platform stores them so). Polled with
 * `since` (the previous answer's `at`), it answers only what happened after: a new complaint shows within a second.
 */
import * as v from 'valibot';
import { IdSchema, InstantSchema } from '../domain/primitives.js';

/** Risk bands of the current ranking: the top tenth `high`, the next fifth `medium`, the rest `low`. */
export const MAP_RISK_BANDS = ['high', 'medium', 'low'] as const;
export type MapRiskBand = (typeof MAP_RISK_BANDS)[number];

/** What a point on the map is: a consumer's complaint, an AI camera's capture, another alert. */
export const MAP_POINT_KINDS = ['complaint', 'violation', 'alert'] as const;
export type MapPointKind = (typeof MAP_POINT_KINDS)[number];

export const MapLayerQuerySchema = v.object({
  regionId: v.optional(IdSchema),
  /** Only points after this instant (the previous answer's `at`); venues are then left out. */
  since: v.optional(InstantSchema),
  /** Points of the last N days (1–30, default 7). */
  days: v.optional(v.pipe(v.string(), v.regex(/^([1-9]|[12]\d|30)$/))),
});
export type MapLayerQuery = v.InferOutput<typeof MapLayerQuerySchema>;

export const MapVenueSchema = v.object({
  venueId: IdSchema,
  name: v.string(),
  regionId: IdSchema,
  lng: v.number(),
  lat: v.number(),
  risk: v.picklist(MAP_RISK_BANDS),
  /** Rank in the caller's current ranking (1: most at risk). */
  rank: v.number(),
});
export type MapVenue = v.InferOutput<typeof MapVenueSchema>;

export const MapPointSchema = v.object({
  kind: v.picklist(MAP_POINT_KINDS),
  id: IdSchema,
  venueId: IdSchema,
  name: v.string(),
  lng: v.number(),
  lat: v.number(),
  at: InstantSchema,
  /** What it says, in zh (an alert's message, a complaint's subject). */
  text: v.string(),
});
export type MapPoint = v.InferOutput<typeof MapPointSchema>;

export const MapLayerSchema = v.object({
  /** Pass as `since` on the next poll. */
  at: InstantSchema,
  /** Absent on a poll with `since`. */
  venues: v.optional(v.array(MapVenueSchema)),
  points: v.array(MapPointSchema),
});
export type MapLayer = v.InferOutput<typeof MapLayerSchema>;
