/** Rows of venues in a region set, as a SQL condition on a venue id column (portable to both databases). */
import { type RawBuilder, sql } from 'kysely';
import type { RegionSet } from './scope.js';

export function venuesInRegionsSql(regions: RegionSet, venueIdColumn: string): RawBuilder<boolean> {
  if (regions === 'all') return sql<boolean>`1 = 1`;
  return sql<boolean>`${sql.ref(venueIdColumn)} in (select id from venues where region_id in (${sql.join([...regions])}))`;
}
