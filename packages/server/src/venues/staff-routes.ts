/** /v1/venues/{venueId}/staff: the staff archive (members read, managers write); `?date=` marks who is unfit. */
import { type Staff, StaffInputSchema, StaffPageSchema, StaffPatchSchema, StaffSchema } from '@brightkitchen/sdk';
import type { FastifyPluginAsync } from 'fastify';
import * as v from 'valibot';
import { authorizeVenue, MEMBERS } from '../auth/index.js';
import { type CorruptValueLog, type Database, readEach } from '../db/index.js';
import { AppError } from '../errors/index.js';
import { unfitAtMorningCheck } from '../ledgers/index.js';
import { BEARER, errorResponses, jsonSchema, parseOrThrow, VenueParamsSchema } from '../schemas/index.js';
import { createStaff, toStaff, updateStaff } from './index.js';

const WRITERS = ['manager', 'admin'] as const;
const StaffQuerySchema = v.object({ date: v.optional(v.pipe(v.string(), v.isoDate())) });
const StaffParamsSchema = v.object({ venueId: v.string(), staffId: v.string() });

/** Unfit on a day: no valid health certificate, or that day's latest morning check found them unfit. */
async function unfitOn(
  database: Database,
  venueId: string,
  day: string,
  staff: readonly Staff[],
  log: CorruptValueLog,
) {
  const byStaff = await unfitAtMorningCheck(database, venueId, day, log);
  return staff.map((s) => ({
    ...s,
    unfit: !s.healthCertificate || s.healthCertificate.expiresOn < day || byStaff.get(s.id) === true,
  }));
}

export const staffRoutes: FastifyPluginAsync = async (app) => {
  const { database } = app.ctx;
  const { db } = database;

  app.get<{ Params: { venueId: string }; Querystring: { date?: string } }>(
    '/venues/:venueId/staff',
    {
      schema: {
        tags: ['staff'],
        operationId: 'listStaff',
        summary: 'The venue’s staff; with `?date=` each is marked `unfit` or not for that day',
        security: BEARER,
        params: jsonSchema(VenueParamsSchema),
        querystring: jsonSchema(StaffQuerySchema),
        response: { 200: jsonSchema(StaffPageSchema), ...errorResponses },
      },
    },
    async (request) => {
      const { venue } = await authorizeVenue(app, request, request.params.venueId, MEMBERS);
      const rows = await db
        .selectFrom('staff')
        .select(['id', 'data'])
        .where('venue_id', '=', venue.id)
        .orderBy('name')
        .execute();
      const staff = readEach(rows, toStaff, request.log);
      const { date } = request.query;
      return {
        items: date ? await unfitOn(database, venue.id, date, staff, request.log) : staff,
        nextCursor: null,
      };
    },
  );

  app.post<{ Params: { venueId: string } }>(
    '/venues/:venueId/staff',
    {
      schema: {
        tags: ['staff'],
        operationId: 'createStaff',
        summary: 'Add a staff member (the venue’s manager, an admin)',
        security: BEARER,
        params: jsonSchema(VenueParamsSchema),
        body: jsonSchema(StaffInputSchema),
        response: { 201: jsonSchema(StaffSchema), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { venue } = await authorizeVenue(app, request, request.params.venueId, WRITERS);
      const input = parseOrThrow(StaffInputSchema, request.body);
      reply.status(201);
      return createStaff(database, venue.id, input);
    },
  );

  app.patch<{ Params: { venueId: string; staffId: string } }>(
    '/venues/:venueId/staff/:staffId',
    {
      schema: {
        tags: ['staff'],
        operationId: 'updateStaff',
        summary: 'Change a staff member (the venue’s manager, an admin)',
        security: BEARER,
        params: jsonSchema(StaffParamsSchema),
        body: jsonSchema(StaffPatchSchema),
        response: { 200: jsonSchema(StaffSchema), ...errorResponses },
      },
    },
    async (request) => {
      const { venue } = await authorizeVenue(app, request, request.params.venueId, WRITERS);
      const row = await db
        .selectFrom('staff')
        .select(['id', 'data'])
        .where('venue_id', '=', venue.id)
        .where('id', '=', request.params.staffId)
        .executeTakeFirst();
      if (!row) throw new AppError('NOT_FOUND');
      return updateStaff(database, toStaff(row), parseOrThrow(StaffPatchSchema, request.body));
    },
  );
};
