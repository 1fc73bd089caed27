/**
 * Sampling tasks (抽检): POST /v1/venues/{venueId}/sampling-tasks (regulator of the region), GET
 * /v1/sampling-tasks (regulators: their regions', `mine=true` those assigned to them; operators: their venue's,
 * only once a result is recorded — sampling is unannounced), POST /v1/sampling-tasks/{taskId}/result.
 */
import {
  SAMPLING_TASK_STATES,
  SamplingInspectorListSchema,
  SamplingResultInputSchema,
  SamplingTaskInputSchema,
  SamplingTaskPageSchema,
  SamplingTaskSchema,
} from '@brightkitchen/sdk';
import type { FastifyPluginAsync } from 'fastify';
import * as v from 'valibot';
import { authorizeVenue, requireRole, venueScope, venueScopeSql } from '../auth/index.js';
import { AppError } from '../errors/index.js';
import { idempotentWrite, sendWriteAnswer } from '../idempotency/index.js';
import { newestFirst, pageOf } from '../paging/index.js';
import { profileCacheOf } from '../public-venues/profile-cache.js';
import {
  BEARER,
  errorResponses,
  IdParam,
  jsonSchema,
  parseOrThrow,
  readLimit,
  VenueParamsSchema,
} from '../schemas/index.js';
import { createSamplingTask, recordSamplingResult, toSamplingTask } from './service.js';

const ListQuerySchema = v.object({
  venueId: v.optional(IdParam),
  state: v.optional(v.picklist(SAMPLING_TASK_STATES)),
  mine: v.optional(v.picklist(['true', 'false'])),
  limit: v.optional(v.pipe(v.string(), v.regex(/^\d{1,4}$/))),
  cursor: v.optional(v.pipe(v.string(), v.maxLength(300))),
});
const ParamsSchema = v.object({ taskId: IdParam });

const READERS = ['operator_staff', 'operator_manager', 'regulator', 'admin'] as const;
const TAGS = ['sampling'];

export const samplingRoutes: FastifyPluginAsync = async (app) => {
  const { database } = app.ctx;
  const { db } = database;
  const profiles = profileCacheOf(database);

  app.post<{ Params: { venueId: string } }>(
    '/venues/:venueId/sampling-tasks',
    {
      schema: {
        tags: TAGS,
        operationId: 'createSamplingTask',
        summary: 'Assign a sampling task (抽检) to an inspector of the region (regulator; optional Idempotency-Key)',
        security: BEARER,
        params: jsonSchema(VenueParamsSchema),
        body: jsonSchema(SamplingTaskInputSchema),
        response: { 200: jsonSchema(SamplingTaskSchema), 201: jsonSchema(SamplingTaskSchema), ...errorResponses },
      },
    },
    async (request, reply) => {
      const input = parseOrThrow(SamplingTaskInputSchema, request.body);
      const { principal, venue } = await authorizeVenue(app, request, request.params.venueId, ['regulator']);
      const answer = await idempotentWrite(database, request, principal.userId, async () => ({
        status: 201,
        body: await createSamplingTask(database, venue, principal.userId, input),
      }));
      return sendWriteAnswer(reply, answer);
    },
  );

  app.get<{ Params: { venueId: string } }>(
    '/venues/:venueId/sampling-inspectors',
    {
      schema: {
        tags: TAGS,
        operationId: 'listSamplingInspectors',
        summary: 'The regulators of the venue’s region, who may be assigned its sampling tasks',
        security: BEARER,
        params: jsonSchema(VenueParamsSchema),
        response: { 200: jsonSchema(SamplingInspectorListSchema), ...errorResponses },
      },
    },
    async (request) => {
      const { venue } = await authorizeVenue(app, request, request.params.venueId, ['regulator', 'admin']);
      const rows = await db
        .selectFrom('users')
        .innerJoin('regulator_regions', 'regulator_regions.user_id', 'users.id')
        .select(['users.id', 'users.display_name'])
        .where('users.role', '=', 'regulator')
        .where('users.disabled_at', 'is', null)
        .where('regulator_regions.region_id', '=', venue.region_id)
        .orderBy('users.display_name')
        .execute();
      return { items: rows.map((row) => ({ id: row.id, name: row.display_name })) };
    },
  );

  app.get<{ Querystring: v.InferOutput<typeof ListQuerySchema> }>(
    '/sampling-tasks',
    {
      schema: {
        tags: TAGS,
        operationId: 'listSamplingTasks',
        summary: 'Sampling tasks the caller may see (operators: their venue’s, once a result is recorded)',
        security: BEARER,
        querystring: jsonSchema(ListQuerySchema),
        response: { 200: jsonSchema(SamplingTaskPageSchema), ...errorResponses },
      },
    },
    async (request) => {
      const principal = requireRole(request, READERS);
      const { venueId, state, mine, cursor } = request.query;
      const limit = readLimit(request.query.limit);
      let q = db
        .selectFrom('sampling_tasks')
        .innerJoin('venues', 'venues.id', 'sampling_tasks.venue_id')
        .selectAll('sampling_tasks')
        .select(['venues.name as venue_name', 'venues.time_zone as venue_time_zone'])
        .where(venueScopeSql(await venueScope(app, principal), 'sampling_tasks.venue_id'));
      // Unannounced: a venue's people learn of a sample once its result is in.
      if (principal.role === 'operator_staff' || principal.role === 'operator_manager') {
        q = q.where('sampling_tasks.state', '<>', 'assigned');
      }
      if (mine === 'true') q = q.where('sampling_tasks.inspector_id', '=', principal.userId);
      if (venueId) q = q.where('sampling_tasks.venue_id', '=', venueId);
      if (state) q = q.where('sampling_tasks.state', '=', state);
      const rows = await newestFirst(q, 'sampling_tasks.created_at', 'sampling_tasks.id', cursor, limit);
      return pageOf(rows, limit, toSamplingTask, request.log);
    },
  );

  app.post<{ Params: { taskId: string } }>(
    '/sampling-tasks/:taskId/result',
    {
      schema: {
        tags: TAGS,
        operationId: 'recordSamplingResult',
        summary: 'Record the lab result once; a failure opens an incident and a rectification notice (regulator)',
        security: BEARER,
        params: jsonSchema(ParamsSchema),
        body: jsonSchema(SamplingResultInputSchema),
        response: { 200: jsonSchema(SamplingTaskSchema), ...errorResponses },
      },
    },
    async (request) => {
      const input = parseOrThrow(SamplingResultInputSchema, request.body);
      const row = await db
        .selectFrom('sampling_tasks')
        .innerJoin('venues', 'venues.id', 'sampling_tasks.venue_id')
        .selectAll('sampling_tasks')
        .select(['venues.name as venue_name', 'venues.time_zone as venue_time_zone'])
        .where('sampling_tasks.id', '=', request.params.taskId)
        .executeTakeFirst();
      if (!row) throw new AppError('NOT_FOUND');
      const { principal, venue } = await authorizeVenue(app, request, row.venue_id, ['regulator']);
      const recorded = await recordSamplingResult(database, row, venue, principal.userId, input);
      if (recorded.incidentVenueId) {
        // The public profile shows the grade the incident holds back.
        profiles.invalidateVenue(recorded.incidentVenueId);
        await app.ctx.cluster.publish({ kind: 'venue', venueId: recorded.incidentVenueId });
      }
      return recorded.task;
    },
  );
};
