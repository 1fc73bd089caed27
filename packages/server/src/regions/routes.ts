/** GET /v1/regions (any user), POST /v1/regions (admin). */
import { type Region, RegionSchema } from '@brightkitchen/sdk';
import type { FastifyPluginAsync } from 'fastify';
import * as v from 'valibot';
import { requirePrincipal, requireRole } from '../auth/index.js';
import { newId, nowIso, type RegionsTable } from '../db/index.js';
import { AppError } from '../errors/index.js';
import { errorResponses, jsonSchema, parseOrThrow } from '../schemas/index.js';

const RegionInputSchema = v.omit(RegionSchema, ['id']);

function toRegion(row: RegionsTable): Region {
  return row.parent_id
    ? { id: row.id, name: row.name, code: row.code, parentId: row.parent_id }
    : { id: row.id, name: row.name, code: row.code };
}

export const regionRoutes: FastifyPluginAsync = async (app) => {
  const { db } = app.ctx.database;

  app.get('/regions', { schema: { tags: ['regions'], response: errorResponses } }, async (request) => {
    requirePrincipal(request);
    const rows = await db.selectFrom('regions').selectAll().orderBy('code').execute();
    return { items: rows.map(toRegion), nextCursor: null };
  });

  app.post(
    '/regions',
    { schema: { tags: ['regions'], body: jsonSchema(RegionInputSchema), response: errorResponses } },
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
