/**
 * `venue_grades`: each venue's grades as last computed, for whatever reads grades in bulk (the red/black lists, the
 * console, open data). Refreshed for one venue after each inspection or incident, and for the whole city once a
 * local day (the annual grade's 12-month window moves every day even without inspections). The public profile
 * computes the same grades on read with the same `gradeOutcome`.
 */
import { localDay } from '@brightkitchen/sdk';
import { type CorruptValueLog, type Database, readEach, toJson, type VenueGradesTable } from '../db/index.js';
import { toVenue } from '../venues/index.js';
import { gradeOutcome } from './grade.js';
import { inspectionsForGrading } from './store.js';

/** Venues graded and upserted per batch (9 columns: well under both databases' parameter limits). */
const BATCH = 1000;

/** Runs `read` over `ids` in slices of {@link BATCH} (SQLite takes at most 32,766 parameters a statement). */
function inChunks<T>(ids: readonly string[], read: (ids: string[]) => Promise<T>): Promise<T[]> {
  const reads: Promise<T>[] = [];
  for (let i = 0; i < ids.length; i += BATCH) reads.push(read(ids.slice(i, i + BATCH)));
  return Promise.all(reads);
}

/** Options of {@link refreshGrades}. */
export interface RefreshGradesOptions {
  /** Only these venues (default: every venue that is not archived). */
  readonly venueIds?: readonly string[];
  readonly now?: Date;
  readonly log?: CorruptValueLog;
}

const silent: CorruptValueLog = () => undefined;

/** Recomputes and stores the grades of the given venues (or all); answers how many were stored. */
export async function refreshGrades(database: Database, options: RefreshGradesOptions = {}): Promise<number> {
  const now = options.now ?? new Date();
  const log = options.log ?? silent;
  const query = database.db.selectFrom('venues').select(['id', 'data', 'time_zone']).where('archived_at', 'is', null);
  const venues = options.venueIds
    ? (await inChunks(options.venueIds, (ids) => query.where('id', 'in', ids).execute())).flat()
    : await query.orderBy('id').execute();
  let stored = 0;
  for (let start = 0; start < venues.length; start += BATCH) {
    const batch = venues.slice(start, start + BATCH);
    // Grading reads two years back from the latest local day of the batch (one zone in practice).
    const today = localDay(now, batch[0]?.time_zone);
    const inspections = await inspectionsForGrading(
      database,
      batch.map((venue) => venue.id),
      today,
      log,
    );
    const rows: VenueGradesTable[] = [];
    for (const { row, venue } of readEach(batch, (row) => ({ row, venue: toVenue(row) }), log)) {
      const outcome = gradeOutcome(venue, inspections.get(row.id) ?? [], localDay(now, row.time_zone));
      const { dynamic, annual } = outcome.grade;
      rows.push({
        venue_id: row.id,
        dynamic_face: dynamic?.face ?? null,
        dynamic_score: dynamic?.score ?? null,
        inspected_on: dynamic?.inspectedOn ?? null,
        no_grade_reasons: toJson(outcome.reasons),
        annual_grade: annual?.grade ?? null,
        annual_average: outcome.annualAverage,
        annual_year: annual?.year ?? null,
        computed_at: now.toISOString(),
      });
    }
    if (rows.length === 0) continue;
    await database.db
      .insertInto('venue_grades')
      .values(rows)
      .onConflict((oc) =>
        oc.column('venue_id').doUpdateSet((eb) => ({
          dynamic_face: eb.ref('excluded.dynamic_face'),
          dynamic_score: eb.ref('excluded.dynamic_score'),
          inspected_on: eb.ref('excluded.inspected_on'),
          no_grade_reasons: eb.ref('excluded.no_grade_reasons'),
          annual_grade: eb.ref('excluded.annual_grade'),
          annual_average: eb.ref('excluded.annual_average'),
          annual_year: eb.ref('excluded.annual_year'),
          computed_at: eb.ref('excluded.computed_at'),
        })),
      )
      .execute();
    stored += rows.length;
  }
  return stored;
}

/** The local day grades were last refreshed for the whole city (null before the first refresh). */
export async function gradesRefreshedOn(database: Database, timeZone: string): Promise<string | null> {
  const row = await database.db
    .selectFrom('venue_grades')
    .select((eb) => eb.fn.min('computed_at').as('oldest'))
    .executeTakeFirst();
  return row?.oldest ? localDay(row.oldest, timeZone) : null;
}
