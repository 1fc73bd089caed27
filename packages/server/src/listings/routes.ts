/**
 * Red and black lists (红黑榜): `POST /v1/lists/drafts` (a regulator of the region computes a draft),
 * `GET /v1/lists` and `GET /v1/lists/{listId}` (its regulators; admins all), `POST /v1/lists/{listId}/exclusions`
 * (a venue taken off with a reason), `POST /v1/lists/{listId}/publish` (once per region, period and scope), and
 * the public `GET /v1/public/lists?regionId=` and the same as open data, `GET /v1/open/lists` (no login; cached, see
 * public-cache.ts).
 */
import { ListPeriodSchema, PublicListsSchema } from '@brightkitchen/sdk';
import {
  ListDraftInputSchema,
  ListExclusionInputSchema,
  ListSetPageSchema,
  ListSetSchema,
} from '@brightkitchen/sdk/listing';
import type { FastifyInstance, FastifyPluginAsync, FastifyRequest } from 'fastify';
import * as v from 'valibot';
import { requireRole } from '../auth/index.js';
import type { Principal } from '../auth/principal.js';
import { AppError } from '../errors/index.js';
import { newestFirst, pageOf } from '../paging/index.js';
import { oversight } from '../regions/oversight.js';
import {
  BEARER,
  errorResponses,
  IdParam,
  jsonSchema,
  PUBLIC,
  PUBLIC_OR_PARTNER,
  parseOrThrow,
  readLimit,
} from '../schemas/index.js';
import { publicListsCacheOf } from './public-cache.js';
import { computeDraft, excludeVenue, forgetPublishedLists, publishDraft } from './service.js';
import { listed, loadListSet, toListSet } from './store.js';

const TAGS = ['lists'];
const ListParamsSchema = v.object({ listId: IdParam });
const ListQuerySchema = v.object({
  regionId: v.optional(IdParam),
  period: v.optional(ListPeriodSchema),
  limit: v.optional(v.pipe(v.string(), v.regex(/^\d{1,4}$/))),
  cursor: v.optional(v.pipe(v.string(), v.maxLength(300))),
});
const PublicQuerySchema = v.object({ regionId: IdParam });

/** The region exists and the caller oversees it (a regulator: it or a region above it; an admin: any). */
async function assertOversees(app: FastifyInstance, principal: Principal, regionId: string): Promise<void> {
  const exists = await app.ctx.database.db
    .selectFrom('regions')
    .select('id')
    .where('id', '=', regionId)
    .executeTakeFirst();
  if (!exists) throw new AppError('REGION_NOT_FOUND', { regionId });
  const reach = await oversight(app, principal);
  if (reach !== 'all' && !reach.includes(regionId)) throw new AppError('FORBIDDEN');
}

export const listRoutes: FastifyPluginAsync = async (app) => {
  const { database, cluster } = app.ctx;
  const cache = publicListsCacheOf(database);
  cluster.onEvent((event) => {
    if (event.kind === 'lists') cache.clear();
  });
  /** The set, once its region is checked against the caller. */
  const ownSet = async (request: FastifyRequest<{ Params: { listId: string } }>, roles: ('regulator' | 'admin')[]) => {
    const principal = requireRole(request, roles);
    const row = await loadListSet(database, request.params.listId);
    await assertOversees(app, principal, row.region_id);
    return { principal, row };
  };

  app.post(
    '/lists/drafts',
    {
      schema: {
        tags: TAGS,
        operationId: 'draftLists',
        summary: 'Compute a draft of a region’s red and black lists for a period (regulator of the region)',
        security: BEARER,
        body: jsonSchema(ListDraftInputSchema),
        response: { 201: jsonSchema(ListSetSchema), ...errorResponses },
      },
    },
    async (request, reply) => {
      const principal = requireRole(request, ['regulator']);
      const input = parseOrThrow(ListDraftInputSchema, request.body);
      await assertOversees(app, principal, input.regionId);
      reply.status(201);
      return computeDraft(database, request.log, principal.userId, input);
    },
  );

  app.get<{ Querystring: v.InferOutput<typeof ListQuerySchema> }>(
    '/lists',
    {
      schema: {
        tags: TAGS,
        operationId: 'listListSets',
        summary: 'Drafts and published lists of the caller’s regions, newest first',
        security: BEARER,
        querystring: jsonSchema(ListQuerySchema),
        response: { 200: jsonSchema(ListSetPageSchema), ...errorResponses },
      },
    },
    async (request) => {
      const principal = requireRole(request, ['regulator', 'admin']);
      const { regionId, period, cursor } = request.query;
      if (regionId) await assertOversees(app, principal, regionId);
      const reach = await oversight(app, principal);
      const limit = readLimit(request.query.limit);
      let query = database.db.selectFrom('list_sets').selectAll();
      if (regionId) query = query.where('region_id', '=', regionId);
      else if (reach !== 'all') query = query.where('region_id', 'in', reach.length > 0 ? reach : ['']);
      if (period) query = query.where('period', '=', period);
      const rows = await newestFirst(query, 'created_at', 'id', cursor, limit);
      return pageOf(
        rows,
        limit,
        (row) => {
          const { red, black, ...set } = toListSet(row);
          return { ...set, red: listed(red).length, black: listed(black).length };
        },
        request.log,
      );
    },
  );

  app.get<{ Params: { listId: string } }>(
    '/lists/:listId',
    {
      schema: {
        tags: TAGS,
        operationId: 'getListSet',
        summary: 'A draft or published pair of lists, every listed venue with its factors',
        security: BEARER,
        params: jsonSchema(ListParamsSchema),
        response: { 200: jsonSchema(ListSetSchema), ...errorResponses },
      },
    },
    async (request) => toListSet((await ownSet(request, ['regulator', 'admin'])).row),
  );

  app.post<{ Params: { listId: string } }>(
    '/lists/:listId/exclusions',
    {
      schema: {
        tags: TAGS,
        operationId: 'excludeFromLists',
        summary: 'Take a venue off a draft’s list, with the reason (kept with the lists)',
        security: BEARER,
        params: jsonSchema(ListParamsSchema),
        body: jsonSchema(ListExclusionInputSchema),
        response: { 200: jsonSchema(ListSetSchema), ...errorResponses },
      },
    },
    async (request) => {
      const { principal } = await ownSet(request, ['regulator']);
      const input = parseOrThrow(ListExclusionInputSchema, request.body);
      return excludeVenue(database, request.params.listId, principal.userId, input);
    },
  );

  app.post<{ Params: { listId: string } }>(
    '/lists/:listId/publish',
    {
      schema: {
        tags: TAGS,
        operationId: 'publishLists',
        summary: 'Publish a draft: consumers see it, venues’ profiles show their list (once per region and period)',
        security: BEARER,
        params: jsonSchema(ListParamsSchema),
        response: { 200: jsonSchema(ListSetSchema), ...errorResponses },
      },
    },
    async (request) => {
      const { principal } = await ownSet(request, ['regulator']);
      const published = await publishDraft(database, request.params.listId, principal.userId);
      await forgetPublishedLists(app);
      return published;
    },
  );

  // The same answer for consumers (`/public/lists`) and as open data for partners (`/open/lists`, also signed).
  for (const [path, operationId, security] of [
    ['/public/lists', 'getPublicLists', PUBLIC],
    ['/open/lists', 'listOpenLists', PUBLIC_OR_PARTNER],
  ] as const) {
    app.get<{ Querystring: v.InferOutput<typeof PublicQuerySchema> }>(
      path,
      {
        config: { public: true },
        schema: {
          tags: [path === '/open/lists' ? 'open data' : 'public'],
          operationId,
          summary: 'The latest red and black lists published for a region or the nearest region above it (no login)',
          security,
          querystring: jsonSchema(PublicQuerySchema),
          response: { 200: jsonSchema(PublicListsSchema), ...errorResponses },
        },
      },
      // Not async: a cache hit is answered synchronously.
      (request, reply) => {
        const { regionId } = request.query;
        const now = Date.now();
        reply.headers({ 'cache-control': 'public, max-age=60', 'content-type': 'application/json; charset=utf-8' });
        const cached = cache.get(regionId, now);
        if (cached !== undefined) {
          reply.send(cached);
          return;
        }
        return database.db
          .selectFrom('regions')
          .select('id')
          .where('id', '=', regionId)
          .executeTakeFirst()
          .then(async (region) => {
            if (!region) throw new AppError('REGION_NOT_FOUND', { regionId });
            reply.send(await cache.load(regionId, now));
            return reply;
          });
      },
    );
  }
};
