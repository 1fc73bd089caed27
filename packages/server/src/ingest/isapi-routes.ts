/**
 * Ingestion over HTTP and its counters:
 * - POST /v1/ingest/isapi/{deviceId}: Hikvision "HTTP listening" pushes (XML, JSON or multipart with
 *   the JPEG), authenticated with the device's credentials by HTTP Basic auth;
 * - GET /v1/ingest/stats (admin): messages, events, stored readings, dropped traffic per topic and reason.
 */
import { timingSafeEqual } from 'node:crypto';
import { AlertStreamReader, multipartBoundary } from '@brightkitchen/device-adapters';
import type { AdapterRejection, RawMessage } from '@brightkitchen/sdk';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { requireRole } from '../auth/index.js';
import { DeviceParamsSchema, deviceSecretMatches } from '../devices/index.js';
import { AppError } from '../errors/index.js';
import { errorResponses, jsonSchema } from '../schemas/index.js';

function basicAuth(request: FastifyRequest): { username: string; password: string } | undefined {
  const header = request.headers.authorization ?? '';
  const match = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(header);
  if (!match?.[1]) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * A push body → the messages to convert: multipart bodies (alertStream-style or the access terminals'
 * form-data) are split into event parts with the images that follow them attached (the snapshots).
 */
function splitPush(
  payload: Buffer,
  contentType: string | undefined,
  receivedAt: string,
): { ok: true; value: RawMessage[] } | { ok: false; rejection: AdapterRejection } {
  if (!/^multipart\//i.test(contentType ?? '')) {
    return { ok: true, value: [{ payload, receivedAt, ...(contentType ? { contentType } : {}) }] };
  }
  const boundary = multipartBoundary(contentType);
  const reader = new AlertStreamReader(boundary === undefined ? {} : { boundary });
  const fed = reader.feed(payload, receivedAt);
  const ended = reader.end(receivedAt);
  const error = fed.error ?? ended.error;
  if (error) return { ok: false, rejection: error };
  return { ok: true, value: [...fed.messages, ...ended.messages] };
}

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
          summary: 'Hikvision ISAPI push receiver (device Basic auth)',
          params: jsonSchema(DeviceParamsSchema),
          response: errorResponses,
        },
      },
      async (request) => {
        const credentials = basicAuth(request);
        const entry = app.devices.directory.get(request.params.deviceId);
        if (
          !credentials ||
          !entry ||
          entry.disabled ||
          !sameText(credentials.username, entry.device.id) ||
          !deviceSecretMatches(credentials.password, entry.secretHash)
        ) {
          throw new AppError('DEVICE_CREDENTIALS_INVALID');
        }
        const body = request.body;
        const payload = Buffer.isBuffer(body) ? body : Buffer.alloc(0);
        const contentType = request.headers['content-type'];
        const receivedAt = new Date(app.devices.now()).toISOString();
        const messages = splitPush(payload, contentType, receivedAt);
        if (!messages.ok)
          throw new AppError('INGEST_REJECTED', { code: messages.rejection.code, details: messages.rejection.details });
        let accepted = 0;
        for (const message of messages.value) {
          const outcome = await app.devices.pipeline.convert(entry, { ...message, topic: request.url });
          if (!outcome.ok) throw new AppError('INGEST_REJECTED', { code: outcome.code, details: outcome.details });
          accepted += outcome.events.length;
        }
        return { accepted };
      },
    );
  });

  app.get(
    '/ingest/stats',
    { schema: { tags: ['devices'], summary: 'Ingestion counters (admin)', response: errorResponses } },
    async (request) => {
      requireRole(request, ['admin']);
      return { ...app.devices.stats.snapshot(), broker: app.devices.endpoints() ?? null };
    },
  );
};
