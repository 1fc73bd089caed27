/** The query every warehouse panel takes: a region (and its districts) and a range of local days. */
import * as v from 'valibot';
import { DaySchema, IdSchema } from '../domain/primitives.js';

/** Longest range a panel covers, in days. */
export const WAREHOUSE_MAX_DAYS = 366;
/** The range a panel covers when none is given: the last 30 local days, today included. */
export const WAREHOUSE_DEFAULT_DAYS = 30;

/**
 * `?regionId=&from=&to=`: a region the caller oversees (a city includes its districts; absent: every region the
 * caller sees) and local days `YYYY-MM-DD` (Asia/Shanghai unless the region says otherwise).
 */
export const WarehouseQuerySchema = v.object({
  regionId: v.optional(IdSchema),
  from: v.optional(DaySchema),
  to: v.optional(DaySchema),
});
/** Type of {@link WarehouseQuerySchema}. */
export type WarehouseQuery = v.InferOutput<typeof WarehouseQuerySchema>;

/** A part of a whole: records expected, records done and their ratio (1 when nothing was expected). */
export const RateSchema = v.object({
  expected: v.number(),
  done: v.number(),
  rate: v.number(),
});
/** Type of {@link RateSchema}. */
export type Rate = v.InferOutput<typeof RateSchema>;

/** A district (or other region) named on a panel. */
export const RegionRefSchema = v.object({ regionId: IdSchema, name: v.string() });

/** A venue named on a panel. */
export const VenueRefSchema = v.object({ venueId: IdSchema, name: v.string(), regionId: IdSchema });

/** A count of something on a key. */
export const KeyedCountSchema = v.object({ key: v.string(), count: v.number() });
/** Type of {@link KeyedCountSchema}. */
export type KeyedCount = v.InferOutput<typeof KeyedCountSchema>;
