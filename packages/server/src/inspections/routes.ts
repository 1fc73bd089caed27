/**
 * Inspections on the phone: `GET /v1/venues/{venueId}/checklist` (the checklist in force),
 * `POST /v1/venues/{venueId}/inspections` (a regulator of the venue's region; optional Idempotency-Key, so a
 * phone's outbox sends it exactly once) → `{ inspection, grade }`, `GET /v1/venues/{venueId}/inspections` and
 * `GET /v1/inspections/{inspectionId}` (the venue's members and its regulators: the paper record's data).
 */
import {
  ChecklistSchema,
  InspectionRecordedSchema,
  InspectionRecordInputSchema,
  InspectionRecordPageSchema,
  InspectionRecordSchema,
} from '@brightkitchen/sdk';
import type { FastifyPluginAsync } from 'fastify';
import * as v from 'valibot';
import { authorizeVenue, MEMBER_OR_REGULATOR } from '../auth/index.js';
import { AppError } from '../errors/index.js';
import { idempotentWrite, sendWriteAnswer } from '../idempotency/index.js';
import { newestFirst, pageOf } from '../paging/index.js';
import {
  BEARER,
  errorResponses,
  IdParam,
  jsonSchema,
  ListQuerySchema,
  parseOrThrow,
  readLimit,
  VenueParamsSchema,
} from '../schemas/index.js';
import { toVenue } from '../venues/index.js';
import { precheckSignatures, recordInspection, toInspectionRecord, venueChecklist } from './record.js';

const InspectionParamsSchema = v.object({ inspectionId: IdParam });
/** A signature and 200 answers with remarks fit well inside; images travel separately. */
const BODY_LIMIT = 256 * 1024;

export const inspectionRoutes: FastifyPluginAsync = async (app) => {
  const { database } = app.ctx;
  const { db } = database;

  app.get<{ Params: { venueId: string } }>(
    '/venues/:venueId/checklist',
    {
      schema: {
        tags: ['inspections'],
        operationId: 'getChecklist',
        summary: 'The inspection checklist in force in the venue’s region',
        security: BEARER,
        params: jsonSchema(VenueParamsSchema),
        response: { 200: jsonSchema(ChecklistSchema), ...errorResponses },
      },
    },
    async (request) => {
      const { venue } = await authorizeVenue(app, request, request.params.venueId, MEMBER_OR_REGULATOR);
      return venueChecklist(app.ctx, venue);
    },
  );

  app.post<{ Params: { venueId: string } }>(
    '/venues/:venueId/inspections',
    {
      bodyLimit: BODY_LIMIT,
      schema: {
        tags: ['inspections'],
        operationId: 'recordInspection',
        summary: 'Record an inspection (regulator of the region): answers, signatures → the record and the new grade',
        security: BEARER,
        params: jsonSchema(VenueParamsSchema),
        body: jsonSchema(InspectionRecordInputSchema),
        response: {
          200: jsonSchema(InspectionRecordedSchema),
          201: jsonSchema(InspectionRecordedSchema),
          ...errorResponses,
        },
      },
      // Checked in the handler: a missing signature has its own code before the schema's generic one.
      validatorCompiler: () => (data: unknown) => ({ value: data }),
    },
    async (request, reply) => {
      const { principal, venue } = await authorizeVenue(app, request, request.params.venueId, ['regulator']);
      precheckSignatures(request.body);
      const input = parseOrThrow(InspectionRecordInputSchema, request.body);
      const answer = await idempotentWrite(database, request, principal.userId, async () => ({
        status: 201,
        body: await recordInspection(app.ctx, venue, principal, input),
      }));
      return sendWriteAnswer(reply, answer);
    },
  );

  app.get<{ Params: { venueId: string }; Querystring: v.InferOutput<typeof ListQuerySchema> }>(
    '/venues/:venueId/inspections',
    {
      schema: {
        tags: ['inspections'],
        operationId: 'listInspections',
        summary: 'The venue’s inspections, newest first',
        security: BEARER,
        params: jsonSchema(VenueParamsSchema),
        querystring: jsonSchema(ListQuerySchema),
        response: { 200: jsonSchema(InspectionRecordPageSchema), ...errorResponses },
      },
    },
    async (request) => {
      const { venue } = await authorizeVenue(app, request, request.params.venueId, MEMBER_OR_REGULATOR);
      const limit = readLimit(request.query.limit);
      const query = db.selectFrom('inspections').selectAll().where('venue_id', '=', venue.id);
      const rows = await newestFirst(query, 'created_at', 'id', request.query.cursor, limit);
      const graded = toVenue(venue);
      return pageOf(rows, limit, (row) => toInspectionRecord(row, graded), request.log);
    },
  );

  app.get<{ Params: { inspectionId: string } }>(
    '/inspections/:inspectionId',
    {
      schema: {
        tags: ['inspections'],
        operationId: 'getInspection',
        summary: 'One inspection record (the venue’s members and its regulators)',
        security: BEARER,
        params: jsonSchema(InspectionParamsSchema),
        response: { 200: jsonSchema(InspectionRecordSchema), ...errorResponses },
      },
    },
    async (request) => {
      const row = await db
        .selectFrom('inspections')
        .selectAll()
        .where('id', '=', request.params.inspectionId)
        .executeTakeFirst();
      if (!row) throw new AppError('NOT_FOUND');
      const { venue } = await authorizeVenue(app, request, row.venue_id, MEMBER_OR_REGULATOR);
      return toInspectionRecord(row, toVenue(venue));
    },
  );
};
