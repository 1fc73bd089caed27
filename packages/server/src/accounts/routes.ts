/** GET /v1/me: the caller, its venue memberships and (regulators) its regions; POST /v1/me/phone: a consumer links a number. */
import { MeSchema, PhoneLinkAnswerSchema, SmsLoginInputSchema } from '@brightkitchen/sdk';
import type { FastifyPluginAsync } from 'fastify';
import type * as v from 'valibot';
import { requirePrincipal, requireRole, verifySmsCode } from '../auth/index.js';
import { AppError } from '../errors/index.js';
import { BEARER, BEARER_OR_PARTNER, errorResponses, jsonSchema } from '../schemas/index.js';
import { maskPhone } from '../sms/index.js';
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

  app.post<{ Body: v.InferOutput<typeof SmsLoginInputSchema> }>(
    '/me/phone',
    {
      schema: {
        tags: ['auth'],
        operationId: 'linkPhone',
        summary:
          'A consumer links a mobile number (checked by its SMS code): an SMS sign-in with it is then this consumer',
        security: BEARER,
        body: jsonSchema(SmsLoginInputSchema),
        response: { 200: jsonSchema(PhoneLinkAnswerSchema), ...errorResponses },
      },
    },
    async (request) => {
      const principal = requireRole(request, ['consumer']);
      const { phone, code } = request.body;
      const holder = await db.selectFrom('users').select('id').where('phone', '=', phone).executeTakeFirst();
      // Two accounts are never merged: a number another consumer signed in with stays theirs.
      if (holder && holder.id !== principal.userId) throw new AppError('PHONE_IN_USE');
      await verifySmsCode(app.ctx, phone, code);
      try {
        await db.updateTable('users').set({ phone }).where('id', '=', principal.userId).execute();
      } catch {
        throw new AppError('PHONE_IN_USE');
      }
      return { phone: maskPhone(phone) };
    },
  );
};
