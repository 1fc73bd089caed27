/** Transport shapes of the ledger routes; the record itself is the SDK's `LedgerRecordSchema`. */
import { LEDGER_KINDS, LedgerRecordSchema } from '@brightkitchen/sdk';
import * as v from 'valibot';
import { IDEMPOTENCY_KEY } from '../idempotency/index.js';
import { jsonSchema } from '../schemas/index.js';

export const BatchBodySchema = v.object({
  records: v.pipe(
    v.array(v.object({ idempotencyKey: v.pipe(v.string(), v.regex(IDEMPOTENCY_KEY)), record: LedgerRecordSchema })),
    v.minLength(1),
    v.maxLength(1000),
  ),
});

export const LedgerListQuerySchema = v.object({
  kind: v.optional(v.picklist(LEDGER_KINDS)),
  /** A day `YYYY-MM-DD` or an ISO instant (read in the venue's time zone), inclusive. */
  from: v.optional(v.string()),
  to: v.optional(v.string()),
  limit: v.optional(v.pipe(v.string(), v.regex(/^\d{1,4}$/))),
  cursor: v.optional(v.pipe(v.string(), v.regex(/^\d{1,12}$/))),
});

/** The record's JSON Schema, for the OpenAPI document. */
export const ledgerRecordJsonSchema = jsonSchema(LedgerRecordSchema);
export const batchJsonSchema = jsonSchema(BatchBodySchema);

/**
 * Ledger bodies are documented by their JSON Schema but validated by the SDK's `validateLedger`,
 * whose issues carry rule codes and zh/en messages (Ajv's errors on a six-way union would not).
 */
export const acceptAnyBody = () => (data: unknown) => ({ value: data });
