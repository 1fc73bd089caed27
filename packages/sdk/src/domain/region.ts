/** A district of the city (or the city itself): the unit a regulator supervises. */
import * as v from 'valibot';
import { IdSchema, text } from './primitives.js';

/** A district of the city, or the city itself: id, name, division code and parent. */
export const RegionSchema = v.object({
  id: IdSchema,
  name: text(64),
  /** Administrative division code (GB/T 2260), e.g. `371502`. */
  code: v.pipe(v.string(), v.regex(/^[0-9A-Za-z_-]{1,32}$/)),
  /** The enclosing region; absent for the city itself. */
  parentId: v.optional(IdSchema),
});
/** A region. Type of {@link RegionSchema}. */
export type Region = v.InferOutput<typeof RegionSchema>;

/** Body of `POST /v1/regions` (admin): a region without id. */
export const RegionInputSchema = v.omit(RegionSchema, ['id']);
/** Body of `POST /v1/regions` (admin): a region without id. Type of {@link RegionInputSchema}. */
export type RegionInput = v.InferOutput<typeof RegionInputSchema>;
