/** GET /v1/me: the caller, its venue memberships and (regulators) its regions. */
import { MeSchema } from '@brightkitchen/sdk';
import type { FastifyPluginAsync } from 'fastify';
import { requirePrincipal } from '../auth/index.js';
import { AppError } from '../errors/index.js';
import { BEARER_OR_PARTNER, errorResponses, jsonSchema } from '../schemas/index.js';
import { publicUser } from './index.js';

export const meRoutes: FastifyPluginAsync = async (app) => {
  const { db } = app.ctx.database;
  app.get(
    '/me',
    {
      schema: {
        tags: ['auth'],
        operationId: 'getMe',
        summary: 'The caller, its venue memberships and (regulators) its regions',
        security: BEARER_OR_PARTNER,
        response: { 200: jsonSchema(MeSchema), ...errorResponses },
      },
    },
    async (request) => {
      const principal = requirePrincipal(request);
      const user = await db.selectFrom('users').selectAll().where('id', '=', principal.userId).executeTakeFirst();
      if (!user) throw new AppError('UNAUTHENTICATED');
      const memberships = await db
        .selectFrom('memberships')
        .select(['venue_id', 'role'])
        .where('user_id', '=', user.id)
        .execute();
      const regions = await db
        .selectFrom('regulator_regions')
        .select('region_id')
        .where('user_id', '=', user.id)
        .execute();
      return {
        user: publicUser(user),
        memberships: memberships.map((m) => ({ venueId: m.venue_id, role: m.role })),
        regionIds: regions.map((r) => r.region_id),
      };
    },
  );
};
