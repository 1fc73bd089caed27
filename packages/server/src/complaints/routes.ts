/**
 * Complaints: POST /v1/venues/{venueId}/complaints (consumer; ≤ 3 photos as base64, each ≤ 2 MiB,
 * jpeg/png/webp), GET /v1/complaints (the sender's own, a member's venue's, a regulator's region's),
 * GET /v1/complaints/{id}/photos/{n} (the image, to the same people).
 */
import { COMPLAINT_STATES, ComplaintInputSchema, ComplaintPageSchema, ComplaintSchema } from '@brightkitchen/sdk';
import type { FastifyPluginAsync } from 'fastify';
import * as v from 'valibot';
import {
  authorizeVenue,
  MEMBER_OR_REGULATOR,
  requirePrincipal,
  requireRole,
  venueScope,
  venueScopeSql,
} from '../auth/index.js';
import { AppError } from '../errors/index.js';
import { idempotentWrite, sendWriteAnswer } from '../idempotency/index.js';
import { takeDailyAllowance } from '../limits/consumer-quota.js';
import { newestFirst, pageOf } from '../paging/index.js';
import { sendImage } from '../photos/photo-upload.js';
import {
  BEARER,
  errorResponses,
  IdParam,
  imageResponse,
  jsonSchema,
  parseOrThrow,
  readLimit,
  VenueParamsSchema,
} from '../schemas/index.js';
import { checkPhotoLimits, decodePhotos, submitComplaint, toComplaint } from './service.js';

/** Three photos of 2 MiB in base64 plus the text: above the server's default body limit. */
const COMPLAINT_BODY_LIMIT = 12 * 1024 * 1024;

const ComplaintListQuerySchema = v.object({
  venueId: v.optional(IdParam),
  state: v.optional(v.picklist(COMPLAINT_STATES)),
  limit: v.optional(v.pipe(v.string(), v.regex(/^\d{1,4}$/))),
  cursor: v.optional(v.pipe(v.string(), v.maxLength(300))),
});
const PhotoParamsSchema = v.object({ complaintId: IdParam, n: v.pipe(v.string(), v.regex(/^\d{1,2}$/)) });

const READERS = ['consumer', 'operator_staff', 'operator_manager', 'regulator', 'admin'] as const;
const passThrough = () => (data: unknown) => ({ value: data });

export const complaintRoutes: FastifyPluginAsync = async (app) => {
  const { database } = app.ctx;
  const { db } = database;

  app.post<{ Params: { venueId: string } }>(
    '/venues/:venueId/complaints',
    {
      bodyLimit: COMPLAINT_BODY_LIMIT,
      schema: {
        tags: ['complaints'],
        operationId: 'submitComplaint',
        summary: 'Complain about a venue, with location and up to three photos (optional Idempotency-Key)',
        security: BEARER,
        params: jsonSchema(VenueParamsSchema),
        body: jsonSchema(ComplaintInputSchema),
        response: { 200: jsonSchema(ComplaintSchema), 201: jsonSchema(ComplaintSchema), ...errorResponses },
      },
      // Documented by the schema above, checked in the handler: limits first (413/415), then the schema.
      validatorCompiler: passThrough,
    },
    async (request, reply) => {
      const principal = requireRole(request, ['consumer']);
      checkPhotoLimits(request.body);
      const input = parseOrThrow(ComplaintInputSchema, request.body);
      const photos = decodePhotos(input);
      const { venueId } = request.params;
      const venue = await db.selectFrom('venues').select('id').where('id', '=', venueId).executeTakeFirst();
      if (!venue) throw new AppError('NOT_FOUND');
      const answer = await idempotentWrite(database, request, principal.userId, async () => {
        await takeDailyAllowance(app.ctx, principal, 'complaints');
        await takeDailyAllowance(
          app.ctx,
          principal,
          'photoBytes',
          photos.reduce((sum, photo) => sum + photo.bytes.length, 0),
        );
        return { status: 201, body: await submitComplaint(database, venue.id, principal.userId, input, photos) };
      });
      return sendWriteAnswer(reply, answer);
    },
  );

  app.get<{ Querystring: v.InferOutput<typeof ComplaintListQuerySchema> }>(
    '/complaints',
    {
      schema: {
        tags: ['complaints'],
        operationId: 'listComplaints',
        summary: 'Complaints the caller may see, newest first',
        security: BEARER,
        querystring: jsonSchema(ComplaintListQuerySchema),
        response: { 200: jsonSchema(ComplaintPageSchema), ...errorResponses },
      },
    },
    async (request) => {
      const principal = requireRole(request, READERS);
      const { venueId, state, cursor } = request.query;
      const limit = readLimit(request.query.limit);
      // With the venue's name and zone: a person's own list spans venues, and reads each time on its venue's clock.
      let q = db
        .selectFrom('complaints')
        .innerJoin('venues', 'venues.id', 'complaints.venue_id')
        .selectAll('complaints')
        .select(['venues.name as venue_name', 'venues.time_zone as venue_time_zone']);
      if (principal.role === 'consumer') {
        q = q.where('complaints.sender_id', '=', principal.userId);
      } else {
        const scope = await venueScope(app, principal);
        q = q.where(venueScopeSql(scope, 'complaints.venue_id'));
      }
      if (venueId) q = q.where('complaints.venue_id', '=', venueId);
      if (state) q = q.where('complaints.state', '=', state);
      const rows = await newestFirst(q, 'complaints.created_at', 'complaints.id', cursor, limit);
      return pageOf(
        rows,
        limit,
        (row) => ({ ...toComplaint(row), venueName: row.venue_name, timeZone: row.venue_time_zone }),
        request.log,
      );
    },
  );

  app.get<{ Params: { complaintId: string; n: string } }>(
    '/complaints/:complaintId/photos/:n',
    {
      schema: {
        tags: ['complaints'],
        operationId: 'getComplaintPhoto',
        summary: 'Photo n (from 0) of a complaint',
        security: BEARER,
        params: jsonSchema(PhotoParamsSchema),
        response: { 200: imageResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      const complaint = await db
        .selectFrom('complaints')
        .select(['id', 'venue_id', 'sender_id'])
        .where('id', '=', request.params.complaintId)
        .executeTakeFirst();
      if (!complaint) throw new AppError('NOT_FOUND');
      if (principal.userId !== complaint.sender_id) {
        await authorizeVenue(app, request, complaint.venue_id, MEMBER_OR_REGULATOR);
      }
      const photo = await db
        .selectFrom('complaint_photos')
        .select(['content_type', 'bytes'])
        .where('complaint_id', '=', complaint.id)
        .where('n', '=', Number(request.params.n))
        .executeTakeFirst();
      if (!photo) throw new AppError('NOT_FOUND');
      return sendImage(reply, photo, 'private, max-age=3600');
    },
  );
};
