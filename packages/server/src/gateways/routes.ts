/**
 * Edge gateways of a venue: POST /v1/venues/{venueId}/gateways (manager or admin) answers the
 * gateway's credentials once — for the broker (relay the venue's devices) and for
 * POST /v1/ingest/events (HTTP Basic); GET lists them for the venue's people and its regulator.
 */
import { GatewayPageSchema, GatewayRegisteredSchema } from '@brightkitchen/sdk';
import type { FastifyPluginAsync } from 'fastify';
import { audit } from '../audit/store.js';
import { authorizeVenue, MEMBER_OR_REGULATOR } from '../auth/index.js';
import { BEARER, errorResponses, jsonSchema, parseOrThrow, VenueParamsSchema } from '../schemas/index.js';
import { createGatewayCredential, type GatewayInput, GatewayInputSchema, listGateways } from './index.js';

export const gatewayRoutes: FastifyPluginAsync = async (app) => {
  const { database } = app.ctx;

  app.post<{ Params: { venueId: string }; Body: GatewayInput }>(
    '/venues/:venueId/gateways',
    {
      schema: {
        tags: ['devices'],
        operationId: 'registerGateway',
        summary: 'Register an edge gateway of the venue (answers its credentials once)',
        security: BEARER,
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
      await app.devices.dynamicSecurity?.gateway(gateway.id, secret, venue.id, [...app.devices.directory.all()]);
      await audit(database, request, { action: 'gateway.created', venueId: venue.id, subject: gateway.id });
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
        operationId: 'listGateways',
        summary: 'Edge gateways of a venue',
        security: BEARER,
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
