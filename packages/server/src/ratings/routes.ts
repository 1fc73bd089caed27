/**
 * POST /v1/venues/{venueId}/ratings (consumer, one per venue and local day) and
 * GET /v1/venues/{venueId}/ratings/summary (anyone).
 */
import { RatingInputSchema, RatingSummarySchema, StoredRatingSchema } from '@brightkitchen/sdk';
import type { FastifyPluginAsync } from 'fastify';
import { requireRole } from '../auth/index.js';
import type { Database } from '../db/index.js';
import { AppError } from '../errors/index.js';
import { idempotentWrite, sendWriteAnswer } from '../idempotency/index.js';
import { takeDailyAllowance } from '../limits/consumer-quota.js';
import { BEARER, errorResponses, jsonSchema, PUBLIC, parseOrThrow, VenueParamsSchema } from '../schemas/index.js';
import { addRating, ratingSummary } from './service.js';

async function venueOrNotFound({ db }: Database, venueId: string) {
  const venue = await db
    .selectFrom('venues')
    .select(['id', 'time_zone'])
    .where('id', '=', venueId)
    .where('archived_at', 'is', null)
    .executeTakeFirst();
  if (!venue) throw new AppError('NOT_FOUND');
  return venue;
}

export const ratingRoutes: FastifyPluginAsync = async (app) => {
  const { database } = app.ctx;

  app.post<{ Params: { venueId: string } }>(
    '/venues/:venueId/ratings',
    {
      schema: {
        tags: ['ratings'],
        operationId: 'rateVenue',
        summary: 'Rate a venue (one rating per consumer, venue and local day; optional Idempotency-Key)',
        security: BEARER,
        params: jsonSchema(VenueParamsSchema),
        body: jsonSchema(RatingInputSchema),
        response: { 200: jsonSchema(StoredRatingSchema), 201: jsonSchema(StoredRatingSchema), ...errorResponses },
      },
    },
    async (request, reply) => {
      const principal = requireRole(request, ['consumer']);
      const input = parseOrThrow(RatingInputSchema, request.body);
      const venue = await venueOrNotFound(database, request.params.venueId);
      const answer = await idempotentWrite(database, request, principal.userId, async () => {
        await takeDailyAllowance(app.ctx, principal, 'ratings');
        return { status: 201, body: await addRating(database, venue, principal.userId, input) };
      });
      return sendWriteAnswer(reply, answer);
    },
  );

  app.get<{ Params: { venueId: string } }>(
    '/venues/:venueId/ratings/summary',
    {
      config: { public: true },
      schema: {
        tags: ['ratings'],
        operationId: 'getRatingSummary',
        summary: 'Face counts per aspect and the satisfaction rate',
        security: PUBLIC,
        params: jsonSchema(VenueParamsSchema),
        response: { 200: jsonSchema(RatingSummarySchema), ...errorResponses },
      },
    },
    async (request) => {
      const venue = await venueOrNotFound(database, request.params.venueId);
      return ratingSummary(database, venue.id);
    },
  );
};
