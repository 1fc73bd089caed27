/**
 * Sampling tasks: created by a regulator of the venue's region for an inspector of that region, the result
 * recorded once. A failure is an incident (the venue's `lastIncidentOn`, which holds its dynamic grade back 6
 * months; grades refreshed at once) and opens a rectification notice citing the sampling task.
 */
import {
  localDay,
  SAMPLING_DEFAULT_OBLIGATION,
  type SamplingResultInput,
  type SamplingTask,
  type SamplingTaskInput,
  SamplingTaskSchema,
} from '@brightkitchen/sdk';
import * as v from 'valibot';
import {
  type Database,
  newId,
  readJson,
  type SamplingTasksTable,
  storedValue,
  toJson,
  type VenuesTable,
} from '../db/index.js';
import { AppError } from '../errors/index.js';
import { refreshGrades } from '../inspections/index.js';
import { assertNotPast, assertPhotosStored, openRectification } from '../rectifications/index.js';
import { toVenue, updateVenue } from '../venues/index.js';

const StoredTaskSchema = v.omit(SamplingTaskSchema, ['venueName', 'timeZone']);
type StoredTask = v.InferOutput<typeof StoredTaskSchema>;

/** Days an operator gets to rectify a failed sample unless the result names a deadline. */
export const SAMPLING_RECTIFICATION_DAYS = 15;

/** `day` + `days` (calendar days, ISO). */
function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export interface TaskVenue {
  readonly venue_name: string;
  readonly venue_time_zone: string;
}

export function toSamplingTask(row: Pick<SamplingTasksTable, 'id' | 'data'> & TaskVenue): SamplingTask {
  const data = storedValue(
    readJson(StoredTaskSchema, row.data, { table: 'sampling_tasks', column: 'data', id: row.id }),
  );
  return { ...data, venueName: row.venue_name, timeZone: row.venue_time_zone };
}

export async function createSamplingTask(
  { db }: Database,
  venue: VenuesTable,
  createdBy: string,
  input: SamplingTaskInput,
  now: Date = new Date(),
): Promise<SamplingTask> {
  assertNotPast(input.deadline, venue.time_zone, now);
  const inspector = await db
    .selectFrom('users')
    .innerJoin('regulator_regions', 'regulator_regions.user_id', 'users.id')
    .select(['users.id', 'users.display_name'])
    .where('users.id', '=', input.inspectorId)
    .where('users.role', '=', 'regulator')
    .where('users.disabled_at', 'is', null)
    .where('regulator_regions.region_id', '=', venue.region_id)
    .executeTakeFirst();
  if (!inspector) throw new AppError('SAMPLING_INSPECTOR_INVALID', { inspectorId: input.inspectorId });
  const data: StoredTask = {
    ...input,
    id: newId('smp'),
    venueId: venue.id,
    regionId: venue.region_id,
    inspectorName: inspector.display_name.slice(0, 100),
    state: 'assigned',
    createdAt: now.toISOString(),
  };
  const row: SamplingTasksTable = {
    id: data.id,
    venue_id: venue.id,
    inspector_id: input.inspectorId,
    state: data.state,
    created_by: createdBy,
    data: toJson(data),
    created_at: data.createdAt,
  };
  await db.insertInto('sampling_tasks').values(row).execute();
  return toSamplingTask({ ...row, venue_name: venue.name, venue_time_zone: venue.time_zone });
}

export interface RecordedResult {
  readonly task: SamplingTask;
  /** The venue whose public profile changed (a failure). */
  readonly incidentVenueId?: string;
}

/** Records the laboratory's result once; a failure opens the incident and the rectification notice. */
export async function recordSamplingResult(
  database: Database,
  row: SamplingTasksTable & TaskVenue,
  venue: VenuesTable,
  recordedBy: string,
  input: SamplingResultInput,
  now: Date = new Date(),
): Promise<RecordedResult> {
  if (row.state !== 'assigned') throw new AppError('SAMPLING_RESULT_EXISTS', { state: row.state });
  const today = localDay(now, venue.time_zone);
  const failedItems = input.items.filter((item) => item.verdict === 'fail').length;
  if ((input.outcome === 'pass') !== (failedItems === 0) || input.testedOn > today) {
    throw new AppError('SAMPLING_RESULT_INCONSISTENT', {
      outcome: input.outcome,
      failedItems,
      testedOn: input.testedOn,
      today,
    });
  }
  if (input.labReport) await assertPhotosStored(database, venue.id, [input.labReport]);
  const deadline = input.rectificationDeadline ?? addDays(today, SAMPLING_RECTIFICATION_DAYS);
  if (input.outcome === 'fail') assertNotPast(deadline, venue.time_zone, now);

  const current = toSamplingTask(row);
  const { venueName: _n, timeZone: _z, ...base } = current;
  const result: NonNullable<StoredTask['result']> = {
    outcome: input.outcome,
    testedOn: input.testedOn,
    items: input.items,
    ...(input.labReport ? { labReport: input.labReport } : {}),
    ...(input.remark ? { remark: input.remark } : {}),
    recordedAt: now.toISOString(),
  };
  let next: StoredTask = { ...base, state: input.outcome === 'pass' ? 'passed' : 'failed', result };
  const changed = await database.db
    .updateTable('sampling_tasks')
    .set({ state: next.state, data: toJson(next) })
    .where('id', '=', row.id)
    .where('state', '=', 'assigned')
    .executeTakeFirst();
  if (Number(changed.numUpdatedRows) !== 1) throw new AppError('SAMPLING_RESULT_EXISTS', { state: 'recorded' });
  if (input.outcome === 'pass') return { task: { ...next, venueName: row.venue_name, timeZone: row.venue_time_zone } };

  // The incident day is the result's; a later incident already recorded stays.
  const stored = toVenue(venue);
  if (!stored.lastIncidentOn || stored.lastIncidentOn < input.testedOn) {
    await updateVenue(database, stored, { lastIncidentOn: input.testedOn });
  }
  await refreshGrades(database, { venueIds: [venue.id], now });
  const failed = input.items.filter((item) => item.verdict === 'fail');
  const rectification = await openRectification(database, {
    venueId: venue.id,
    issuedBy: recordedBy,
    now,
    input: {
      source: { kind: 'sampling', id: row.id },
      obligation: input.obligation ?? SAMPLING_DEFAULT_OBLIGATION,
      findings: `抽检不合格（${input.testedOn}）：${failed
        .map((item) => `${item.name} 检测值 ${item.value}，限值 ${item.limit}`)
        .join('；')}`.slice(0, 2000),
      requirement: '立即停止使用同批次食品及原料，排查原因并整改，提交整改情况及照片。',
      deadline,
    },
  });
  next = { ...next, result: { ...result, rectificationId: rectification.id } };
  await database.db
    .updateTable('sampling_tasks')
    .set({ data: toJson(next) })
    .where('id', '=', row.id)
    .execute();
  return {
    task: { ...next, venueName: row.venue_name, timeZone: row.venue_time_zone },
    incidentVenueId: venue.id,
  };
}
