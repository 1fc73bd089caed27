/** GET /v1/venues/{venueId}/ledgers (list), /ledgers/today (completion). */
import { LedgerEntrySchema, localDay } from '@brightkitchen/sdk';
import type { FastifyPluginAsync } from 'fastify';
import * as v from 'valibot';
import { authorizeVenue, MEMBER_OR_REGULATOR, MEMBERS } from '../auth/index.js';
import { errorResponses, jsonSchema, plainJsonSerializer, readLimit, VenueParamsSchema } from '../schemas/index.js';
import { ledgersToday, toLedgerEntry } from './index.js';
import { LedgerListQuerySchema } from './schemas.js';

const LedgerPageSchema = v.object({ items: v.array(LedgerEntrySchema), nextCursor: v.nullable(v.string()) });
const DAY = /^\d{4}-\d{2}-\d{2}$/;

function asDay(value: string | undefined, timeZone: string): string | undefined {
  if (value === undefined) return undefined;
  return DAY.test(value) ? value : localDay(value, timeZone);
}

export const ledgerReadRoutes: FastifyPluginAsync = async (app) => {
  const { database } = app.ctx;

  app.get<{ Params: { venueId: string }; Querystring: v.InferOutput<typeof LedgerListQuerySchema> }>(
    '/venues/:venueId/ledgers',
    {
      schema: {
        tags: ['ledgers'],
        summary: 'List ledger records, newest first',
        params: jsonSchema(VenueParamsSchema),
        querystring: jsonSchema(LedgerListQuerySchema),
        response: { 200: jsonSchema(LedgerPageSchema), ...errorResponses },
      },
      serializerCompiler: plainJsonSerializer,
    },
    async (request) => {
      const { venue } = await authorizeVenue(app, request, request.params.venueId, MEMBER_OR_REGULATOR);
      const { kind, from, to, cursor } = request.query;
      const limit = readLimit(request.query.limit);
      let q = database.db.selectFrom('ledger_records').selectAll().where('venue_id', '=', venue.id);
      if (kind) q = q.where('kind', '=', kind);
      const fromDay = asDay(from, venue.time_zone);
      const toDay = asDay(to, venue.time_zone);
      if (fromDay) q = q.where('local_day', '>=', fromDay);
      if (toDay) q = q.where('local_day', '<=', toDay);
      if (cursor) q = q.where('seq', '<', Number(cursor));
      const rows = await q
        .orderBy('seq', 'desc')
        .limit(limit + 1)
        .execute();
      const page = rows.slice(0, limit);
      const last = page[page.length - 1];
      return {
        items: page.map(toLedgerEntry),
        nextCursor: rows.length > limit && last ? String(last.seq) : null,
      };
    },
  );

  app.get<{ Params: { venueId: string } }>(
    '/venues/:venueId/ledgers/today',
    {
      schema: {
        tags: ['ledgers'],
        summary: "Completion per ledger kind for the venue's local day",
        params: jsonSchema(VenueParamsSchema),
        response: errorResponses,
      },
    },
    async (request) => {
      const { venue } = await authorizeVenue(app, request, request.params.venueId, [...MEMBERS, 'regulator']);
      return ledgersToday(database, venue);
    },
  );
};
