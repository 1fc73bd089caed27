/** /v1/venues/{venueId}/members: users and their role at the venue (managers and admins). */
import { MemberInputSchema, MemberPageSchema, MemberSchema } from '@brightkitchen/sdk';
import type { FastifyPluginAsync } from 'fastify';
import { addMembership, createUser } from '../accounts/index.js';
import { audit } from '../audit/store.js';
import { authorizeVenue } from '../auth/index.js';
import { verifyPassword } from '../auth/password.js';
import { AppError } from '../errors/index.js';
import { BEARER, errorResponses, jsonSchema, parseOrThrow, VenueParamsSchema } from '../schemas/index.js';

const MANAGERS = ['manager', 'admin'] as const;

export const memberRoutes: FastifyPluginAsync = async (app) => {
  const { database } = app.ctx;
  const { db } = database;

  app.get<{ Params: { venueId: string } }>(
    '/venues/:venueId/members',
    {
      schema: {
        tags: ['members'],
        operationId: 'listMembers',
        summary: 'Users working at the venue and their role (the venue’s manager, an admin)',
        security: BEARER,
        params: jsonSchema(VenueParamsSchema),
        response: { 200: jsonSchema(MemberPageSchema), ...errorResponses },
      },
    },
    async (request) => {
      const { venue } = await authorizeVenue(app, request, request.params.venueId, MANAGERS);
      const rows = await db
        .selectFrom('memberships')
        .innerJoin('users', 'users.id', 'memberships.user_id')
        .select(['users.id', 'users.display_name', 'users.login', 'memberships.role', 'memberships.staff_id'])
        .where('memberships.venue_id', '=', venue.id)
        .orderBy('users.display_name')
        .execute();
      return {
        items: rows.map((r) => ({
          userId: r.id,
          role: r.role,
          displayName: r.display_name,
          login: r.login,
          ...(r.staff_id ? { staffId: r.staff_id } : {}),
        })),
        nextCursor: null,
      };
    },
  );

  app.post<{ Params: { venueId: string } }>(
    '/venues/:venueId/members',
    {
      schema: {
        tags: ['members'],
        operationId: 'addMember',
        summary: 'Add an existing or a new operator user to the venue',
        security: BEARER,
        params: jsonSchema(VenueParamsSchema),
        body: jsonSchema(MemberInputSchema),
        response: { 201: jsonSchema(MemberSchema), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { venue } = await authorizeVenue(app, request, request.params.venueId, MANAGERS);
      const input = parseOrThrow(MemberInputSchema, request.body);
      const found = input.userId
        ? await db
            .selectFrom('users')
            .select(['id', 'role', 'display_name', 'login', 'password_hash'])
            .where('id', '=', input.userId)
            .executeTakeFirst()
        : input.login
          ? await db
              .selectFrom('users')
              .select(['id', 'role', 'display_name', 'login', 'password_hash'])
              .where('login', '=', input.login)
              .executeTakeFirst()
          : undefined;
      let user = found && { id: found.id, role: found.role, display_name: found.display_name, login: found.login };
      if (!user) {
        if (!input.login || !input.password) throw new AppError(input.userId ? 'NOT_FOUND' : 'VALIDATION_FAILED');
        const created = await createUser(database, {
          role: input.role,
          login: input.login,
          password: input.password,
          displayName: input.displayName ?? input.login,
        });
        user = { id: created.id, role: created.role, display_name: created.displayName, login: created.login };
      } else if (user.role !== 'operator_staff' && user.role !== 'operator_manager') {
        throw new AppError('CONFLICT', { reason: 'user is not an operator' });
      }
      const existing = await db
        .selectFrom('memberships')
        .select('role')
        .where('user_id', '=', user.id)
        .where('venue_id', '=', venue.id)
        .executeTakeFirst();
      if (existing) throw new AppError('CONFLICT', { reason: 'already a member' });
      // An existing account joins only with its holder's consent: they type their own password.
      if (
        found &&
        !(input.password && found.password_hash && (await verifyPassword(input.password, found.password_hash)))
      )
        throw new AppError('FORBIDDEN', { reason: 'the account holder must enter their password to join' });
      if (input.staffId) {
        const staff = await db
          .selectFrom('staff')
          .select('id')
          .where('id', '=', input.staffId)
          .where('venue_id', '=', venue.id)
          .executeTakeFirst();
        if (!staff) throw new AppError('NOT_FOUND', { field: 'staffId' });
      }
      await addMembership(database, user.id, venue.id, input.role, input.staffId ?? null);
      await audit(database, request, {
        action: 'membership.added',
        venueId: venue.id,
        subject: user.login ?? user.id,
        details: { userId: user.id, role: input.role, newAccount: !found },
      });
      reply.status(201);
      return {
        userId: user.id,
        role: input.role,
        displayName: user.display_name,
        login: user.login,
        ...(input.staffId ? { staffId: input.staffId } : {}),
      };
    },
  );
};
