/**
 * Rectification notices: opened by a regulator (or by a failed sampling result), answered by the venue's
 * people, reviewed by the regulator. The SDK's `Rectification` is kept whole in `data` (without `overdue`,
 * which is read off the venue's clock); every change is a compare-and-set on `state`, so two people acting
 * at once never both succeed.
 */
import {
  localDay,
  type Rectification,
  type RectificationInput,
  type RectificationResponseInput,
  type RectificationReviewInput,
  RectificationSchema,
  type RectificationState,
  rectificationOverdue,
} from '@brightkitchen/sdk';
import { sql } from 'kysely';
import * as v from 'valibot';
import { type Database, newId, type RectificationsTable, readJson, storedValue, toJson } from '../db/index.js';
import { AppError } from '../errors/index.js';
import { missingPhotoRefs } from '../ledger-photos/stored.js';

const StoredRectificationSchema = v.omit(RectificationSchema, [
  'overdue',
  'venueName',
  'timeZone',
  'escalatedAt',
  'escalationAlertId',
]);
type StoredRectification = v.InferOutput<typeof StoredRectificationSchema>;

/** The venue columns a notice is read with. */
export interface RectificationVenue {
  readonly venue_name: string;
  readonly venue_time_zone: string;
}

function stored(row: Pick<RectificationsTable, 'id' | 'data'>): StoredRectification {
  return storedValue(
    readJson(StoredRectificationSchema, row.data, { table: 'rectifications', column: 'data', id: row.id }),
  );
}

/** The notice as the API answers it: `overdue` on the venue's clock at `now`. */
export function toRectification(
  row: Pick<RectificationsTable, 'id' | 'data' | 'escalated_at' | 'escalation_alert_id'> & RectificationVenue,
  now: Date = new Date(),
): Rectification {
  const data = stored(row);
  return {
    ...data,
    ...(row.escalated_at ? { escalatedAt: row.escalated_at } : {}),
    ...(row.escalation_alert_id ? { escalationAlertId: row.escalation_alert_id } : {}),
    overdue: rectificationOverdue(data, localDay(now, row.venue_time_zone)),
    venueName: row.venue_name,
    timeZone: row.venue_time_zone,
  };
}

/** The notice's row with its venue's name and zone, or NOT_FOUND. */
export async function loadRectification(
  { db }: Database,
  id: string,
): Promise<RectificationsTable & RectificationVenue & { region_id: string }> {
  const row = await db
    .selectFrom('rectifications')
    .innerJoin('venues', 'venues.id', 'rectifications.venue_id')
    .selectAll('rectifications')
    .select(['venues.name as venue_name', 'venues.time_zone as venue_time_zone', 'venues.region_id'])
    .where('rectifications.id', '=', id)
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

const SOURCE_TABLES = {
  inspection: 'inspections',
  alert: 'alerts',
  notice: 'notices',
  sampling: 'sampling_tasks',
} as const;

/** The source must be a record of the same venue (`other` needs no record). */
async function assertSourceOfVenue({ db }: Database, venueId: string, input: RectificationInput): Promise<void> {
  const { kind, id } = input.source;
  if (kind === 'other') return;
  if (id === undefined) throw new AppError('RECTIFICATION_SOURCE_INVALID', { source: input.source });
  const row = await db.selectFrom(SOURCE_TABLES[kind]).select('venue_id').where('id', '=', id).executeTakeFirst();
  if (!row || row.venue_id !== venueId) throw new AppError('RECTIFICATION_SOURCE_INVALID', { source: input.source });
}

/** Throws RECTIFICATION_PHOTO_MISSING unless every ref is in the venue's photo store. */
export async function assertPhotosStored(database: Database, venueId: string, refs: readonly string[]): Promise<void> {
  const missing = await missingPhotoRefs(database, venueId, refs);
  if (missing.length > 0) throw new AppError('RECTIFICATION_PHOTO_MISSING', { refs: missing });
}

/** Throws RECTIFICATION_DEADLINE_PAST when `day` is before today on the venue's clock. */
export function assertNotPast(day: string, timeZone: string, now: Date): void {
  const today = localDay(now, timeZone);
  if (day < today) throw new AppError('RECTIFICATION_DEADLINE_PAST', { day, today });
}

export interface OpenRectification {
  readonly venueId: string;
  /** The regulator (or the recorder of a sampling result) who issues it. */
  readonly issuedBy: string;
  readonly input: RectificationInput;
  readonly now?: Date;
}

/**
 * Opens a rectification notice to the venue's operator: the deadline must not be past on the venue's clock and
 * the source must be a record of the venue. Callers check that `issuedBy` may act on the venue.
 */
export async function openRectification(database: Database, opening: OpenRectification): Promise<Rectification> {
  const { venueId, issuedBy, input } = opening;
  const now = opening.now ?? new Date();
  const venue = await database.db
    .selectFrom('venues')
    .select(['id', 'name', 'time_zone', 'region_id'])
    .where('id', '=', venueId)
    .executeTakeFirst();
  if (!venue) throw new AppError('NOT_FOUND');
  assertNotPast(input.deadline, venue.time_zone, now);
  await assertSourceOfVenue(database, venueId, input);
  const data: StoredRectification = {
    ...input,
    id: newId('rect'),
    venueId,
    regionId: venue.region_id,
    state: 'open',
    issuedAt: now.toISOString(),
    responses: [],
    reviews: [],
  };
  const row: RectificationsTable = {
    id: data.id,
    venue_id: venueId,
    state: data.state,
    deadline: input.deadline,
    source_kind: input.source.kind,
    source_id: input.source.id ?? null,
    reinspect_on: null,
    issued_by: issuedBy,
    data: toJson(data),
    created_at: data.issuedAt,
    escalated_at: null,
    escalation_alert_id: null,
  };
  await database.db.insertInto('rectifications').values(row).execute();
  return toRectification({ ...row, venue_name: venue.name, venue_time_zone: venue.time_zone }, now);
}

type LoadedRow = RectificationsTable & RectificationVenue;

/** Stores `next` if the row is still in state `from` (else RECTIFICATION_NOT_OPEN). */
async function changeFrom(
  { db }: Database,
  row: LoadedRow,
  from: RectificationState,
  next: StoredRectification,
  now: Date,
): Promise<Rectification> {
  const result = await db
    .updateTable('rectifications')
    .set({ state: next.state, data: toJson(next), reinspect_on: next.reinspectOn ?? null })
    .where('id', '=', row.id)
    .where('state', '=', from)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) throw new AppError('RECTIFICATION_NOT_OPEN', { state: 'changed' });
  return toRectification({ ...row, data: toJson(next) }, now);
}

/** The venue's answer: what was done, with photos from its photo store; only an open notice takes one. */
export async function respondToRectification(
  database: Database,
  row: LoadedRow,
  input: RectificationResponseInput,
  now: Date = new Date(),
): Promise<Rectification> {
  if (row.state !== 'open') throw new AppError('RECTIFICATION_NOT_OPEN', { state: row.state });
  await assertPhotosStored(database, row.venue_id, input.photos);
  const current = stored(row);
  const next: StoredRectification = {
    ...current,
    state: 'answered',
    responses: [...current.responses, { at: now.toISOString(), text: input.text, photos: input.photos }],
  };
  return changeFrom(database, row, 'open', next, now);
}

/**
 * The regulator accepts (closed) or rejects (open again, remark required) the answer waiting. Accepting a notice
 * that was escalated resolves its overdue alert: the matter is settled.
 */
export async function reviewRectification(
  database: Database,
  row: LoadedRow,
  input: RectificationReviewInput,
  reviewerId: string,
  now: Date = new Date(),
): Promise<Rectification> {
  if (input.decision === 'reject' && !input.remark) throw new AppError('RECTIFICATION_REMARK_REQUIRED');
  if (row.state !== 'answered') throw new AppError('RECTIFICATION_NOT_OPEN', { state: row.state });
  const current = stored(row);
  const at = now.toISOString();
  const review = { at, decision: input.decision, ...(input.remark ? { remark: input.remark } : {}) };
  const next: StoredRectification = {
    ...current,
    state: input.decision === 'accept' ? 'closed' : 'open',
    reviews: [...current.reviews, review],
    ...(input.decision === 'accept' ? { closedAt: at } : {}),
  };
  const reviewed = await changeFrom(database, row, 'answered', next, now);
  if (input.decision === 'accept' && row.escalation_alert_id) {
    await database.db
      .updateTable('alerts')
      .set({
        state: 'resolved',
        resolved_at: at,
        resolved_by: reviewerId,
        corrective_action: `整改已通过复核 / Rectification accepted (${row.id})`,
      })
      .where('id', '=', row.escalation_alert_id)
      .where('state', '<>', 'resolved')
      .execute();
  }
  return reviewed;
}

/** Plans (or moves) the re-inspection to a local day, today or later; a closed notice needs none. */
export async function planReinspection(
  database: Database,
  row: LoadedRow,
  day: string,
  now: Date = new Date(),
): Promise<Rectification> {
  if (row.state === 'closed') throw new AppError('RECTIFICATION_NOT_OPEN', { state: row.state });
  assertNotPast(day, row.venue_time_zone, now);
  const next: StoredRectification = { ...stored(row), reinspectOn: day };
  return changeFrom(database, row, row.state as RectificationState, next, now);
}

/**
 * A condition keeping notices not closed and past their deadline on their venue's clock: one clause per time
 * zone in use (a handful), so it pages and counts in SQL on both databases.
 */
export async function overdueSql({ db }: Database, now: Date) {
  const zones = await db.selectFrom('venues').select('time_zone').distinct().execute();
  if (zones.length === 0) return sql<boolean>`1 = 0`;
  const clauses = zones.map(
    ({ time_zone }) => sql`(venues.time_zone = ${time_zone} and rectifications.deadline < ${localDay(now, time_zone)})`,
  );
  return sql<boolean>`(rectifications.state <> 'closed' and (${sql.join(clauses, sql` or `)}))`;
}
