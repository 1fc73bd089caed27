/**
 * Edge gateways of a venue: POST /v1/venues/{venueId}/gateways (manager or admin) answers the
 * gateway's credentials once — for the broker (relay the venue's devices) and for
 * POST /v1/ingest/events (HTTP Basic); GET lists them for the venue's people and its regulator.
 */
import { GatewayPageSchema, GatewayRegisteredSchema } from '@brightkitchen/sdk';
import type { FastifyPluginAsync } from 'fastify';
import { authorizeVenue, MEMBER_OR_REGULATOR } from '../auth/index.js';
import { errorResponses, jsonSchema, parseOrThrow, VenueParamsSchema } from '../schemas/index.js';
import { createGatewayCredential, type GatewayInput, GatewayInputSchema, listGateways } from './index.js';

export const gatewayRoutes: FastifyPluginAsync = async (app) => {
  const { database } = app.ctx;

  app.post<{ Params: { venueId: string }; Body: GatewayInput }>(
    '/venues/:venueId/gateways',
    {
      schema: {
        tags: ['devices'],
        summary: 'Register an edge gateway of the venue (answers its credentials once)',
        params: jsonSchema(VenueParamsSchema),
        body: jsonSchema(GatewayInputSchema),
        response: { 201: jsonSchema(GatewayRegisteredSchema), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { venue, principal } = await authorizeVenue(app, request, request.params.venueId, ['manager', 'admin']);
      const input = parseOrThrow(GatewayInputSchema, request.body);
      const { gateway, secret } = await createGatewayCredential(
        database,
        venue.id,
        input.name,
        principal.userId,
        new Date(app.devices.now()).toISOString(),
      );
      const endpoints = app.devices.endpoints();
      reply.status(201);
      return {
        gateway,
        credentials: {
          username: gateway.id,
          password: secret,
          ...(endpoints ? { mqtt: endpoints } : {}),
          events: '/v1/ingest/events',
        },
      };
    },
  );

  app.get<{ Params: { venueId: string } }>(
    '/venues/:venueId/gateways',
    {
      schema: {
        tags: ['devices'],
        summary: 'Edge gateways of a venue',
        params: jsonSchema(VenueParamsSchema),
        response: { 200: jsonSchema(GatewayPageSchema), ...errorResponses },
      },
    },
    async (request) => {
      const { venue } = await authorizeVenue(app, request, request.params.venueId, MEMBER_OR_REGULATOR);
      return { items: await listGateways(database, venue.id), nextCursor: null };
    },
  );
};
