/** The shape of every list answer: `{ items, nextCursor }`, `nextCursor` null on the last page. */
import * as v from 'valibot';

/** The page schema of a list of `item`. */
/* @__NO_SIDE_EFFECTS__ */
export function pageSchema<TItem extends v.GenericSchema>(item: TItem) {
  return v.object({ items: v.array(item), nextCursor: v.nullable(v.string()) });
}
