/**
 * Open data: every venue's grades and rating summary, by region (a district, or the city with its
 * districts). Three queries a page, whatever its size: venues, their inspections, their ratings.
 */
import { localDay, type OpenGrade, type RatingSummary, type VenueKind } from '@brightkitchen/sdk';
import { sql } from 'kysely';
import { type CorruptValueLog, type Database, readEach } from '../db/index.js';
import { gradeOf, inspectionsForGrading } from '../inspections/index.js';
import { ratingSummaries } from '../ratings/service.js';
import { toVenue } from '../venues/index.js';

export type { OpenGrade };

export interface OpenGradesQuery {
  readonly regionId?: string;
  readonly limit: number;
  /** The last venue id of the previous page. */
  readonly cursor?: string;
}

export async function openGrades(
  database: Database,
  query: OpenGradesQuery,
  log: CorruptValueLog,
  now: Date = new Date(),
): Promise<{ items: OpenGrade[]; nextCursor: string | null }> {
  const { db } = database;
  let q = db
    .selectFrom('venues')
    .select(['id', 'name', 'kind', 'region_id', 'public_code', 'time_zone', 'data'])
    .where('archived_at', 'is', null);
  if (query.regionId) {
    const regionId = query.regionId;
    q = q.where(
      sql<boolean>`(region_id = ${regionId} or region_id in (select id from regions where parent_id = ${regionId}))`,
    );
  }
  if (query.cursor) q = q.where('id', '>', query.cursor);
  const rows = await q
    .orderBy('id')
    .limit(query.limit + 1)
    .execute();
  const page = rows.slice(0, query.limit);
  const ids = page.map((r) => r.id);
  const today = localDay(now, page[0]?.time_zone ?? 'Asia/Shanghai');
  const [inspections, ratings] = await Promise.all([
    inspectionsForGrading(database, ids, today, log),
    ratingSummaries(database, ids),
  ]);
  // A venue whose stored archive is damaged is logged and left out; the cursor still moves past it.
  const items = readEach(
    page,
    (row) => ({
      venueId: row.id,
      name: row.name,
      kind: row.kind as VenueKind,
      regionId: row.region_id,
      publicCode: row.public_code,
      grade: gradeOf(toVenue(row), inspections.get(row.id) ?? [], localDay(now, row.time_zone)),
      rating: ratings.get(row.id) as RatingSummary,
    }),
    log,
  );
  const last = page[page.length - 1];
  return { items, nextCursor: rows.length > query.limit && last ? last.id : null };
}
