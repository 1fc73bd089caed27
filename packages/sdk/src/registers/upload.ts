/**
 * Uploading a register from the console: `POST /v1/imports/{venues|inspections}` with the file in base64 (CSV or
 * .xlsx, told by its bytes), answered with the same row-level report as `bk-server import`. Any bad row and nothing
 * is imported (422 REGISTER_IMPORT_REFUSED, the report in `details.report`) unless `skipInvalid`; `dryRun` checks
 * only. A regulator imports into their own regions (DISTRICT_NOT_ALLOWED otherwise).
 */
import * as v from 'valibot';
import { LocalizedTextSchema } from '../domain/primitives.js';
import { REGISTER_PROBLEM_CODES } from './index.js';

/** The largest register file an upload takes (a 50,000-row register is about 8 MB as CSV). */
export const REGISTER_UPLOAD_MAX_BYTES = 20 * 1024 * 1024;

export const REGISTER_KINDS = ['venues', 'inspections'] as const;
export type RegisterUploadKind = (typeof REGISTER_KINDS)[number];

export const RegisterUploadInputSchema = v.object({
  fileBase64: v.pipe(
    v.string(),
    v.minLength(4),
    v.maxLength(Math.ceil(REGISTER_UPLOAD_MAX_BYTES / 3) * 4),
    v.regex(/^[A-Za-z0-9+/]+={0,2}$/),
  ),
  skipInvalid: v.optional(v.boolean()),
  dryRun: v.optional(v.boolean()),
});
export type RegisterUploadInput = v.InferOutput<typeof RegisterUploadInputSchema>;

export const RegisterImportReportSchema = v.object({
  kind: v.picklist(REGISTER_KINDS),
  rows: v.number(),
  created: v.number(),
  updated: v.number(),
  skipped: v.number(),
  /** True when rows were written (false on a dry run or a refusal). */
  imported: v.boolean(),
  problems: v.array(
    v.object({
      row: v.number(),
      column: v.string(),
      code: v.picklist(REGISTER_PROBLEM_CODES),
      message: LocalizedTextSchema,
    }),
  ),
});
export type RegisterImportReport = v.InferOutput<typeof RegisterImportReportSchema>;
