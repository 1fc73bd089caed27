/** GET /v1/alerts/{alertId}/snapshot: the JPEG a camera attached to a violation, for those who may see the alert. */
import type { FastifyPluginAsync } from 'fastify';
import { authorizeVenue, MEMBER_OR_REGULATOR } from '../auth/index.js';
import { AlertParamsSchema } from '../devices/index.js';
import { AppError } from '../errors/index.js';
import { BEARER, errorResponses, imageResponse, jsonSchema } from '../schemas/index.js';

export const alertSnapshotRoutes: FastifyPluginAsync = async (app) => {
  const { db } = app.ctx.database;
  app.get<{ Params: { alertId: string } }>(
    '/alerts/:alertId/snapshot',
    {
      schema: {
        tags: ['alerts'],
        operationId: 'getAlertSnapshot',
        summary: 'The snapshot of a violation alert',
        security: BEARER,
        params: jsonSchema(AlertParamsSchema),
        response: { 200: imageResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const alert = await db
        .selectFrom('alerts')
        .select(['venue_id'])
        .where('id', '=', request.params.alertId)
        .executeTakeFirst();
      if (!alert) throw new AppError('NOT_FOUND');
      await authorizeVenue(app, request, alert.venue_id, MEMBER_OR_REGULATOR);
      const snapshot = await db
        .selectFrom('alert_snapshots')
        .select(['content_type', 'bytes'])
        .where('alert_id', '=', request.params.alertId)
        .executeTakeFirst();
      if (!snapshot) throw new AppError('NOT_FOUND');
      reply.header('content-type', snapshot.content_type).header('cache-control', 'private, max-age=3600');
      return Buffer.from(snapshot.bytes);
    },
  );
};
