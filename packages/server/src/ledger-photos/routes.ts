/**
 * Ledger photos (an invoice, a retained sample): POST /v1/venues/{venueId}/ledger-photos (the venue's
 * people; ≤ 512 KiB, jpeg/png/webp by magic bytes) stores a photo once per venue under the SHA-256 of its
 * bytes and answers its reference `sha256:<hex>` (201 new, 200 already there: a retry is harmless);
 * GET /v1/venues/{venueId}/ledger-photos/{ref} serves it to the venue's people and its regulators.
 * Records refer to photos by that reference; the ledger write refuses a reference the venue has not
 * stored (LEDGER_PHOTO_MISSING).
 */
import {
  LEDGER_PHOTO_MAX_BYTES,
  LedgerPhotoRefSchema,
  LedgerPhotoSchema,
  LedgerPhotoUploadSchema,
} from '@brightkitchen/sdk';
import type { FastifyPluginAsync } from 'fastify';
import * as v from 'valibot';
import { authorizeVenue, MEMBER_OR_REGULATOR } from '../auth/index.js';
import { nodeSha256Hex } from '../crypto/index.js';
import { AppError } from '../errors/index.js';
import { decodePhoto, precheckPhoto, sendImage } from '../photos/photo-upload.js';
import {
  BEARER,
  errorResponses,
  IdParam,
  imageResponse,
  jsonSchema,
  parseOrThrow,
  VenueParamsSchema,
} from '../schemas/index.js';

/** 512 KiB in base64 and the JSON around it. */
const BODY_LIMIT = 1024 * 1024;
const PhotoParamsSchema = v.object({ venueId: IdParam, ref: LedgerPhotoRefSchema });
const passThrough = () => (data: unknown) => ({ value: data });

export const ledgerPhotoRoutes: FastifyPluginAsync = async (app) => {
  const { db } = app.ctx.database;

  app.post<{ Params: { venueId: string } }>(
    '/venues/:venueId/ledger-photos',
    {
      bodyLimit: BODY_LIMIT,
      schema: {
        tags: ['ledgers'],
        operationId: 'uploadLedgerPhoto',
        summary:
          'Store a photo for the venue’s records (ledgers, inspections, rectifications); answers its reference sha256:<hex> (201 new, 200 known)',
        security: BEARER,
        params: jsonSchema(VenueParamsSchema),
        body: jsonSchema(LedgerPhotoUploadSchema),
        response: { 200: jsonSchema(LedgerPhotoSchema), 201: jsonSchema(LedgerPhotoSchema), ...errorResponses },
      },
      // Documented by the schema above, checked in the handler: limits first (413/415), then the schema.
      validatorCompiler: passThrough,
    },
    async (request, reply) => {
      // Members for ledgers; the region's regulators for an inspection's photos and signatures.
      const { principal, venue } = await authorizeVenue(app, request, request.params.venueId, MEMBER_OR_REGULATOR);
      precheckPhoto(request.body, LEDGER_PHOTO_MAX_BYTES, 'photo');
      const photo = decodePhoto(parseOrThrow(LedgerPhotoUploadSchema, request.body), LEDGER_PHOTO_MAX_BYTES, 'photo');
      const sha256 = nodeSha256Hex(photo.bytes);
      const inserted = await db
        .insertInto('ledger_photos')
        .values({
          venue_id: venue.id,
          sha256,
          content_type: photo.contentType,
          size: photo.bytes.length,
          bytes: photo.bytes,
          created_by: principal.userId,
          created_at: new Date().toISOString(),
        })
        .onConflict((oc) => oc.columns(['venue_id', 'sha256']).doNothing())
        .executeTakeFirst();
      reply.status(Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0 ? 201 : 200);
      return { ref: `sha256:${sha256}`, contentType: photo.contentType, size: photo.bytes.length };
    },
  );

  app.get<{ Params: { venueId: string; ref: string } }>(
    '/venues/:venueId/ledger-photos/:ref',
    {
      schema: {
        tags: ['ledgers'],
        operationId: 'getLedgerPhoto',
        summary: 'A photo of the venue’s ledgers by its reference',
        security: BEARER,
        params: jsonSchema(PhotoParamsSchema),
        response: { 200: imageResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { venue } = await authorizeVenue(app, request, request.params.venueId, MEMBER_OR_REGULATOR);
      const photo = await db
        .selectFrom('ledger_photos')
        .select(['content_type', 'bytes'])
        .where('venue_id', '=', venue.id)
        .where('sha256', '=', request.params.ref.slice('sha256:'.length))
        .executeTakeFirst();
      if (!photo) throw new AppError('NOT_FOUND');
      // Content-addressed: the bytes behind a reference never change.
      return sendImage(reply, photo, 'private, max-age=86400, immutable');
    },
  );
};
