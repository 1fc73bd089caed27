/**
 * POST /v1/me/realtime: how a signed-in user reads the realtime events (`bk/venues/{venueId}/events`) of venues it
 * belongs to or oversees — the broker, a username, its access token as password, the topics, until the token
 * expires. On Mosquitto with dynamic security (BK_MQTT_DYNSEC) the platform provisions that client and role now
 * and deletes them at expiry; the embedded broker and EMQX's hooks check the token themselves.
 */
import {
  type RealtimeAccess,
  type RealtimeAccessInput,
  RealtimeAccessInputSchema,
  RealtimeAccessSchema,
} from '@brightkitchen/sdk';
import type { FastifyPluginAsync } from 'fastify';
import { verifyAccessToken } from '../auth/access-token.js';
import { MEMBER_OR_REGULATOR, requirePrincipal, venueAccessOf } from '../auth/authorize.js';
import { AppError } from '../errors/index.js';
import { errorResponses, jsonSchema, parseOrThrow } from '../schemas/index.js';
import { BEARER } from '../schemas/security.js';
import { venueEventsTopic } from './broker-authority.js';

export const realtimeAccessRoutes: FastifyPluginAsync = async (app) => {
  const { database, config } = app.ctx;

  app.post<{ Body: RealtimeAccessInput }>(
    '/me/realtime',
    {
      schema: {
        tags: ['auth'],
        operationId: 'getRealtimeAccess',
        summary: 'MQTT access to the realtime events of venues the caller belongs to or oversees',
        security: BEARER,
        body: jsonSchema(RealtimeAccessInputSchema),
        response: { 200: jsonSchema(RealtimeAccessSchema), ...errorResponses },
      },
    },
    async (request): Promise<RealtimeAccess> => {
      const principal = requirePrincipal(request);
      if (principal.role === 'partner' || principal.role === 'consumer') throw new AppError('FORBIDDEN');
      const input = parseOrThrow(RealtimeAccessInputSchema, request.body);
      const venueIds = [...new Set(input.venueIds)];
      const venues = await database.db
        .selectFrom('venues')
        .select(['id', 'region_id'])
        .where('id', 'in', venueIds)
        .execute();
      if (venues.length !== venueIds.length) throw new AppError('NOT_FOUND');
      for (const venue of venues) {
        const access = await venueAccessOf(app, principal, venue);
        if (!access || !MEMBER_OR_REGULATOR.includes(access)) throw new AppError('FORBIDDEN');
      }
      const token = (request.headers.authorization ?? '').replace(/^Bearer\s+/i, '');
      const { expiresAtMs } = verifyAccessToken(config.tokenSecret, token);
      // One broker client per session, so a second tab or phone of the same user does not replace the first.
      const username = `${principal.userId}.${principal.sessionId ?? 'session'}`;
      await app.devices.dynamicSecurity?.user(username, token, venueIds, expiresAtMs);
      return {
        mqtt: app.devices.endpoints() ?? null,
        username,
        password: token,
        topics: venueIds.map(venueEventsTopic),
        expiresAt: new Date(expiresAtMs).toISOString(),
      };
    },
  );
};
