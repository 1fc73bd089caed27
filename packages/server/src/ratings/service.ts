/**
 * Ratings (笑脸评价): one per consumer, venue and venue-local day, and their summaries computed in SQL
 * (one query per venue, or one grouped query for many venues) in the SDK's `RatingSummary` shape.
 */
import {
  FACES,
  type Face,
  type FaceCounts,
  localDay,
  RATING_ASPECTS,
  type RatingAspect,
  type RatingInput,
  type RatingSummary,
  type StoredRating,
} from '@brightkitchen/sdk';
import { type ExpressionBuilder, sql } from 'kysely';
import { type Database, type DB, newId, type RatingsTable } from '../db/index.js';
import { AppError } from '../errors/index.js';

export type { StoredRating };

function toStoredRating(row: RatingsTable): StoredRating {
  const rating: StoredRating = {
    id: row.id,
    venueId: row.venue_id,
    faces: { dishes: row.dishes as Face, hygiene: row.hygiene as Face, service: row.service as Face },
    day: row.local_day,
    createdAt: row.created_at,
  };
  return row.comment ? { ...rating, comment: row.comment } : rating;
}

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  return e.code === '23505' || e.code === 'SQLITE_CONSTRAINT_UNIQUE' || /UNIQUE constraint/i.test(e.message ?? '');
}

/** Stores a rating; a second one by the same consumer for the venue on its local day → RATING_ALREADY_TODAY. */
export async function addRating(
  { db }: Database,
  venue: { id: string; time_zone: string },
  consumerId: string,
  input: RatingInput,
  now: Date = new Date(),
): Promise<StoredRating> {
  const row: RatingsTable = {
    id: newId('rat'),
    venue_id: venue.id,
    consumer_id: consumerId,
    local_day: localDay(now, venue.time_zone),
    dishes: input.faces.dishes,
    hygiene: input.faces.hygiene,
    service: input.faces.service,
    comment: input.comment ?? null,
    created_at: now.toISOString(),
  };
  try {
    await db.insertInto('ratings').values(row).execute();
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('RATING_ALREADY_TODAY', { day: row.local_day });
    throw error;
  }
  return toStoredRating(row);
}

const COLUMNS = [...RATING_ASPECTS.flatMap((aspect) => FACES.map((face) => [aspect, face] as const))];
const alias = (aspect: RatingAspect, face: Face) => `${aspect}_${face}`;

/** count + one `sum(case …)` per aspect and face: the whole summary in one pass. */
function summaryColumns(eb: ExpressionBuilder<DB, 'ratings'>) {
  return [
    eb.fn.countAll<number>().as('n'),
    ...COLUMNS.map(([aspect, face]) =>
      sql<number>`sum(case when ${sql.ref(aspect)} = ${face} then 1 else 0 end)`.as(alias(aspect, face)),
    ),
  ];
}

type SummaryRow = Record<string, unknown>;

function toSummary(row: SummaryRow | undefined): RatingSummary {
  const count = Number(row?.n ?? 0);
  const aspects = {} as Record<RatingAspect, FaceCounts>;
  let satisfied = 0;
  for (const aspect of RATING_ASPECTS) {
    const counts = {} as Record<Face, number>;
    for (const face of FACES) counts[face] = Number(row?.[alias(aspect, face)] ?? 0);
    satisfied += counts.satisfied;
    aspects[aspect] = counts;
  }
  const given = count * RATING_ASPECTS.length;
  return { count, aspects, satisfactionRate: given === 0 ? null : satisfied / given };
}

export async function ratingSummary({ db }: Database, venueId: string): Promise<RatingSummary> {
  const row = await db.selectFrom('ratings').select(summaryColumns).where('venue_id', '=', venueId).executeTakeFirst();
  return toSummary(row as SummaryRow | undefined);
}

/** Summaries of many venues in one grouped query; venues without ratings get the empty summary. */
export async function ratingSummaries(
  { db }: Database,
  venueIds: readonly string[],
): Promise<Map<string, RatingSummary>> {
  const out = new Map<string, RatingSummary>();
  if (venueIds.length === 0) return out;
  const rows = await db
    .selectFrom('ratings')
    .select((eb) => [eb.ref('venue_id').as('venue_id'), ...summaryColumns(eb)])
    .where('venue_id', 'in', [...venueIds])
    .groupBy('venue_id')
    .execute();
  for (const row of rows) out.set(row.venue_id, toSummary(row as SummaryRow));
  for (const id of venueIds) if (!out.has(id)) out.set(id, toSummary(undefined));
  return out;
}
