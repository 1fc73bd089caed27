/** The head of every venue's chain: what a published root anchors. */
import type { ChainHead } from '@brightkitchen/sdk';
import type { Database } from '../db/index.js';

/** Each venue's last record (venues without records left out), in venue-id order. */
export async function chainHeads({ db }: Database): Promise<ChainHead[]> {
  const rows = await db
    .selectFrom('ledger_records as r')
    .innerJoin(
      (eb) =>
        eb
          .selectFrom('ledger_records')
          .select((s) => ['venue_id', s.fn.max('seq').as('top')])
          .groupBy('venue_id')
          .as('m'),
      (join) => join.onRef('m.venue_id', '=', 'r.venue_id').onRef('m.top', '=', 'r.seq'),
    )
    .select(['r.venue_id', 'r.seq', 'r.hash'])
    .execute();
  return rows
    .map((row) => ({ venueId: row.venue_id, seq: Number(row.seq), hash: row.hash }))
    .sort((a, b) => (a.venueId < b.venueId ? -1 : a.venueId > b.venueId ? 1 : 0));
}
