/**
 * An inspection recorded on the phone (`POST /v1/venues/{venueId}/inspections`): an answer for each checklist
 * item, the inspector's signature and the manager's countersignature (or refusal to sign), and the grade it gave.
 * Signatures and photos are images in the venue's photo store (`sha256:` refs), so the whole record can wait in a
 * phone's outbox, images first, and be sent exactly once.
 */
import * as v from 'valibot';
import { pageSchema } from '../contract/page.js';
import { GRADE_FACES } from './enums.js';
import { GradeSchema } from './grade.js';
import { InspectionItemSchema } from './inspection.js';
import { LedgerPhotoRefSchema } from './ledger-photo.js';
import { DaySchema, IdSchema, InstantSchema, text } from './primitives.js';

/** How an item was found: conforming, not conforming, or not applicable to the venue (not counted). */
export const INSPECTION_RESULTS = ['conform', 'nonconform', 'not_applicable'] as const;
/** One of {@link INSPECTION_RESULTS}. */
export type InspectionResult = (typeof INSPECTION_RESULTS)[number];

/** Why the inspection was made. */
export const INSPECTION_TYPES = ['routine', 'follow_up', 'special', 'complaint'] as const;
/** One of {@link INSPECTION_TYPES}. */
export type InspectionType = (typeof INSPECTION_TYPES)[number];

/** Photos per checklist item, at most. */
export const INSPECTION_ITEM_PHOTOS_MAX = 6;

/** The inspector's finding on one checklist item. */
export const InspectionAnswerSchema = v.object({
  code: text(16),
  result: v.picklist(INSPECTION_RESULTS),
  remark: v.optional(text(500)),
  photos: v.optional(v.pipe(v.array(LedgerPhotoRefSchema), v.maxLength(INSPECTION_ITEM_PHOTOS_MAX))),
});
/** The inspector's finding on one checklist item. Type of {@link InspectionAnswerSchema}. */
export type InspectionAnswer = v.InferOutput<typeof InspectionAnswerSchema>;

/** The venue's manager signed the record, or declined to (which is recorded with the reason given). */
export const CountersignSchema = v.variant('kind', [
  v.object({ kind: v.literal('signed'), name: text(64), signature: LedgerPhotoRefSchema }),
  v.object({ kind: v.literal('declined'), name: v.optional(text(64)), reason: text(200) }),
]);
/** The manager's countersignature or refusal. Type of {@link CountersignSchema}. */
export type Countersign = v.InferOutput<typeof CountersignSchema>;

const recordInputEntries = {
  /** The local day of the inspection in the venue's zone; not after today. */
  date: DaySchema,
  type: v.optional(v.picklist(INSPECTION_TYPES)),
  /** One answer per checklist item checked; items left out count as not checked (like `not_applicable`). */
  answers: v.pipe(v.array(InspectionAnswerSchema), v.minLength(1), v.maxLength(200)),
  /** The inspector's signature, drawn on the screen (a PNG in the venue's photo store). */
  inspectorSignature: LedgerPhotoRefSchema,
  countersign: CountersignSchema,
  remark: v.optional(text(1000)),
};

/** Body of `POST /v1/venues/{venueId}/inspections` (the inspector is the caller). */
export const InspectionRecordInputSchema = v.object(recordInputEntries);
/** Body of `POST /v1/venues/{venueId}/inspections`. Type of {@link InspectionRecordInputSchema}. */
export type InspectionRecordInput = v.InferOutput<typeof InspectionRecordInputSchema>;

/** A recorded inspection: the scored items (checked ones only), the answers as given, and the grade it gave. */
export const InspectionRecordSchema = v.object({
  id: IdSchema,
  venueId: IdSchema,
  /** The inspector's name as shown on the paper record. */
  inspector: text(64),
  inspectorId: v.nullable(IdSchema),
  date: DaySchema,
  type: v.picklist(INSPECTION_TYPES),
  /** The checked items (not `not_applicable`), scored: what the grade is computed from. */
  items: v.array(InspectionItemSchema),
  answers: v.array(InspectionAnswerSchema),
  total: v.number(),
  /** Total ÷ items checked, 0–10. */
  score: v.number(),
  /** The dynamic grade this inspection gave, and every reason when none. */
  face: v.picklist(GRADE_FACES),
  noGradeReasons: v.array(v.string()),
  inspectorSignature: v.nullable(LedgerPhotoRefSchema),
  countersign: v.nullable(CountersignSchema),
  remark: v.optional(text(1000)),
  recordedAt: InstantSchema,
});
/** A recorded inspection. Type of {@link InspectionRecordSchema}. */
export type InspectionRecord = v.InferOutput<typeof InspectionRecordSchema>;

/** `201` of `POST /v1/venues/{venueId}/inspections`: the record and the venue's grades after it. */
export const InspectionRecordedSchema = v.object({ inspection: InspectionRecordSchema, grade: GradeSchema });
/** The record and the venue's grades after it. Type of {@link InspectionRecordedSchema}. */
export type InspectionRecorded = v.InferOutput<typeof InspectionRecordedSchema>;

/** `GET /v1/venues/{venueId}/inspections`: the venue's inspections, newest first. */
export const InspectionRecordPageSchema = pageSchema(InspectionRecordSchema);
/** A page of a venue's inspections. Type of {@link InspectionRecordPageSchema}. */
export type InspectionRecordPage = v.InferOutput<typeof InspectionRecordPageSchema>;
