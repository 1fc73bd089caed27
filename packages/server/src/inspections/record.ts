/**
 * Recording an inspection made on the phone: the answers are scored against the checklist in force in the venue's
 * region, every image it refers to must already be in the venue's photo store, and the venue's grades are
 * refreshed before the answer leaves — so the public profile, open data and the console show the new grade at once.
 */
import {
  type Checklist,
  type Countersign,
  CountersignSchema,
  checklistFor,
  dynamicGrade,
  type Grade,
  INSPECTION_TYPES,
  type InspectionAnswer,
  InspectionAnswerSchema,
  type InspectionRecord,
  type InspectionRecorded,
  type InspectionRecordInput,
  type InspectionType,
  localDay,
  scoreAnswers,
} from '@brightkitchen/sdk';
import * as v from 'valibot';
import type { AppContext } from '../context.js';
import {
  type Database,
  type InspectionsTable,
  newId,
  readJson,
  storedValue,
  toJson,
  type VenueGradesTable,
  type VenuesTable,
} from '../db/index.js';
import { AppError } from '../errors/index.js';
import { missingPhotoRefs } from '../ledger-photos/stored.js';
import { toVenue } from '../venues/index.js';
import type { GradedVenue } from './grade.js';
import { refreshGrades } from './grades.js';
import { toInspection } from './store.js';

/** The checklist in force for a venue: its region's adjustments of the national one. */
export async function venueChecklist(ctx: AppContext, venue: VenuesTable): Promise<Checklist> {
  const profile = await ctx.profiles.profile(venue.region_id);
  return { regionId: venue.region_id, items: checklistFor(profile.inspection) };
}

/**
 * Before the schema: a record without the inspector's signature or the manager's countersignature (or refusal)
 * is refused with its own code, not a generic validation failure.
 */
export function precheckSignatures(body: unknown): void {
  // Not a filled-in record at all: the schema's answer (VALIDATION_FAILED, field by field) says more.
  if (body === null || typeof body !== 'object' || Array.isArray(body) || !('answers' in body)) return;
  const { inspectorSignature, countersign } = body as Record<string, unknown>;
  const missing =
    inspectorSignature === undefined || inspectorSignature === ''
      ? 'inspectorSignature'
      : countersign === undefined
        ? 'countersign'
        : null;
  if (missing) throw new AppError('INSPECTION_SIGNATURE_REQUIRED', { missing });
}

function imageRefs(input: InspectionRecordInput): string[] {
  const refs = [input.inspectorSignature];
  if (input.countersign.kind === 'signed') refs.push(input.countersign.signature);
  for (const answer of input.answers) refs.push(...(answer.photos ?? []));
  return [...new Set(refs)];
}

/** Checks, stores and grades an inspection of `venue` by `inspector` (a regulator of its region). */
export async function recordInspection(
  ctx: AppContext,
  venue: VenuesTable,
  inspector: { readonly userId: string },
  input: InspectionRecordInput,
  now: Date = new Date(),
): Promise<InspectionRecorded> {
  const { database } = ctx;
  if (input.date > localDay(now, venue.time_zone)) {
    throw new AppError('INSPECTION_DATE_INVALID', { date: input.date, today: localDay(now, venue.time_zone) });
  }
  const checklist = await venueChecklist(ctx, venue);
  const scored = scoreAnswers(checklist.items, input.answers);
  if (scored.unknown.length > 0 || scored.duplicates.length > 0) {
    throw new AppError('INSPECTION_ITEM_UNKNOWN', { unknown: scored.unknown, duplicates: scored.duplicates });
  }
  if (scored.items.length === 0) throw new AppError('INSPECTION_NOTHING_CHECKED');
  const missing = await missingPhotoRefs(database, venue.id, imageRefs(input));
  if (missing.length > 0) throw new AppError('INSPECTION_PHOTO_MISSING', { refs: missing });
  const user = await database.db
    .selectFrom('users')
    .select('display_name')
    .where('id', '=', inspector.userId)
    .executeTakeFirstOrThrow();
  const total = scored.items.reduce((sum, item) => sum + item.score, 0);
  const row: InspectionsTable = {
    id: newId('ins'),
    venue_id: venue.id,
    inspector: user.display_name.slice(0, 64),
    date: input.date,
    items: toJson(scored.items),
    total,
    score: total / scored.items.length,
    created_by: inspector.userId,
    created_at: now.toISOString(),
    key_failures: scored.items.filter((item) => item.key && !item.passed).length,
    other_failures: scored.items.filter((item) => !item.key && !item.passed).length,
    type: input.type ?? 'routine',
    result: null,
    source: 'recorded',
    answers: toJson(input.answers),
    inspector_id: inspector.userId,
    inspector_signature: input.inspectorSignature,
    countersign: toJson(input.countersign),
    remark: input.remark ?? null,
  };
  await database.db.insertInto('inspections').values(row).execute();
  await refreshGrades(database, { venueIds: [venue.id], now });
  return { inspection: toInspectionRecord(row, toVenue(venue)), grade: await storedGrade(database, venue.id) };
}

const AnswersSchema = v.array(InspectionAnswerSchema);

/** The record of an inspection (answers, signatures, the grade it gave); throws `CorruptStoredValue` if damaged. */
export function toInspectionRecord(row: InspectionsTable, venue: GradedVenue): InspectionRecord {
  const inspection = toInspection(row);
  const at = { table: 'inspections', id: row.id } as const;
  const answers: InspectionAnswer[] = row.answers
    ? storedValue(readJson(AnswersSchema, row.answers, { ...at, column: 'answers' }))
    : inspection.items.map((item) => ({ code: item.code, result: item.passed ? 'conform' : 'nonconform' }));
  const countersign: Countersign | null = row.countersign
    ? storedValue(readJson(CountersignSchema, row.countersign, { ...at, column: 'countersign' }))
    : null;
  const outcome = dynamicGrade({
    items: inspection.items,
    licenceIssuedOn: venue.openedOn ?? venue.licence.issuedOn,
    ...(venue.lastIncidentOn ? { lastIncidentOn: venue.lastIncidentOn } : {}),
    inspectedOn: inspection.date,
  });
  return {
    ...inspection,
    inspectorId: row.inspector_id ?? row.created_by,
    type: (INSPECTION_TYPES as readonly string[]).includes(row.type ?? '') ? (row.type as InspectionType) : 'routine',
    answers,
    face: outcome.face,
    noGradeReasons: [...outcome.reasons],
    inspectorSignature: row.inspector_signature ?? null,
    countersign,
    ...(row.remark ? { remark: row.remark } : {}),
    recordedAt: row.created_at,
  };
}

/** A venue's grades as `venue_grades` holds them (none when never graded). */
export async function storedGrade({ db }: Database, venueId: string): Promise<Grade> {
  const row = await db.selectFrom('venue_grades').selectAll().where('venue_id', '=', venueId).executeTakeFirst();
  return row ? gradeFromRow(row) : { dynamic: null, annual: null };
}

/** The public `Grade` of a `venue_grades` row. */
export function gradeFromRow(row: VenueGradesTable): Grade {
  return {
    dynamic:
      row.dynamic_face && row.inspected_on
        ? {
            face: row.dynamic_face as NonNullable<Grade['dynamic']>['face'],
            score: Number(row.dynamic_score ?? 0),
            inspectedOn: row.inspected_on,
          }
        : null,
    annual:
      row.annual_grade && row.annual_year
        ? { grade: row.annual_grade as NonNullable<Grade['annual']>['grade'], year: Number(row.annual_year) }
        : null,
  };
}
