/**
 * Tips and consumer alerts: POST /v1/tips, GET /v1/tips, POST /v1/tips/{tipId}/withdraw (regulators of the region
 * or above, admin); GET /v1/public/tips?regionId= (no login; cached, see public-cache.ts); a consumer's opt-ins to
 * receive consumer alerts as WeChat subscribe messages: GET/POST /v1/me/tip-subscriptions and
 * POST /v1/me/tip-subscriptions/{regionId}/stop.
 */
import {
  PublicTipsSchema,
  TIP_KINDS,
  TIP_STATES,
  TIP_SUBSCRIPTION_MAX,
  TipInputSchema,
  TipPageSchema,
  TipSchema,
  TipSubscribeInputSchema,
  type TipSubscription,
  TipSubscriptionSchema,
  TipSubscriptionsSchema,
  TipWithdrawInputSchema,
} from '@brightkitchen/sdk';
import type { FastifyInstance, FastifyPluginAsync, FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import * as v from 'valibot';
import { requireRole } from '../auth/index.js';
import { type Database, nowIso } from '../db/index.js';
import { AppError } from '../errors/index.js';
import { registerPeriodicJob } from '../jobs/periodic-job.js';
import { WechatSender } from '../notify/index.js';
import { newestFirst, pageOf } from '../paging/index.js';
import { oversight } from '../regions/oversight.js';
import { BEARER, errorResponses, IdParam, jsonSchema, PUBLIC, parseOrThrow, readLimit } from '../schemas/index.js';
import { publicTipsCacheOf } from './public-cache.js';
import { createTip, deliveredCounts, loadTip, stateSql, type TipRow, toTip, withdrawTip } from './service.js';
import { TipMessages } from './subscribe-messages.js';

const TAGS = ['tips'];
const REGULATORS = ['regulator', 'admin'] as const;
/** Consumer alerts that start later are sent when they start: checked this often. */
export const TIP_MESSAGES_EVERY_MS = 60_000;

const ListQuerySchema = v.object({
  regionId: v.optional(IdParam),
  kind: v.optional(v.picklist(TIP_KINDS)),
  state: v.optional(v.picklist(TIP_STATES)),
  limit: v.optional(v.pipe(v.string(), v.regex(/^\d{1,4}$/))),
  cursor: v.optional(v.pipe(v.string(), v.maxLength(300))),
});
const PublicQuerySchema = v.object({ regionId: IdParam });
const TipParamsSchema = v.object({ tipId: IdParam });
const RegionParamsSchema = v.object({ regionId: IdParam });
const EmptyBodySchema = v.object({});

/** Throws FORBIDDEN unless the caller oversees the region (a regulator: its regions and those under them). */
async function assertOversees(app: FastifyInstance, request: FastifyRequest, regionId: string): Promise<string> {
  const principal = requireRole(request, REGULATORS);
  const regions = await oversight(app, principal);
  if (regions !== 'all' && !regions.includes(regionId)) throw new AppError('FORBIDDEN');
  return principal.userId;
}

async function withDelivered(database: Database, rows: readonly TipRow[]) {
  const delivered = await deliveredCounts(
    database,
    rows.map((r) => r.id),
  );
  return (row: TipRow) => toTip(row, delivered.get(row.id) ?? 0);
}

async function subscriptionsOf({ db }: Database, userId: string): Promise<TipSubscription[]> {
  const rows = await db
    .selectFrom('tip_subscriptions')
    .innerJoin('regions', 'regions.id', 'tip_subscriptions.region_id')
    .select([
      'tip_subscriptions.region_id',
      'regions.name',
      'tip_subscriptions.remaining',
      'tip_subscriptions.updated_at',
    ])
    .where('tip_subscriptions.user_id', '=', userId)
    .orderBy('tip_subscriptions.updated_at', 'desc')
    .execute();
  return rows.map((r) => ({
    regionId: r.region_id,
    regionName: r.name,
    remaining: r.remaining,
    updatedAt: r.updated_at,
  }));
}

export const tipRoutes: FastifyPluginAsync = async (app) => {
  const { database, config, cluster } = app.ctx;
  const { db } = database;
  const cache = publicTipsCacheOf(database);
  const templateId = config.wechat.tipTemplateId ?? '';
  const messages = new TipMessages({
    database,
    sender: new WechatSender({
      apiBase: config.wechat.apiBase,
      appId: config.wechat.appId,
      secret: config.wechat.secret,
      templateId,
      now: Date.now,
    }),
    log: (message, error) => app.log.warn({ err: error }, message),
  });
  cluster.onEvent((event) => {
    if (event.kind === 'tips') cache.clear();
  });
  const changed = async () => {
    cache.clear();
    await cluster.publish({ kind: 'tips' });
  };
  if (messages.enabled) {
    registerPeriodicJob(app, {
      name: 'consumer alert messages',
      everyMs: TIP_MESSAGES_EVERY_MS,
      run: async () => {
        await messages.sweep();
      },
    });
  }

  app.post(
    '/tips',
    {
      schema: {
        tags: TAGS,
        operationId: 'createTip',
        summary: 'Write a food-safety tip or consumer alert (消费预警) for a region, with its validity (regulator)',
        security: BEARER,
        body: jsonSchema(TipInputSchema),
        response: { 201: jsonSchema(TipSchema), ...errorResponses },
      },
    },
    async (request, reply) => {
      const input = parseOrThrow(TipInputSchema, request.body);
      requireRole(request, REGULATORS);
      const exists = await db.selectFrom('regions').select('id').where('id', '=', input.regionId).executeTakeFirst();
      if (!exists) throw new AppError('REGION_NOT_FOUND', { regionId: input.regionId });
      const userId = await assertOversees(app, request, input.regionId);
      const now = new Date();
      const row = await createTip(database, { input, createdBy: userId, now });
      await changed();
      // A consumer alert in force now goes out at once; one that starts later, with the minute's sweep.
      if (row.kind === 'consumer_alert' && messages.enabled) void messages.sweep();
      return reply.code(201).send(toTip(row, 0, now.getTime()));
    },
  );

  app.get<{ Querystring: v.InferOutput<typeof ListQuerySchema> }>(
    '/tips',
    {
      schema: {
        tags: TAGS,
        operationId: 'listTips',
        summary: 'Tips and consumer alerts of the caller’s regions and those under them (filters: region, kind, state)',
        security: BEARER,
        querystring: jsonSchema(ListQuerySchema),
        response: { 200: jsonSchema(TipPageSchema), ...errorResponses },
      },
    },
    async (request) => {
      const principal = requireRole(request, REGULATORS);
      const { regionId, kind, state, cursor } = request.query;
      const limit = readLimit(request.query.limit);
      const regions = await oversight(app, principal);
      let q = db
        .selectFrom('tips')
        .innerJoin('regions', 'regions.id', 'tips.region_id')
        .selectAll('tips')
        .select('regions.name as region_name');
      if (regions !== 'all')
        q = regions.length === 0 ? q.where(sql<boolean>`1 = 0`) : q.where('tips.region_id', 'in', regions);
      if (regionId) q = q.where('tips.region_id', '=', regionId);
      if (kind) q = q.where('tips.kind', '=', kind);
      if (state) q = q.where(stateSql(state, new Date().toISOString()));
      const rows = await newestFirst(q, 'tips.created_at', 'tips.id', cursor, limit);
      return pageOf(rows, limit, await withDelivered(database, rows), request.log);
    },
  );

  app.post<{ Params: { tipId: string } }>(
    '/tips/:tipId/withdraw',
    {
      schema: {
        tags: TAGS,
        operationId: 'withdrawTip',
        summary: 'Withdraw a tip or consumer alert: it leaves the public list at once (regulator)',
        security: BEARER,
        params: jsonSchema(TipParamsSchema),
        body: jsonSchema(TipWithdrawInputSchema),
        response: { 200: jsonSchema(TipSchema), ...errorResponses },
      },
    },
    async (request) => {
      const { reason } = parseOrThrow(TipWithdrawInputSchema, request.body ?? {});
      requireRole(request, REGULATORS);
      const row = await loadTip(database, request.params.tipId);
      await assertOversees(app, request, row.region_id);
      const done = await withdrawTip(database, row, reason, new Date());
      await changed();
      return (await withDelivered(database, [done]))(done);
    },
  );

  app.get<{ Querystring: { regionId: string } }>(
    '/public/tips',
    {
      config: { public: true },
      schema: {
        tags: ['public'],
        operationId: 'listPublicTips',
        summary:
          'Tips and consumer alerts in force for a region: its own and its parents’, consumer alerts first (no login)',
        security: PUBLIC,
        querystring: jsonSchema(PublicQuerySchema),
        response: { 200: jsonSchema(PublicTipsSchema), ...errorResponses },
      },
    },
    // Not async: a cache hit is answered synchronously.
    (request, reply) => {
      const { regionId } = request.query;
      const now = Date.now();
      reply.headers({ 'cache-control': 'public, max-age=5', 'content-type': 'application/json; charset=utf-8' });
      const cached = cache.get(regionId, now);
      if (cached !== undefined) {
        reply.send(cached);
        return;
      }
      return db
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

  app.get(
    '/me/tip-subscriptions',
    {
      schema: {
        tags: TAGS,
        operationId: 'listTipSubscriptions',
        summary: 'A consumer’s opt-ins to consumer alerts by WeChat, and the template to ask for (null: off)',
        security: BEARER,
        response: { 200: jsonSchema(TipSubscriptionsSchema), ...errorResponses },
      },
    },
    async (request) => {
      const principal = requireRole(request, ['consumer']);
      return {
        templateId: messages.enabled ? templateId : null,
        items: await subscriptionsOf(database, principal.userId),
      };
    },
  );

  app.post(
    '/me/tip-subscriptions',
    {
      schema: {
        tags: TAGS,
        operationId: 'subscribeToTips',
        summary: 'A consumer accepted one WeChat subscribe message for a region’s consumer alerts (adds one)',
        security: BEARER,
        body: jsonSchema(TipSubscribeInputSchema),
        response: { 200: jsonSchema(TipSubscriptionSchema), ...errorResponses },
      },
    },
    async (request) => {
      const { regionId } = parseOrThrow(TipSubscribeInputSchema, request.body);
      const principal = requireRole(request, ['consumer']);
      const region = await db.selectFrom('regions').select('name').where('id', '=', regionId).executeTakeFirst();
      if (!region) throw new AppError('REGION_NOT_FOUND', { regionId });
      const at = nowIso();
      // One statement on both databases: two taps at once add two, never lose one (capped).
      await db
        .insertInto('tip_subscriptions')
        .values({ user_id: principal.userId, region_id: regionId, remaining: 1, updated_at: at })
        .onConflict((oc) =>
          oc.columns(['user_id', 'region_id']).doUpdateSet({
            remaining: sql<number>`case when tip_subscriptions.remaining < ${TIP_SUBSCRIPTION_MAX} then tip_subscriptions.remaining + 1 else ${TIP_SUBSCRIPTION_MAX} end`,
            updated_at: at,
          }),
        )
        .execute();
      const items = await subscriptionsOf(database, principal.userId);
      return items.find((s) => s.regionId === regionId) as TipSubscription;
    },
  );

  app.post<{ Params: { regionId: string } }>(
    '/me/tip-subscriptions/:regionId/stop',
    {
      schema: {
        tags: TAGS,
        operationId: 'stopTipSubscription',
        summary: 'A consumer stops receiving a region’s consumer alerts by WeChat',
        security: BEARER,
        params: jsonSchema(RegionParamsSchema),
        body: jsonSchema(EmptyBodySchema),
        response: { 200: jsonSchema(TipSubscriptionSchema), ...errorResponses },
      },
    },
    async (request) => {
      const principal = requireRole(request, ['consumer']);
      const { regionId } = request.params;
      const region = await db.selectFrom('regions').select('name').where('id', '=', regionId).executeTakeFirst();
      if (!region) throw new AppError('REGION_NOT_FOUND', { regionId });
      const at = nowIso();
      await db
        .insertInto('tip_subscriptions')
        .values({ user_id: principal.userId, region_id: regionId, remaining: 0, updated_at: at })
        .onConflict((oc) => oc.columns(['user_id', 'region_id']).doUpdateSet({ remaining: 0, updated_at: at }))
        .execute();
      return { regionId, regionName: region.name, remaining: 0, updatedAt: at };
    },
  );
};
