/** Transport shapes of the ledger routes; the record itself is the SDK's `LedgerRecordSchema`. */
import { LEDGER_KINDS, LedgerBatchInputSchema, LedgerRecordSchema } from '@brightkitchen/sdk';
import * as v from 'valibot';
import { jsonSchema } from '../schemas/index.js';

// A real calendar day or instant: `2024-02-30` and `yesterday` are refused by the schema, not read as nothing.
const DayOrInstant = v.pipe(
  v.string(),
  v.maxLength(35),
  v.regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/),
  v.check((text) => {
    const day = text.slice(0, 10);
    return !Number.isNaN(Date.parse(text)) && new Date(`${day}T00:00:00Z`).toISOString().startsWith(day);
  }),
);

export const LedgerListQuerySchema = v.object({
  kind: v.optional(v.picklist(LEDGER_KINDS)),
  /** A day `YYYY-MM-DD` or an ISO instant with its offset (read in the venue's time zone), inclusive. */
  from: v.optional(DayOrInstant),
  to: v.optional(DayOrInstant),
  limit: v.optional(v.pipe(v.string(), v.regex(/^\d{1,4}$/))),
  cursor: v.optional(v.pipe(v.string(), v.regex(/^\d{1,12}$/))),
});

/** The record's JSON Schema, for the OpenAPI document. */
export const ledgerRecordJsonSchema = jsonSchema(LedgerRecordSchema);
export const batchJsonSchema = jsonSchema(LedgerBatchInputSchema);

/**
 * Ledger bodies are documented by their JSON Schema but validated by the SDK's `validateLedger`,
 * whose issues carry rule codes and zh/en messages (Ajv's errors on a six-way union would not).
 */
export const acceptAnyBody = () => (data: unknown) => ({ value: data });
