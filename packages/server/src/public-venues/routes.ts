/**
 * GET /v1/public/venues/{publicCode}: the QR profile, no login. Served from a per-venue cache of the
 * serialized answer (see profile-cache.ts), so a hit costs no query and no serialization.
 */
import { PublicCodeSchema, PublicVenueProfileSchema } from '@brightkitchen/sdk';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import * as v from 'valibot';
import { AppError } from '../errors/index.js';
import { errorResponses, jsonSchema, PUBLIC } from '../schemas/index.js';
import { buildPublicProfile } from './profile.js';
import { profileCacheOf } from './profile-cache.js';

const PublicCodeParamsSchema = v.object({ publicCode: PublicCodeSchema });
const HEADERS = { 'cache-control': 'public, max-age=30', 'content-type': 'application/json; charset=utf-8' };

/** A string with a JSON content type is sent as is: no second serialization. */
function send(reply: FastifyReply, json: string): void {
  reply.headers(HEADERS).send(json);
}

export const publicVenueRoutes: FastifyPluginAsync = async (app) => {
  const { database } = app.ctx;
  const cache = profileCacheOf(database);

  const load = (publicCode: string) =>
    cache.load(publicCode, async () => {
      const row = await database.db
        .selectFrom('venues')
        .selectAll()
        .where('public_code', '=', publicCode)
        .where('archived_at', 'is', null)
        .executeTakeFirst();
      if (!row) return null;
      const now = new Date();
      const liveVideo = await app.video.liveVideoOf(row, now);
      return {
        venueId: row.id,
        json: JSON.stringify(await buildPublicProfile(database, row, app.log, now, liveVideo)),
      };
    });

  app.get<{ Params: { publicCode: string } }>(
    '/public/venues/:publicCode',
    {
      config: { public: true },
      schema: {
        tags: ['public'],
        operationId: 'getPublicVenue',
        summary: 'The compact public profile behind a venue’s QR code (cacheable, no login)',
        security: PUBLIC,
        params: jsonSchema(PublicCodeParamsSchema),
        response: { 200: jsonSchema(PublicVenueProfileSchema), ...errorResponses },
      },
    },
    // Not async: a cache hit is answered synchronously, without a promise per request.
    (request, reply) => {
      const { publicCode } = request.params;
      const cached = cache.get(publicCode);
      if (cached !== undefined) {
        send(reply, cached);
        return;
      }
      return load(publicCode).then((json) => {
        if (json === null) throw new AppError('NOT_FOUND');
        send(reply, json);
        return reply;
      });
    },
  );
};
