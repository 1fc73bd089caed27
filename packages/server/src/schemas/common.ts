/** Server-side schemas of transport details (params, list paging). Domain shapes come from the SDK. */
import * as v from 'valibot';

export const IdParam = v.pipe(v.string(), v.minLength(1), v.maxLength(100));

export const VenueParamsSchema = v.object({ venueId: IdParam });

/** Query strings stay strings on the wire (no type coercion); handlers read numbers with `readLimit`. */
export const ListQuerySchema = v.object({
  limit: v.optional(v.pipe(v.string(), v.regex(/^\d{1,4}$/))),
  cursor: v.optional(v.string()),
});

export function readLimit(limit: string | undefined, fallback = 50, max = 500): number {
  const n = limit === undefined ? fallback : Number(limit);
  return Math.max(1, Math.min(max, Number.isFinite(n) ? n : fallback));
}

/** A page of items in the contract's list shape. */
export interface Page<T> {
  readonly items: readonly T[];
  readonly nextCursor: string | null;
}
