/**
 * POST /v1/partner/violations: a partner system (partner key, signed) pushes an AI violation its video
 * network saw in a kitchen. The camera must be registered with the platform (by its binding — a
 * GB/T 28181 id, a MAC — or its platform id) at the venue named in the body: an unregistered camera is
 * refused (DEVICE_NOT_REGISTERED 422), a camera of another venue too (403). The violation opens an
 * alert (source `violation`, type = the violation) through the alert engine, with the snapshot when one
 * is given. Idempotent by `Idempotency-Key` and by the partner's `externalId`: 201 first, 200 after.
 */
import {
  type Alert,
  type Attachment,
  PARTNER_SNAPSHOT_MAX_BYTES,
  type PartnerViolation,
  type PartnerViolationAnswer,
  PartnerViolationAnswerSchema,
  PartnerViolationSchema,
  type ViolationEvent,
} from '@brightkitchen/sdk';
import type { FastifyPluginAsync } from 'fastify';
import { requireRole } from '../auth/index.js';
import type { DeviceEntry } from '../devices/index.js';
import { AppError } from '../errors/index.js';
import { type PushKey, rememberPush, replayedPush, storedPush } from '../gateways/index.js';
import { readIdempotencyKey } from '../idempotency/index.js';
import { requestHash } from '../ledgers/index.js';
import { sniffImageType } from '../photos/photo-type.js';
import { errorResponses, jsonSchema, PARTNER, parseOrThrow } from '../schemas/index.js';

const violationAnswer = jsonSchema(PartnerViolationAnswerSchema);

function snapshotOf(input: PartnerViolation): Attachment | undefined {
  if (!input.snapshot) return undefined;
  const bytes = Buffer.from(input.snapshot.dataBase64, 'base64');
  if (bytes.length > PARTNER_SNAPSHOT_MAX_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', { field: 'snapshot' });
  if (sniffImageType(bytes) !== input.snapshot.contentType) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', { field: 'snapshot', declared: input.snapshot.contentType });
  }
  return { id: 'snapshot', contentType: input.snapshot.contentType, bytes: new Uint8Array(bytes) };
}

export const partnerViolationRoutes: FastifyPluginAsync = async (app) => {
  const { database } = app.ctx;

  /** The registered camera: platform id first, then by binding key (preferring the named venue). */
  const cameraOf = async (cameraId: string, venueId: string): Promise<DeviceEntry | undefined> => {
    const byId = app.devices.directory.get(cameraId);
    if (byId) return byId;
    const rows = await database.db
      .selectFrom('devices')
      .select(['id', 'venue_id'])
      .where('binding_key', '=', cameraId)
      .where('disabled_at', 'is', null)
      .execute();
    const row = rows.find((r) => r.venue_id === venueId) ?? rows[0];
    return row ? app.devices.directory.get(row.id) : undefined;
  };

  app.post<{ Body: PartnerViolation }>(
    '/partner/violations',
    {
      bodyLimit: 4 * 1024 * 1024,
      schema: {
        tags: ['devices'],
        operationId: 'pushPartnerViolation',
        summary: 'A partner video network pushes an AI violation (partner key; 201 first, 200 when resent)',
        security: PARTNER,
        body: jsonSchema(PartnerViolationSchema),
        response: { 200: violationAnswer, 201: violationAnswer, ...errorResponses },
      },
    },
    async (request, reply) => {
      const principal = requireRole(request, ['partner']);
      if (!app.devices.enabled) throw new AppError('DEVICES_UNAVAILABLE');
      const input = parseOrThrow(PartnerViolationSchema, request.body);
      const partner = principal.keyId ?? principal.userId;
      const hash = requestHash(input);
      const key = readIdempotencyKey(request);
      const byKey: PushKey | undefined = key === undefined ? undefined : { scope: `partner:${partner}`, key };
      const byExternal: PushKey = { scope: `partner-external:${partner}`, key: input.externalId };
      const earlier =
        (byKey ? await replayedPush(database, byKey, hash, PartnerViolationAnswerSchema) : undefined) ??
        // A resent alarm (same externalId) is the same violation, whatever else changed.
        (await storedPush(database, byExternal, PartnerViolationAnswerSchema));
      if (earlier) {
        reply.status(200);
        return earlier;
      }

      const entry = await cameraOf(input.cameraId, input.venueId);
      if (!entry) throw new AppError('DEVICE_NOT_REGISTERED', { cameraId: input.cameraId });
      if (entry.venueId !== input.venueId) throw new AppError('FORBIDDEN', { cameraId: input.cameraId });
      const snapshot = snapshotOf(input);

      let answer: PartnerViolationAnswer;
      if (input.violation === 'unknown') {
        answer = {
          externalId: input.externalId,
          venueId: entry.venueId,
          deviceId: entry.device.id,
          alertId: null,
          state: 'not_mapped',
        };
      } else {
        const event: ViolationEvent = {
          type: 'violation',
          time: input.time,
          deviceId: entry.bindingKey,
          violation: input.violation,
          cameraId: input.cameraId,
          eventId: input.externalId,
          ...(input.vendorCode === undefined ? {} : { vendorCode: input.vendorCode }),
          ...(input.confidence === undefined ? {} : { confidence: input.confidence }),
          ...(snapshot ? { snapshotRef: `cid:${snapshot.id}` } : {}),
          details: {
            partner,
            partnerSource: input.source,
            ...(input.cameraName === undefined ? {} : { cameraName: input.cameraName }),
            ...(input.description === undefined ? {} : { description: input.description }),
          },
        };
        const alert = (await app.devices.engine.violation(entry, event, snapshot ? [snapshot] : [])) as
          | Alert
          | undefined;
        const openId = alert?.id ?? app.devices.alertBook.openAlertId(entry.device.id, input.violation) ?? null;
        answer = {
          externalId: input.externalId,
          venueId: entry.venueId,
          deviceId: entry.device.id,
          alertId: openId,
          state: alert ? 'opened' : 'already_open',
        };
      }
      await rememberPush(database, byKey ? [byKey, byExternal] : [byExternal], hash, answer);
      reply.status(201);
      return answer;
    },
  );
};
