/** The wire contract of the question import: the upload and the row-level report. */
import * as v from 'valibot';
import { IdSchema, LocalizedTextSchema } from '../domain/primitives.js';

/** The largest question file the API takes (before base64): larger ones are answered 413 PAYLOAD_TOO_LARGE. */
export const QUESTION_FILE_MAX_BYTES = 5 * 1024 * 1024;

/** Body of `POST /v1/training/questions/import`. */
export const QuestionImportInputSchema = v.object({
  /** The region the questions are for; absent: the national bank (admins only). */
  regionId: v.optional(IdSchema),
  format: v.picklist(['xlsx', 'csv']),
  /** The file's bytes, base64. */
  fileBase64: v.pipe(
    v.string(),
    v.minLength(4),
    v.maxLength(Math.ceil(QUESTION_FILE_MAX_BYTES / 3) * 4),
    v.regex(/^[A-Za-z0-9+/]+={0,2}$/),
  ),
  /** Store the valid rows and leave out the others (default: all or nothing). */
  skipInvalid: v.optional(v.boolean()),
  /** Check only: report, store nothing. */
  dryRun: v.optional(v.boolean()),
});
/** Type of {@link QuestionImportInputSchema}. */
export type QuestionImportInput = v.InferOutput<typeof QuestionImportInputSchema>;

/** One problem of the report. */
export const QuestionImportProblemSchema = v.object({
  row: v.pipe(v.number(), v.integer(), v.minValue(1)),
  column: v.string(),
  code: v.string(),
  message: LocalizedTextSchema,
});

/** The report of an import: what was read, stored, left out, and each problem by row and column. */
export const QuestionImportReportSchema = v.object({
  rows: v.pipe(v.number(), v.integer(), v.minValue(0)),
  valid: v.pipe(v.number(), v.integer(), v.minValue(0)),
  imported: v.pipe(v.number(), v.integer(), v.minValue(0)),
  skipped: v.pipe(v.number(), v.integer(), v.minValue(0)),
  refused: v.boolean(),
  problems: v.array(QuestionImportProblemSchema),
  problemCount: v.pipe(v.number(), v.integer(), v.minValue(0)),
});
