/**
 * Legal duties and operating procedures (法定义务/操作规范) with read receipts: POST /v1/duties, GET /v1/duties and
 * GET /v1/duties/{dutyId}/receipts (regulators of the region or above, admin); GET /v1/venues/{venueId}/duties
 * (the venue's people and its regulator) and POST /v1/venues/{venueId}/duties/{dutyId}/read (the venue's people).
 */
import {
  DutyInputSchema,
  DutyPageSchema,
  DutyReceiptsSchema,
  DutySchema,
  VenueDutiesSchema,
  VenueDutySchema,
} from '@brightkitchen/sdk';
import type { FastifyInstance, FastifyPluginAsync, FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import * as v from 'valibot';
import { authorizeVenue, MEMBER_OR_REGULATOR, requireRole } from '../auth/index.js';
import { AppError } from '../errors/index.js';
import { newestFirst, pageOf } from '../paging/index.js';
import { oversight } from '../regions/oversight.js';
import {
  BEARER,
  errorResponses,
  IdParam,
  jsonSchema,
  parseOrThrow,
  readLimit,
  VenueParamsSchema,
} from '../schemas/index.js';
import { coverageOf, dutiesOfVenue, loadDuty, markRead, publishDuty, receiptsOf, toDuty } from './service.js';

const TAGS = ['duties'];
const REGULATORS = ['regulator', 'admin'] as const;

const ListQuerySchema = v.object({
  regionId: v.optional(IdParam),
  limit: v.optional(v.pipe(v.string(), v.regex(/^\d{1,4}$/))),
  cursor: v.optional(v.pipe(v.string(), v.maxLength(300))),
});
const ReceiptsQuerySchema = v.object({ limit: v.optional(v.pipe(v.string(), v.regex(/^\d{1,4}$/))) });
const DutyParamsSchema = v.object({ dutyId: IdParam });
const VenueDutyParamsSchema = v.object({ venueId: IdParam, dutyId: IdParam });
const EmptyBodySchema = v.object({});

async function assertOversees(app: FastifyInstance, request: FastifyRequest, regionId: string): Promise<string> {
  const principal = requireRole(request, REGULATORS);
  const regions = await oversight(app, principal);
  if (regions !== 'all' && !regions.includes(regionId)) throw new AppError('FORBIDDEN');
  return principal.userId;
}

export const dutyRoutes: FastifyPluginAsync = async (app) => {
  const { database } = app.ctx;
  const { db } = database;

  app.post(
    '/duties',
    {
      schema: {
        tags: TAGS,
        operationId: 'publishDuty',
        summary: 'Publish a legal duty or operating procedure to a region’s venues of some kinds (regulator)',
        security: BEARER,
        body: jsonSchema(DutyInputSchema),
        response: { 201: jsonSchema(DutySchema), ...errorResponses },
      },
    },
    async (request, reply) => {
      const input = parseOrThrow(DutyInputSchema, request.body);
      requireRole(request, REGULATORS);
      const exists = await db.selectFrom('regions').select('id').where('id', '=', input.regionId).executeTakeFirst();
      if (!exists) throw new AppError('REGION_NOT_FOUND', { regionId: input.regionId });
      const userId = await assertOversees(app, request, input.regionId);
      const row = await publishDuty(database, { input, publishedBy: userId, now: new Date() });
      return reply.code(201).send(toDuty(row, await coverageOf(database, row)));
    },
  );

  app.get<{ Querystring: v.InferOutput<typeof ListQuerySchema> }>(
    '/duties',
    {
      schema: {
        tags: TAGS,
        operationId: 'listDuties',
        summary: 'Duties and procedures of the caller’s regions with their read coverage, newest first (regulator)',
        security: BEARER,
        querystring: jsonSchema(ListQuerySchema),
        response: { 200: jsonSchema(DutyPageSchema), ...errorResponses },
      },
    },
    async (request) => {
      const principal = requireRole(request, REGULATORS);
      const { regionId, cursor } = request.query;
      const limit = readLimit(request.query.limit);
      const regions = await oversight(app, principal);
      let q = db
        .selectFrom('duties')
        .innerJoin('regions', 'regions.id', 'duties.region_id')
        .selectAll('duties')
        .select('regions.name as region_name');
      if (regions !== 'all') {
        q = regions.length === 0 ? q.where(sql<boolean>`1 = 0`) : q.where('duties.region_id', 'in', regions);
      }
      if (regionId) q = q.where('duties.region_id', '=', regionId);
      const rows = await newestFirst(q, 'duties.created_at', 'duties.id', cursor, limit);
      const coverage = new Map(
        await Promise.all(rows.slice(0, limit).map(async (r) => [r.id, await coverageOf(database, r)] as const)),
      );
      return pageOf(rows, limit, (r) => toDuty(r, coverage.get(r.id)), request.log);
    },
  );

  app.get<{ Params: { dutyId: string }; Querystring: { limit?: string } }>(
    '/duties/:dutyId/receipts',
    {
      schema: {
        tags: TAGS,
        operationId: 'getDutyReceipts',
        summary: 'Read receipts of a duty: how many venues read it, and the venues that have not (regulator)',
        security: BEARER,
        params: jsonSchema(DutyParamsSchema),
        querystring: jsonSchema(ReceiptsQuerySchema),
        response: { 200: jsonSchema(DutyReceiptsSchema), ...errorResponses },
      },
    },
    async (request) => {
      requireRole(request, REGULATORS);
      const row = await loadDuty(database, request.params.dutyId);
      await assertOversees(app, request, row.region_id);
      return receiptsOf(database, row, readLimit(request.query.limit, 200, 1000));
    },
  );

  app.get<{ Params: { venueId: string } }>(
    '/venues/:venueId/duties',
    {
      schema: {
        tags: TAGS,
        operationId: 'listVenueDuties',
        summary: 'The duties and procedures a venue must read, unread first, with who read each and when',
        security: BEARER,
        params: jsonSchema(VenueParamsSchema),
        response: { 200: jsonSchema(VenueDutiesSchema), ...errorResponses },
      },
    },
    async (request) => {
      const { venue } = await authorizeVenue(app, request, request.params.venueId, MEMBER_OR_REGULATOR);
      const items = await dutiesOfVenue(database, venue);
      return { venueId: venue.id, unread: items.filter((d) => !d.readAt).length, items };
    },
  );

  app.post<{ Params: { venueId: string; dutyId: string } }>(
    '/venues/:venueId/duties/:dutyId/read',
    {
      schema: {
        tags: TAGS,
        operationId: 'markDutyRead',
        summary: 'The venue has read a duty (its people; the first read is kept)',
        security: BEARER,
        params: jsonSchema(VenueDutyParamsSchema),
        body: jsonSchema(EmptyBodySchema),
        response: { 200: jsonSchema(VenueDutySchema), ...errorResponses },
      },
    },
    async (request) => {
      const { venue, principal } = await authorizeVenue(app, request, request.params.venueId, ['manager', 'staff']);
      return markRead(database, venue, request.params.dutyId, principal.userId, new Date());
    },
  );
};
