/** /v1/venues/{venueId}/staff: the staff archive (members read, managers write); `?date=` marks who is unfit. */
import { isStaffUnfit, type LedgerIssue, type Staff, StaffInputSchema, StaffPatchSchema } from '@brightkitchen/sdk';
import type { FastifyPluginAsync } from 'fastify';
import * as v from 'valibot';
import { authorizeVenue, MEMBERS } from '../auth/index.js';
import { type Database, parseJson } from '../db/index.js';
import { AppError } from '../errors/index.js';
import { errorResponses, jsonSchema, parseOrThrow, VenueParamsSchema } from '../schemas/index.js';
import { createStaff, toStaff, updateStaff } from './index.js';

const WRITERS = ['manager', 'admin'] as const;
const StaffQuerySchema = v.object({ date: v.optional(v.pipe(v.string(), v.isoDate())) });
const StaffParamsSchema = v.object({ venueId: v.string(), staffId: v.string() });

/** Unfit on a day: no valid health certificate, or that day's latest morning check found them unfit. */
async function unfitOn({ db }: Database, venueId: string, day: string, staff: readonly Staff[]) {
  const checks = await db
    .selectFrom('ledger_records')
    .select(['body', 'issues'])
    .where('venue_id', '=', venueId)
    .where('kind', '=', 'morning_check')
    .where('local_day', '=', day)
    .orderBy('seq')
    .execute();
  const byStaff = new Map<string, boolean>();
  for (const row of checks) {
    const staffId = parseJson<{ staffId?: string }>(row.body, {}).staffId;
    if (staffId) byStaff.set(staffId, isStaffUnfit({ ok: true, issues: parseJson<LedgerIssue[]>(row.issues, []) }));
  }
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
        params: jsonSchema(VenueParamsSchema),
        querystring: jsonSchema(StaffQuerySchema),
        response: errorResponses,
      },
    },
    async (request) => {
      const { venue } = await authorizeVenue(app, request, request.params.venueId, MEMBERS);
      const rows = await db
        .selectFrom('staff')
        .select('data')
        .where('venue_id', '=', venue.id)
        .orderBy('name')
        .execute();
      const staff = rows.map(toStaff);
      const { date } = request.query;
      return { items: date ? await unfitOn(database, venue.id, date, staff) : staff, nextCursor: null };
    },
  );

  app.post<{ Params: { venueId: string } }>(
    '/venues/:venueId/staff',
    {
      schema: {
        tags: ['staff'],
        params: jsonSchema(VenueParamsSchema),
        body: jsonSchema(StaffInputSchema),
        response: errorResponses,
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
        params: jsonSchema(StaffParamsSchema),
        body: jsonSchema(StaffPatchSchema),
        response: errorResponses,
      },
    },
    async (request) => {
      const { venue } = await authorizeVenue(app, request, request.params.venueId, WRITERS);
      const row = await db
        .selectFrom('staff')
        .select('data')
        .where('venue_id', '=', venue.id)
        .where('id', '=', request.params.staffId)
        .executeTakeFirst();
      if (!row) throw new AppError('NOT_FOUND');
      return updateStaff(database, toStaff(row), parseOrThrow(StaffPatchSchema, request.body));
    },
  );
};
