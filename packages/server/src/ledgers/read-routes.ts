/** GET /v1/venues/{venueId}/ledgers (list), /ledgers/today (completion). */
import { LedgerListEntrySchema, LedgerPageSchema, LedgersTodaySchema, localDay } from '@brightkitchen/sdk';
import type { FastifyPluginAsync } from 'fastify';
import * as v from 'valibot';
import { authorizeVenue, MEMBER_OR_REGULATOR, MEMBERS } from '../auth/index.js';
import { readEach } from '../db/index.js';
import { AppError } from '../errors/index.js';
import {
  BEARER,
  errorResponses,
  IdParam,
  jsonSchema,
  parseOrThrow,
  plainJsonSerializer,
  readLimit,
  VenueParamsSchema,
} from '../schemas/index.js';
import { withCorrections } from './corrections.js';
import { ledgersToday, toLedgerEntry } from './index.js';
import { LedgerListQuerySchema } from './schemas.js';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const RecordParamsSchema = v.object({ venueId: IdParam, recordId: IdParam });

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
        operationId: 'listLedgerRecords',
        summary: 'List ledger records, newest first',
        security: BEARER,
        params: jsonSchema(VenueParamsSchema),
        querystring: jsonSchema(LedgerListQuerySchema),
        response: { 200: jsonSchema(LedgerPageSchema), ...errorResponses },
      },
      serializerCompiler: plainJsonSerializer,
    },
    async (request) => {
      const { venue } = await authorizeVenue(app, request, request.params.venueId, MEMBER_OR_REGULATOR);
      const { kind, from, to, cursor } = parseOrThrow(LedgerListQuerySchema, request.query);
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
      const entries = readEach(page, toLedgerEntry, request.log);
      return {
        items: await withCorrections(database, venue.id, entries, request.log),
        nextCursor: rows.length > limit && last ? String(last.seq) : null,
      };
    },
  );

  app.get<{ Params: { venueId: string; recordId: string } }>(
    '/venues/:venueId/ledgers/:recordId',
    {
      schema: {
        tags: ['ledgers'],
        operationId: 'getLedgerRecord',
        summary: 'One ledger record, with the record that corrects it (if any)',
        security: BEARER,
        params: jsonSchema(RecordParamsSchema),
        response: { 200: jsonSchema(LedgerListEntrySchema), ...errorResponses },
      },
      serializerCompiler: plainJsonSerializer,
    },
    async (request) => {
      const { venue } = await authorizeVenue(app, request, request.params.venueId, MEMBER_OR_REGULATOR);
      const row = await database.db
        .selectFrom('ledger_records')
        .selectAll()
        .where('venue_id', '=', venue.id)
        .where('id', '=', request.params.recordId)
        .executeTakeFirst();
      if (!row) throw new AppError('NOT_FOUND');
      const [entry] = await withCorrections(database, venue.id, [toLedgerEntry(row)], request.log);
      return entry;
    },
  );

  app.get<{ Params: { venueId: string } }>(
    '/venues/:venueId/ledgers/today',
    {
      schema: {
        tags: ['ledgers'],
        operationId: 'getLedgersToday',
        summary: "Completion per ledger kind for the venue's local day",
        security: BEARER,
        params: jsonSchema(VenueParamsSchema),
        response: { 200: jsonSchema(LedgersTodaySchema), ...errorResponses },
      },
    },
    async (request) => {
      const { venue } = await authorizeVenue(app, request, request.params.venueId, [...MEMBERS, 'regulator']);
      return ledgersToday(database, venue, request.log);
    },
  );
};
