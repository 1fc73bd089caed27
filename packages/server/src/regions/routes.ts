/** GET /v1/regions (any user), POST /v1/regions (admin). */
import { type Region, RegionInputSchema, RegionPageSchema, RegionSchema } from '@brightkitchen/sdk';
import type { FastifyPluginAsync } from 'fastify';
import { requirePrincipal, requireRole } from '../auth/index.js';
import { newId, nowIso, type RegionsTable } from '../db/index.js';
import { AppError } from '../errors/index.js';
import { BEARER, BEARER_OR_PARTNER, errorResponses, jsonSchema, parseOrThrow } from '../schemas/index.js';

function toRegion(row: RegionsTable): Region {
  return row.parent_id
    ? { id: row.id, name: row.name, code: row.code, parentId: row.parent_id }
    : { id: row.id, name: row.name, code: row.code };
}

export const regionRoutes: FastifyPluginAsync = async (app) => {
  const { db } = app.ctx.database;

  app.get(
    '/regions',
    {
      schema: {
        tags: ['regions'],
        operationId: 'listRegions',
        summary: 'The city’s districts (and the city itself)',
        security: BEARER_OR_PARTNER,
        response: { 200: jsonSchema(RegionPageSchema), ...errorResponses },
      },
    },
    async (request) => {
      requirePrincipal(request);
      const rows = await db.selectFrom('regions').selectAll().orderBy('code').execute();
      return { items: rows.map(toRegion), nextCursor: null };
    },
  );

  app.post(
    '/regions',
    {
      schema: {
        tags: ['regions'],
        operationId: 'createRegion',
        summary: 'Add a region (admin)',
        security: BEARER,
        body: jsonSchema(RegionInputSchema),
        response: { 201: jsonSchema(RegionSchema), ...errorResponses },
      },
    },
    async (request, reply) => {
      requireRole(request, ['admin']);
      const input = parseOrThrow(RegionInputSchema, request.body);
      if (await db.selectFrom('regions').select('id').where('code', '=', input.code).executeTakeFirst()) {
        throw new AppError('CONFLICT', { field: 'code' });
      }
      const row: RegionsTable = {
        id: newId('reg'),
        code: input.code,
        name: input.name,
        parent_id: input.parentId ?? null,
        created_at: nowIso(),
      };
      await db.insertInto('regions').values(row).execute();
      reply.status(201);
      return toRegion(row);
    },
  );
};
