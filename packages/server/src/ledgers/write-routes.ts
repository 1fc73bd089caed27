/** POST /v1/venues/{venueId}/ledgers and /ledgers/batch: validated, idempotent, hash-chained writes. */
import {
  isFieldIssueCode,
  LEDGER_BATCH_MAX,
  LedgerBatchAnswerSchema,
  LedgerSubmitAnswerSchema,
} from '@brightkitchen/sdk';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { authorizeVenue } from '../auth/index.js';
import { AppError } from '../errors/index.js';
import { IDEMPOTENCY_KEY, readIdempotencyKey } from '../idempotency/index.js';
import { BEARER, errorResponses, jsonSchema, plainJsonSerializer, VenueParamsSchema } from '../schemas/index.js';
import { isCorrectionConflict } from './corrections.js';
import {
  type AppendItem,
  type AppendOutcome,
  appendLedgerRecords,
  loadRuleContext,
  prepareRecord,
  requestHash,
} from './index.js';
import { acceptAnyBody, batchJsonSchema, ledgerRecordJsonSchema } from './schemas.js';

const WRITERS = ['manager', 'staff'] as const;
const SINGLE_BODY_LIMIT = 1024 * 1024;

/** Shape problems are bad input (400); rule breaches are 422. */
function refusalCode(error: AppError): AppError {
  if (error.code !== 'LEDGER_RULE_VIOLATION') return error;
  const issues = (error.details as { issues: { code: string; severity?: string }[] }).issues;
  const errors = issues.filter((i) => i.severity !== 'warning');
  const shapeOnly = errors.every((i) => isFieldIssueCode(i.code) || i.code === 'LEDGER_KIND_UNKNOWN');
  return shapeOnly ? new AppError('VALIDATION_FAILED', error.details) : error;
}

function outcomeBody(outcome: AppendOutcome) {
  if (outcome.status === 'refused') return refusalCode(outcome.error).toJSON();
  return { record: outcome.entry, issues: outcome.issues };
}

function outcomeStatus(outcome: AppendOutcome): number {
  if (outcome.status === 'refused') return refusalCode(outcome.error).status;
  return outcome.status === 'created' ? 201 : 200;
}

const submitAnswer = jsonSchema(LedgerSubmitAnswerSchema);

/**
 * Appends; two corrections of one record checked at once both pass `prepareRecord`, and the unique index on the
 * corrected id (migration 040) refuses the later write: answered as LEDGER_ALREADY_CORRECTED, nothing stored.
 */
async function append(...args: Parameters<typeof appendLedgerRecords>): Promise<AppendOutcome[]> {
  try {
    return await appendLedgerRecords(...args);
  } catch (error) {
    if (isCorrectionConflict(error)) throw new AppError('LEDGER_ALREADY_CORRECTED');
    throw error;
  }
}

export const ledgerWriteRoutes: FastifyPluginAsync = async (app) => {
  const { database } = app.ctx;

  app.post<{ Params: { venueId: string } }>(
    '/venues/:venueId/ledgers',
    {
      bodyLimit: SINGLE_BODY_LIMIT,
      schema: {
        tags: ['ledgers'],
        operationId: 'submitLedgerRecord',
        summary: 'Write a ledger record (header Idempotency-Key: 201 stored, 200 replayed)',
        security: BEARER,
        params: jsonSchema(VenueParamsSchema),
        body: ledgerRecordJsonSchema,
        response: { 200: submitAnswer, 201: submitAnswer, ...errorResponses },
      },
      serializerCompiler: plainJsonSerializer,
      validatorCompiler: ({ httpPart }) =>
        httpPart === 'body' ? acceptAnyBody() : (data: unknown) => ({ value: data }),
    },
    async (request, reply: FastifyReply) => {
      const { principal, venue } = await authorizeVenue(app, request, request.params.venueId, WRITERS);
      const idempotencyKey = readIdempotencyKey(request, { required: true });
      const body: unknown = request.body;
      const now = new Date();
      const profile = await app.ctx.profiles.profileOfVenue(venue);
      const ctx = await loadRuleContext(database, venue, [body], profile, request.log);
      const item: AppendItem = {
        idempotencyKey,
        requestHash: requestHash(body),
        prepared: prepareRecord(body, ctx, now),
      };
      const [outcome] = await append(database, venue.id, principal.userId, [item], now, app.devices.alertBook);
      if (!outcome) throw new AppError('INTERNAL');
      if (outcome.status === 'refused') throw refusalCode(outcome.error);
      reply.status(outcomeStatus(outcome));
      return outcomeBody(outcome);
    },
  );

  app.post<{ Params: { venueId: string }; Body: { records: { idempotencyKey: string; record: unknown }[] } }>(
    '/venues/:venueId/ledgers/batch',
    {
      schema: {
        tags: ['ledgers'],
        operationId: 'submitLedgerBatch',
        summary: 'Write up to 1000 ledger records in one transaction, each with its own idempotency key',
        security: BEARER,
        params: jsonSchema(VenueParamsSchema),
        body: batchJsonSchema,
        response: { 200: jsonSchema(LedgerBatchAnswerSchema), ...errorResponses },
      },
      serializerCompiler: plainJsonSerializer,
      validatorCompiler: ({ httpPart }) =>
        httpPart === 'body' ? validateBatchEnvelope : (data: unknown) => ({ value: data }),
    },
    async (request) => {
      const { principal, venue } = await authorizeVenue(app, request, request.params.venueId, WRITERS);
      const { records } = request.body;
      const now = new Date();
      const ctx = await loadRuleContext(
        database,
        venue,
        records.map((r) => r.record),
        await app.ctx.profiles.profileOfVenue(venue),
        request.log,
      );
      const items: AppendItem[] = records.map((r) => ({
        idempotencyKey: r.idempotencyKey,
        requestHash: requestHash(r.record),
        prepared: prepareRecord(r.record, ctx, now),
      }));
      const outcomes = await append(database, venue.id, principal.userId, items, now, app.devices.alertBook);
      return {
        results: outcomes.map((outcome, i) => ({
          idempotencyKey: records[i]?.idempotencyKey,
          status: outcomeStatus(outcome),
          body: outcomeBody(outcome),
        })),
      };
    },
  );
};

/** The batch envelope is checked here; each record by `validateLedger` (its own result in the answer). */
function validateBatchEnvelope(data: unknown): { value?: unknown; error?: Error } {
  const records = (data as { records?: unknown } | null)?.records;
  const problems: { code: string; path: string; message: { zh: string; en: string } }[] = [];
  if (!Array.isArray(records) || records.length === 0 || records.length > LEDGER_BATCH_MAX) {
    problems.push({
      code: 'FIELD_REQUIRED',
      path: 'records',
      message: { zh: 'records 须为 1–1000 条记录的数组', en: 'records must be an array of 1–1000 items' },
    });
  } else {
    records.forEach((item, i) => {
      const key = (item as { idempotencyKey?: unknown } | null)?.idempotencyKey;
      if (typeof key !== 'string' || !IDEMPOTENCY_KEY.test(key)) {
        problems.push({
          code: 'FIELD_FORMAT',
          path: `records.${i}.idempotencyKey`,
          message: { zh: '幂等键格式不正确', en: 'Invalid idempotency key' },
        });
      }
    });
  }
  if (problems.length === 0) return { value: data };
  const error = new AppError('VALIDATION_FAILED', { issues: problems });
  return { error };
}
