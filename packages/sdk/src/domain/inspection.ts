/** An on-site inspection by a regulator (量化分级 checklist): scored items and totals. */
import * as v from 'valibot';
import { DaySchema, IdSchema, text } from './primitives.js';

/** One checklist item of an inspection: its code, whether it is a key item, its score and whether it passed. */
export const InspectionItemSchema = v.object({
  /** The checklist item code, e.g. `3.2`. */
  code: text(32),
  title: text(200),
  /** A key item (关键项): two or more failed key items mean no grade. */
  key: v.boolean(),
  score: v.pipe(v.number(), v.minValue(0), v.maxValue(10)),
  passed: v.boolean(),
});
/** Type of {@link InspectionItemSchema}. */
export type InspectionItem = v.InferOutput<typeof InspectionItemSchema>;

const inspectionInputEntries = {
  venueId: IdSchema,
  /** The inspector's name. */
  inspector: text(64),
  date: DaySchema,
  items: v.pipe(v.array(InspectionItemSchema), v.minLength(1), v.maxLength(200)),
};

/** A recorded inspection with its computed total and score (0–10, the basis of the dynamic grade). */
export const InspectionSchema = v.object({
  id: IdSchema,
  ...inspectionInputEntries,
  /** Sum of the item scores. */
  total: v.pipe(v.number(), v.minValue(0)),
  /** Total ÷ items checked, 0–10: the basis of the dynamic grade. */
  score: v.pipe(v.number(), v.minValue(0), v.maxValue(10)),
});
/** A recorded inspection. Type of {@link InspectionSchema}. */
export type Inspection = v.InferOutput<typeof InspectionSchema>;

/** An inspection to record: the server computes `total` and `score` from the items. */
export const InspectionInputSchema = v.object(inspectionInputEntries);
/**
 * An inspection to record: the server computes `total` and `score` from the items. Type of {@link
 * InspectionInputSchema}.
 */
export type InspectionInput = v.InferOutput<typeof InspectionInputSchema>;
