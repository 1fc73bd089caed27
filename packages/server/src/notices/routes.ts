/**
 * Notices (告知书): POST /v1/venues/{venueId}/notices (consumer, or regulator of the venue's region),
 * GET /v1/notices (the sender's own, a member's venue's, a regulator's region's), and
 * POST /v1/notices/{noticeId}/answer (the venue's manager or staff; the sender then sees the answer).
 */
import {
  NOTICE_STATES,
  NoticeAnswerInputSchema,
  NoticeInputSchema,
  NoticePageSchema,
  NoticeSchema,
} from '@brightkitchen/sdk';
import type { FastifyPluginAsync } from 'fastify';
import { sql } from 'kysely';
import * as v from 'valibot';
import { authorizeVenue, requirePrincipal, requireRole, venueScope, venueScopeSql } from '../auth/index.js';
import { AppError } from '../errors/index.js';
import { idempotentWrite, sendWriteAnswer } from '../idempotency/index.js';
import { takeDailyAllowance } from '../limits/consumer-quota.js';
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
import { answerNotice, sendNotice, toNotice } from './service.js';

const NoticeListQuerySchema = v.object({
  venueId: v.optional(IdParam),
  state: v.optional(v.picklist(NOTICE_STATES)),
  limit: v.optional(v.pipe(v.string(), v.regex(/^\d{1,4}$/))),
  cursor: v.optional(v.pipe(v.string(), v.maxLength(300))),
});
const NoticeParamsSchema = v.object({ noticeId: IdParam });

const READERS = ['consumer', 'operator_staff', 'operator_manager', 'regulator', 'admin'] as const;

export const noticeRoutes: FastifyPluginAsync = async (app) => {
  const { database } = app.ctx;
  const { db } = database;

  app.post<{ Params: { venueId: string } }>(
    '/venues/:venueId/notices',
    {
      schema: {
        tags: ['notices'],
        operationId: 'sendNotice',
        summary: 'Send a notice (告知书) to the venue’s operator (optional Idempotency-Key)',
        security: BEARER,
        params: jsonSchema(VenueParamsSchema),
        body: jsonSchema(NoticeInputSchema),
        response: { 200: jsonSchema(NoticeSchema), 201: jsonSchema(NoticeSchema), ...errorResponses },
      },
    },
    async (request, reply) => {
      const principal = requireRole(request, ['consumer', 'regulator']);
      const input = parseOrThrow(NoticeInputSchema, request.body);
      const { venueId } = request.params;
      if (principal.role === 'regulator') {
        await authorizeVenue(app, request, venueId, ['regulator']);
      } else {
        const venue = await db.selectFrom('venues').select('id').where('id', '=', venueId).executeTakeFirst();
        if (!venue) throw new AppError('NOT_FOUND');
      }
      const senderRole = principal.role as 'consumer' | 'regulator';
      const answer = await idempotentWrite(database, request, principal.userId, async () => {
        await takeDailyAllowance(app.ctx, principal, 'notices');
        return { status: 201, body: await sendNotice(database, venueId, principal.userId, senderRole, input) };
      });
      return sendWriteAnswer(reply, answer);
    },
  );

  app.get<{ Querystring: v.InferOutput<typeof NoticeListQuerySchema> }>(
    '/notices',
    {
      schema: {
        tags: ['notices'],
        operationId: 'listNotices',
        summary: 'Notices the caller may see, newest first',
        security: BEARER,
        querystring: jsonSchema(NoticeListQuerySchema),
        response: { 200: jsonSchema(NoticePageSchema), ...errorResponses },
      },
    },
    async (request) => {
      const principal = requireRole(request, READERS);
      const { venueId, state, cursor } = request.query;
      const limit = readLimit(request.query.limit);
      // With the venue's name and zone: a person's own list spans venues, and reads each time on its venue's clock.
      let q = db
        .selectFrom('notices')
        .innerJoin('venues', 'venues.id', 'notices.venue_id')
        .selectAll('notices')
        .select(['venues.name as venue_name', 'venues.time_zone as venue_time_zone']);
      if (principal.role === 'consumer') {
        q = q.where('notices.sender_id', '=', principal.userId);
      } else {
        const scope = await venueScope(app, principal);
        q = q.where(
          sql<boolean>`(${venueScopeSql(scope, 'notices.venue_id')} or notices.sender_id = ${principal.userId})`,
        );
      }
      if (venueId) q = q.where('notices.venue_id', '=', venueId);
      if (state) q = q.where('notices.state', '=', state);
      const rows = await newestFirst(q, 'notices.created_at', 'notices.id', cursor, limit);
      return pageOf(
        rows,
        limit,
        (row) => ({ ...toNotice(row), venueName: row.venue_name, timeZone: row.venue_time_zone }),
        request.log,
      );
    },
  );

  app.post<{ Params: { noticeId: string } }>(
    '/notices/:noticeId/answer',
    {
      schema: {
        tags: ['notices'],
        operationId: 'answerNotice',
        summary: 'Answer a notice (the venue’s manager or staff)',
        security: BEARER,
        params: jsonSchema(NoticeParamsSchema),
        body: jsonSchema(NoticeAnswerInputSchema),
        response: { 200: jsonSchema(NoticeSchema), ...errorResponses },
      },
    },
    async (request) => {
      const principal = requirePrincipal(request);
      const { answer } = parseOrThrow(NoticeAnswerInputSchema, request.body);
      const row = await db
        .selectFrom('notices')
        .selectAll()
        .where('id', '=', request.params.noticeId)
        .executeTakeFirst();
      if (!row) throw new AppError('NOT_FOUND');
      await authorizeVenue(app, request, row.venue_id, ['manager', 'staff']);
      return answerNotice(database, row, answer, principal.userId);
    },
  );
};
