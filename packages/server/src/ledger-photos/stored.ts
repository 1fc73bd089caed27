/** Which of a record's photo refs (`sha256:<hex>`) are in its venue's photo store: one query, whatever the count. */
import type { Database } from '../db/index.js';

const hashOf = (ref: string) => ref.slice('sha256:'.length);

/** The refs among `refs` that are stored for the venue. */
export async function storedPhotoRefs(
  { db }: Database,
  venueId: string,
  refs: readonly string[],
): Promise<Set<string>> {
  const wanted = [...new Set(refs)];
  if (wanted.length === 0) return new Set();
  const rows = await db
    .selectFrom('ledger_photos')
    .select('sha256')
    .where('venue_id', '=', venueId)
    .where('sha256', 'in', wanted.map(hashOf))
    .execute();
  return new Set(rows.map((row) => `sha256:${row.sha256}`));
}

/** The refs among `refs` that are not stored for the venue (each once, in order). */
export async function missingPhotoRefs(
  database: Database,
  venueId: string,
  refs: readonly string[],
): Promise<string[]> {
  const stored = await storedPhotoRefs(database, venueId, refs);
  return [...new Set(refs)].filter((ref) => !stored.has(ref));
}
