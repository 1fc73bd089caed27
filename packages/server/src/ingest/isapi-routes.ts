/**
 * Ingestion over HTTP and its counters:
 * - POST /v1/ingest/isapi/{deviceId}: Hikvision "HTTP listening" pushes (XML, JSON or multipart with
 *   the JPEG), authenticated with the device's credentials by HTTP Basic auth;
 * - GET /v1/ingest/stats (admin): messages, events, stored readings, dropped traffic per topic and reason.
 */
import { splitIsapiBody } from '@brightkitchen/device-adapters';
import { IngestStatsSchema, IsapiPushAnswerSchema } from '@brightkitchen/sdk';
import type { FastifyPluginAsync } from 'fastify';
import { basicCredentials, requireRole } from '../auth/index.js';
import { sameSecret } from '../crypto/index.js';
import { DeviceParamsSchema, deviceSecretMatches } from '../devices/index.js';
import { AppError } from '../errors/index.js';
import { BEARER, DEVICE_BASIC, errorResponses, jsonSchema } from '../schemas/index.js';

export const isapiRoutes: FastifyPluginAsync = async (app) => {
  app.register(async (isapi) => {
    // Raw bytes whatever the type: the adapter reads XML, JSON and multipart itself.
    isapi.removeAllContentTypeParsers();
    isapi.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

    isapi.post<{ Params: { deviceId: string } }>(
      '/ingest/isapi/:deviceId',
      {
        config: { public: true },
        schema: {
          tags: ['devices'],
          operationId: 'pushIsapiEvent',
          summary: 'Hikvision ISAPI push receiver (device Basic auth; XML, JSON or multipart with the JPEG)',
          security: DEVICE_BASIC,
          params: jsonSchema(DeviceParamsSchema),
          response: { 200: jsonSchema(IsapiPushAnswerSchema), ...errorResponses },
        },
      },
      async (request) => {
        const credentials = basicCredentials(request.headers.authorization);
        const entry = await app.devices.entry(request.params.deviceId);
        if (
          !credentials ||
          !entry ||
          entry.disabled ||
          !sameSecret(credentials.username, entry.device.id) ||
          !deviceSecretMatches(credentials.password, entry.secretHash)
        ) {
          throw new AppError('DEVICE_CREDENTIALS_INVALID');
        }
        const body = request.body;
        const payload = Buffer.isBuffer(body) ? body : Buffer.alloc(0);
        const contentType = request.headers['content-type'];
        const receivedAt = new Date(app.devices.now()).toISOString();
        // Multipart pushes (alertStream-style, access terminals' form-data): one message per event part, with
        // the images that follow it attached — split as every ISAPI source does (device-adapters).
        const split = splitIsapiBody({
          payload,
          receivedAt,
          topic: request.url,
          ...(contentType ? { contentType } : {}),
        });
        if (!split.ok) {
          throw new AppError('INGEST_REJECTED', { code: split.rejection.code, details: split.rejection.details });
        }
        let accepted = 0;
        for (const message of split.messages) {
          const outcome = await app.devices.pipeline.convert(entry, message);
          if (!outcome.ok) throw new AppError('INGEST_REJECTED', { code: outcome.code, details: outcome.details });
          accepted += outcome.events.length;
        }
        return { accepted };
      },
    );
  });

  app.get(
    '/ingest/stats',
    {
      schema: {
        tags: ['devices'],
        operationId: 'getIngestStats',
        summary: 'Ingestion counters (admin)',
        security: BEARER,
        response: { 200: jsonSchema(IngestStatsSchema), ...errorResponses },
      },
    },
    async (request) => {
      requireRole(request, ['admin']);
      return { ...app.devices.stats.snapshot(), broker: app.devices.endpoints() ?? null };
    },
  );
};
