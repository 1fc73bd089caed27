/**
 * Rectification notices (责令整改通知书): POST /v1/venues/{venueId}/rectifications (regulator of the venue's
 * region), GET /v1/rectifications (members: their venue's; regulators: their regions'), GET one, and the
 * answer (venue's people), review and re-inspection plan (regulator) of /v1/rectifications/{id}.
 */
import {
  RECTIFICATION_STATES,
  RectificationInputSchema,
  RectificationPageSchema,
  RectificationReinspectionInputSchema,
  RectificationResponseInputSchema,
  RectificationReviewInputSchema,
  RectificationSchema,
} from '@brightkitchen/sdk';
import type { FastifyPluginAsync } from 'fastify';
import * as v from 'valibot';
import { authorizeVenue, MEMBER_OR_REGULATOR, requireRole, venueScope, venueScopeSql } from '../auth/index.js';
import { idempotentWrite, sendWriteAnswer } from '../idempotency/index.js';
import { newestFirst, pageOf } from '../paging/index.js';
import {
  BEARER,
  errorResponses,
  IdParam,
  jsonSchema,
  parseOrThrow,
  readLimit,
  VenueParamsSchema,
} from '../schemas/index.js';
import {
  loadRectification,
  openRectification,
  overdueSql,
  planReinspection,
  respondToRectification,
  reviewRectification,
  toRectification,
} from './service.js';

const ListQuerySchema = v.object({
  venueId: v.optional(IdParam),
  state: v.optional(v.picklist(RECTIFICATION_STATES)),
  overdue: v.optional(v.picklist(['true', 'false'])),
  limit: v.optional(v.pipe(v.string(), v.regex(/^\d{1,4}$/))),
  cursor: v.optional(v.pipe(v.string(), v.maxLength(300))),
});
const ParamsSchema = v.object({ rectificationId: IdParam });
type Params = { Params: { rectificationId: string } };

const READERS = ['operator_staff', 'operator_manager', 'regulator', 'admin'] as const;
const TAGS = ['rectifications'];

export const rectificationRoutes: FastifyPluginAsync = async (app) => {
  const { database } = app.ctx;
  const { db } = database;

  app.post<{ Params: { venueId: string } }>(
    '/venues/:venueId/rectifications',
    {
      schema: {
        tags: TAGS,
        operationId: 'openRectification',
        summary:
          'Open a rectification notice (责令整改) with a deadline (regulator of the region; optional Idempotency-Key)',
        security: BEARER,
        params: jsonSchema(VenueParamsSchema),
        body: jsonSchema(RectificationInputSchema),
        response: { 200: jsonSchema(RectificationSchema), 201: jsonSchema(RectificationSchema), ...errorResponses },
      },
    },
    async (request, reply) => {
      const input = parseOrThrow(RectificationInputSchema, request.body);
      const { principal, venue } = await authorizeVenue(app, request, request.params.venueId, ['regulator']);
      const answer = await idempotentWrite(database, request, principal.userId, async () => ({
        status: 201,
        body: await openRectification(database, { venueId: venue.id, issuedBy: principal.userId, input }),
      }));
      return sendWriteAnswer(reply, answer);
    },
  );

  app.get<{ Querystring: v.InferOutput<typeof ListQuerySchema> }>(
    '/rectifications',
    {
      schema: {
        tags: TAGS,
        operationId: 'listRectifications',
        summary: 'Rectification notices the caller may see (filters: venue, state, overdue), newest first',
        security: BEARER,
        querystring: jsonSchema(ListQuerySchema),
        response: { 200: jsonSchema(RectificationPageSchema), ...errorResponses },
      },
    },
    async (request) => {
      const principal = requireRole(request, READERS);
      const { venueId, state, overdue, cursor } = request.query;
      const limit = readLimit(request.query.limit);
      const now = new Date();
      let q = db
        .selectFrom('rectifications')
        .innerJoin('venues', 'venues.id', 'rectifications.venue_id')
        .selectAll('rectifications')
        .select(['venues.name as venue_name', 'venues.time_zone as venue_time_zone'])
        .where(venueScopeSql(await venueScope(app, principal), 'rectifications.venue_id'));
      if (venueId) q = q.where('rectifications.venue_id', '=', venueId);
      if (state) q = q.where('rectifications.state', '=', state);
      if (overdue !== undefined) {
        const condition = await overdueSql(database, now);
        q = overdue === 'true' ? q.where(condition) : q.where(({ not }) => not(condition));
      }
      const rows = await newestFirst(q, 'rectifications.created_at', 'rectifications.id', cursor, limit);
      return pageOf(rows, limit, (row) => toRectification(row, now), request.log);
    },
  );

  app.get<Params>(
    '/rectifications/:rectificationId',
    {
      schema: {
        tags: TAGS,
        operationId: 'getRectification',
        summary: 'One rectification notice with its answers and reviews',
        security: BEARER,
        params: jsonSchema(ParamsSchema),
        response: { 200: jsonSchema(RectificationSchema), ...errorResponses },
      },
    },
    async (request) => {
      const row = await loadRectification(database, request.params.rectificationId);
      await authorizeVenue(app, request, row.venue_id, MEMBER_OR_REGULATOR);
      return toRectification(row);
    },
  );

  app.post<Params>(
    '/rectifications/:rectificationId/responses',
    {
      schema: {
        tags: TAGS,
        operationId: 'respondToRectification',
        summary: 'The operator answers: what was done, with photo refs (venue’s people; optional Idempotency-Key)',
        security: BEARER,
        params: jsonSchema(ParamsSchema),
        body: jsonSchema(RectificationResponseInputSchema),
        response: { 200: jsonSchema(RectificationSchema), ...errorResponses },
      },
    },
    async (request, reply) => {
      const input = parseOrThrow(RectificationResponseInputSchema, request.body);
      const row = await loadRectification(database, request.params.rectificationId);
      const { principal } = await authorizeVenue(app, request, row.venue_id, ['manager', 'staff']);
      const answer = await idempotentWrite(database, request, principal.userId, async () => ({
        status: 200,
        body: await respondToRectification(database, row, input),
      }));
      return sendWriteAnswer(reply, answer);
    },
  );

  app.post<Params>(
    '/rectifications/:rectificationId/review',
    {
      schema: {
        tags: TAGS,
        operationId: 'reviewRectification',
        summary: 'The regulator accepts (closed) or rejects (open again, with a remark) the answer',
        security: BEARER,
        params: jsonSchema(ParamsSchema),
        body: jsonSchema(RectificationReviewInputSchema),
        response: { 200: jsonSchema(RectificationSchema), ...errorResponses },
      },
    },
    async (request) => {
      const input = parseOrThrow(RectificationReviewInputSchema, request.body);
      const row = await loadRectification(database, request.params.rectificationId);
      const { principal } = await authorizeVenue(app, request, row.venue_id, ['regulator']);
      return reviewRectification(database, row, input, principal.userId);
    },
  );

  app.post<Params>(
    '/rectifications/:rectificationId/reinspection',
    {
      schema: {
        tags: TAGS,
        operationId: 'planRectificationReinspection',
        summary: 'Plan the re-inspection of a rectification notice on a local day (regulator)',
        security: BEARER,
        params: jsonSchema(ParamsSchema),
        body: jsonSchema(RectificationReinspectionInputSchema),
        response: { 200: jsonSchema(RectificationSchema), ...errorResponses },
      },
    },
    async (request) => {
      const { day } = parseOrThrow(RectificationReinspectionInputSchema, request.body);
      const row = await loadRectification(database, request.params.rectificationId);
      await authorizeVenue(app, request, row.venue_id, ['regulator']);
      return planReinspection(database, row, day);
    },
  );
};
