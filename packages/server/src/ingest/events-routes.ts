/**
 * POST /v1/ingest/events: normalized events an edge gateway converted next to the devices (GB/T 28181
 * SIP, ONVIF…), for devices of its venue. Who: the venue's gateway (HTTP Basic: gateway id + secret)
 * or the venue's manager / an admin (Bearer, with `venueId` in the body). Events are checked with the
 * SDK's NormalizedEventSchema; each is tied to a registered device by platform id or by the vendor's
 * binding key. Unknown devices' events are counted and dropped; another venue's device refuses the
 * whole batch (403, nothing applied). `Idempotency-Key` (optional): a retry answers the first result.
 */
import {
  type GatewayEventsAnswer,
  GatewayEventsAnswerSchema,
  type GatewayEventsBatch,
  GatewayEventsBatchSchema,
  type NormalizedEvent,
} from '@brightkitchen/sdk';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { authorizeVenue, basicCredentials } from '../auth/index.js';
import type { DeviceEntry } from '../devices/index.js';
import { AppError } from '../errors/index.js';
import { authenticateGateway, type PushKey, rememberPush, replayedPush } from '../gateways/index.js';
import { readIdempotencyKey } from '../idempotency/index.js';
import { requestHash } from '../ledgers/index.js';
import { errorResponses, GATEWAY_OR_BEARER, jsonSchema, parseOrThrow } from '../schemas/index.js';

const eventsAnswer = jsonSchema(GatewayEventsAnswerSchema);

type Poster = { readonly kind: 'gateway'; readonly id: string; readonly venueId: string } | { readonly kind: 'user' };

export const ingestEventsRoutes: FastifyPluginAsync = async (app) => {
  const { database } = app.ctx;
  const posters = new WeakMap<FastifyRequest, Poster>();

  const resolve = (vendor: string, event: NormalizedEvent): DeviceEntry | undefined => {
    const byId = app.devices.directory.get(event.deviceId);
    if (byId && !byId.disabled) return byId;
    return app.devices.directory.find(vendor, event.deviceId);
  };

  app.post<{ Body: GatewayEventsBatch }>(
    '/ingest/events',
    {
      // Gateways authenticate with HTTP Basic, users with Bearer: checked here, before the body.
      config: { public: true },
      schema: {
        tags: ['devices'],
        operationId: 'postGatewayEvents',
        summary: 'Normalized events from an edge gateway (gateway Basic auth, or a venue manager)',
        security: GATEWAY_OR_BEARER,
        body: jsonSchema(GatewayEventsBatchSchema),
        response: { 200: eventsAnswer, 201: eventsAnswer, ...errorResponses },
      },
      preValidation: async (request) => {
        const basic = basicCredentials(request.headers.authorization);
        if (basic) {
          const gateway = await authenticateGateway(database, basic.username, basic.password);
          if (!gateway) throw new AppError('DEVICE_CREDENTIALS_INVALID');
          posters.set(request, { kind: 'gateway', id: gateway.id, venueId: gateway.venueId });
          return;
        }
        if (request.auth.state !== 'ok') throw new AppError('UNAUTHENTICATED');
        posters.set(request, { kind: 'user' });
      },
    },
    async (request, reply) => {
      if (!app.devices.enabled) throw new AppError('DEVICES_UNAVAILABLE');
      const poster = posters.get(request);
      if (!poster) throw new AppError('UNAUTHENTICATED');
      const batch = parseOrThrow(GatewayEventsBatchSchema, request.body);
      let venueId: string;
      let scope: string;
      if (poster.kind === 'gateway') {
        if (batch.venueId !== undefined && batch.venueId !== poster.venueId) throw new AppError('FORBIDDEN');
        venueId = poster.venueId;
        scope = `events:gateway:${poster.id}`;
      } else {
        if (batch.venueId === undefined) {
          throw new AppError('VALIDATION_FAILED', {
            issues: [
              {
                code: 'FIELD_REQUIRED',
                path: 'venueId',
                message: { zh: '请指明场所', en: 'venueId is required when a user posts' },
              },
            ],
          });
        }
        const { venue, principal } = await authorizeVenue(app, request, batch.venueId, ['manager', 'admin']);
        venueId = venue.id;
        scope = `events:user:${principal.userId}`;
      }

      const key = readIdempotencyKey(request);
      const hash = requestHash(batch);
      const pushKey: PushKey | undefined = key === undefined ? undefined : { scope, key };
      if (pushKey) {
        const earlier = await replayedPush(database, pushKey, hash, GatewayEventsAnswerSchema);
        if (earlier) {
          reply.status(200);
          return earlier;
        }
      }

      // Resolve every event first: one event of another venue's device refuses the whole batch.
      const resolved: { entry: DeviceEntry; event: NormalizedEvent }[] = [];
      let dropped = 0;
      for (const event of batch.events as readonly NormalizedEvent[]) {
        const entry = resolve(batch.vendor, event);
        if (!entry) {
          dropped++;
          app.devices.stats.drop(`events:${batch.vendor}/${event.deviceId}`, 'unknown_device');
          continue;
        }
        if (entry.venueId !== venueId) throw new AppError('FORBIDDEN', { deviceId: event.deviceId });
        resolved.push({ entry, event });
      }
      const receivedAt = batch.receivedAt ?? new Date(app.devices.now()).toISOString();
      for (const { entry, event } of resolved) {
        app.devices.stats.messages += 1;
        await app.devices.pipeline.accept(entry, [event], { payload: '', receivedAt, topic: request.url });
      }
      const answer: GatewayEventsAnswer = { venueId, accepted: resolved.length, dropped };
      if (pushKey) await rememberPush(database, [pushKey], hash, answer);
      reply.status(201);
      return answer;
    },
  );
};
