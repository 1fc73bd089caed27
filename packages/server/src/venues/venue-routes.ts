/** /v1/venues: list (scoped), create (regulator of the region, admin), read, patch. */
import { VENUE_KINDS, type VenueInput, VenueInputSchema, VenuePatchSchema } from '@brightkitchen/sdk';
import type { FastifyPluginAsync } from 'fastify';
import * as v from 'valibot';
import { authorizeVenue, requireRole, venueScope, venueScopeSql } from '../auth/index.js';
import { AppError } from '../errors/index.js';
import { errorResponses, jsonSchema, parseOrThrow, readLimit, VenueParamsSchema } from '../schemas/index.js';
import { createVenue, toVenue, updateVenue } from './index.js';

const VenueListQuerySchema = v.object({
  regionId: v.optional(v.string()),
  kind: v.optional(v.picklist(VENUE_KINDS)),
  q: v.optional(v.pipe(v.string(), v.maxLength(100))),
  limit: v.optional(v.pipe(v.string(), v.regex(/^\d{1,4}$/))),
  cursor: v.optional(v.string()),
});

export const venueCoreRoutes: FastifyPluginAsync = async (app) => {
  const { database } = app.ctx;
  const { db } = database;

  app.get<{ Querystring: v.InferOutput<typeof VenueListQuerySchema> }>(
    '/venues',
    { schema: { tags: ['venues'], querystring: jsonSchema(VenueListQuerySchema), response: errorResponses } },
    async (request) => {
      const principal = requireRole(request, ['regulator', 'admin', 'operator_manager', 'operator_staff', 'partner']);
      const scope = await venueScope(app, principal);
      const { regionId, kind, q: text, cursor } = request.query;
      const limit = readLimit(request.query.limit);
      let q = db.selectFrom('venues').select(['id', 'data']).where(venueScopeSql(scope, 'venues.id'));
      if (regionId) q = q.where('region_id', '=', regionId);
      if (kind) q = q.where('kind', '=', kind);
      if (text) q = q.where('name', 'like', `%${text.replace(/[%_\\]/g, '')}%`);
      if (cursor) q = q.where('id', '>', cursor);
      const rows = await q
        .orderBy('id')
        .limit(limit + 1)
        .execute();
      const page = rows.slice(0, limit);
      return {
        items: page.map(toVenue),
        nextCursor: rows.length > limit ? (page[page.length - 1]?.id ?? null) : null,
      };
    },
  );

  app.post(
    '/venues',
    { schema: { tags: ['venues'], body: jsonSchema(VenueInputSchema), response: errorResponses } },
    async (request, reply) => {
      const principal = requireRole(request, ['regulator', 'admin']);
      const input: VenueInput = parseOrThrow(VenueInputSchema, request.body);
      if (principal.role === 'regulator') {
        const scope = await venueScope(app, principal);
        if (scope.kind !== 'regions' || !scope.regionIds.includes(input.regionId)) throw new AppError('FORBIDDEN');
      }
      reply.status(201);
      return createVenue(database, input);
    },
  );

  app.get<{ Params: { venueId: string } }>(
    '/venues/:venueId',
    { schema: { tags: ['venues'], params: jsonSchema(VenueParamsSchema), response: errorResponses } },
    async (request) => {
      const { venue } = await authorizeVenue(app, request, request.params.venueId, [
        'manager',
        'staff',
        'regulator',
        'admin',
        'partner',
      ]);
      return toVenue(venue);
    },
  );

  app.patch<{ Params: { venueId: string } }>(
    '/venues/:venueId',
    {
      schema: {
        tags: ['venues'],
        params: jsonSchema(VenueParamsSchema),
        body: jsonSchema(VenuePatchSchema),
        response: errorResponses,
      },
    },
    async (request) => {
      const { venue, access, principal } = await authorizeVenue(app, request, request.params.venueId, [
        'manager',
        'regulator',
        'admin',
      ]);
      const patch = parseOrThrow(VenuePatchSchema, request.body);
      const current = toVenue(venue);
      if (patch.regionId && patch.regionId !== current.regionId) {
        if (access === 'manager') throw new AppError('FORBIDDEN');
        if (access === 'regulator') {
          const scope = await venueScope(app, principal);
          if (scope.kind !== 'regions' || !scope.regionIds.includes(patch.regionId)) throw new AppError('FORBIDDEN');
        }
      }
      return updateVenue(database, current, patch);
    },
  );
};
