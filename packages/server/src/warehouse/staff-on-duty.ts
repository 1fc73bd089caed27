/** Staff on duty per venue on a day: on the archive and not left before it (the morning checks it must have). */
import type { Database } from '../db/index.js';

export async function staffOnDuty({ db }: Database, day: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('staff')
    .select(['venue_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where((eb) => eb.or([eb('left_on', 'is', null), eb('left_on', '>=', day)]))
    .groupBy('venue_id')
    .execute();
  return new Map(rows.map((r) => [r.venue_id, Number(r.n)]));
}
