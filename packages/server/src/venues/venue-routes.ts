/** /v1/venues: list (scoped), create (regulator of the region, admin), read, patch. */
import {
  VENUE_KINDS,
  type VenueInput,
  VenueInputSchema,
  VenuePageSchema,
  VenuePatchSchema,
  VenueSchema,
} from '@brightkitchen/sdk';
import type { FastifyPluginAsync } from 'fastify';
import * as v from 'valibot';
import { authorizeVenue, requireRole, venueScope, venueScopeSql } from '../auth/index.js';
import { readEach } from '../db/index.js';
import { AppError } from '../errors/index.js';
import {
  BEARER,
  BEARER_OR_PARTNER,
  errorResponses,
  jsonSchema,
  parseOrThrow,
  readLimit,
  VenueParamsSchema,
} from '../schemas/index.js';
import { createVenue, toVenue, updateVenue } from './index.js';

const venueResponse = { 200: jsonSchema(VenueSchema), ...errorResponses };

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
    {
      schema: {
        tags: ['venues'],
        operationId: 'listVenues',
        summary: 'Venues the caller may see (its own, its region’s, all for admins and partners)',
        security: BEARER_OR_PARTNER,
        querystring: jsonSchema(VenueListQuerySchema),
        response: { 200: jsonSchema(VenuePageSchema), ...errorResponses },
      },
    },
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
        items: readEach(page, toVenue, request.log),
        nextCursor: rows.length > limit ? (page[page.length - 1]?.id ?? null) : null,
      };
    },
  );

  app.post(
    '/venues',
    {
      schema: {
        tags: ['venues'],
        operationId: 'createVenue',
        summary: 'Add a venue (a regulator of its region, or an admin)',
        security: BEARER,
        body: jsonSchema(VenueInputSchema),
        response: { 201: jsonSchema(VenueSchema), ...errorResponses },
      },
    },
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
    {
      schema: {
        tags: ['venues'],
        operationId: 'getVenue',
        summary: 'A venue’s archive',
        security: BEARER_OR_PARTNER,
        params: jsonSchema(VenueParamsSchema),
        response: venueResponse,
      },
    },
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
        operationId: 'updateVenue',
        summary: 'Change a venue’s archive (its manager, its regulator, an admin)',
        security: BEARER,
        params: jsonSchema(VenueParamsSchema),
        body: jsonSchema(VenuePatchSchema),
        response: venueResponse,
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
