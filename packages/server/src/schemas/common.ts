/** Server-side schemas of transport details (params, list paging). Domain shapes come from the SDK. */
import * as v from 'valibot';

export const IdParam = v.pipe(v.string(), v.minLength(1), v.maxLength(100));

export const VenueParamsSchema = v.object({ venueId: IdParam });

/** Query strings stay strings on the wire (no type coercion); handlers read numbers with `readLimit`. */
export const ListQuerySchema = v.object({
  limit: v.optional(v.pipe(v.string(), v.regex(/^\d{1,4}$/))),
  cursor: v.optional(v.string()),
});

/**
 * A `?from=`/`?to=` bound: a real calendar day `YYYY-MM-DD` or an ISO instant with its offset (`2024-02-30` and
 * `yesterday` are refused by the schema, not read as nothing).
 */
export const DayOrInstantParam = v.pipe(
  v.string(),
  v.maxLength(35),
  v.regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/),
  v.check((text) => {
    const day = text.slice(0, 10);
    return !Number.isNaN(Date.parse(text)) && new Date(`${day}T00:00:00Z`).toISOString().startsWith(day);
  }),
);

export function readLimit(limit: string | undefined, fallback = 50, max = 500): number {
  const n = limit === undefined ? fallback : Number(limit);
  return Math.max(1, Math.min(max, Number.isFinite(n) ? n : fallback));
}

/** A page of items in the contract's list shape. */
export interface Page<T> {
  readonly items: readonly T[];
  readonly nextCursor: string | null;
}
