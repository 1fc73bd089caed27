/**
 * `POST /v1/venues/{venueId}/ledgers/batch`: up to 1000 records, each with its own idempotency key, in one
 * transaction; each result is what the single write would answer.
 */
import * as v from 'valibot';
import { LedgerRecordSchema } from '../domain/ledger.js';
import { LedgerSubmitAnswerSchema } from '../domain/ledger-entry.js';
import { ApiErrorBodySchema } from './errors-body.js';

/** An `Idempotency-Key`: 8–200 of `A-Z a-z 0-9 _ . : -`. */
export const IDEMPOTENCY_KEY = /^[A-Za-z0-9_.:-]{8,200}$/;

/** Records in one batch, at most. */
export const LEDGER_BATCH_MAX = 1000;

/** Body of `POST /v1/venues/{venueId}/ledgers/batch`: up to {@link LEDGER_BATCH_MAX} records, each with its key. */
export const LedgerBatchInputSchema = v.object({
  records: v.pipe(
    v.array(v.object({ idempotencyKey: v.pipe(v.string(), v.regex(IDEMPOTENCY_KEY)), record: LedgerRecordSchema })),
    v.minLength(1),
    v.maxLength(LEDGER_BATCH_MAX),
  ),
});
/** Type of {@link LedgerBatchInputSchema}. */
export type LedgerBatchInput = v.InferOutput<typeof LedgerBatchInputSchema>;

/** One record's outcome: 201 stored, 200 replayed, 4xx refused (then `body` is the error body). */
export const LedgerBatchResultSchema = v.object({
  idempotencyKey: v.string(),
  status: v.pipe(v.number(), v.integer()),
  body: v.union([LedgerSubmitAnswerSchema, ApiErrorBodySchema]),
});
/**
 * One record's outcome: 201 stored, 200 replayed, 4xx refused (then `body` is the error body). Type of {@link
 * LedgerBatchResultSchema}.
 */
export type LedgerBatchResult = v.InferOutput<typeof LedgerBatchResultSchema>;

/** The batch's answer: one result per record, in order. */
export const LedgerBatchAnswerSchema = v.object({ results: v.array(LedgerBatchResultSchema) });
/** Type of {@link LedgerBatchAnswerSchema}. */
export type LedgerBatchAnswer = v.InferOutput<typeof LedgerBatchAnswerSchema>;
