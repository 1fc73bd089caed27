/**
 * Alerts: GET /v1/alerts (members of the venue, the region's regulator; `?venueId=&state=`),
 * POST /v1/alerts/{alertId}/ack and /resolve (`{ correctiveAction }`, required) by the venue's people.
 */
import { ALERT_STATES, AlertPageSchema, AlertResolveInputSchema, AlertSchema } from '@brightkitchen/sdk';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import * as v from 'valibot';
import { authorizeVenue, MEMBERS, requirePrincipal, requireRole, venueScope, venueScopeSql } from '../auth/index.js';
import type { AlertsTable } from '../db/index.js';
import { AppError } from '../errors/index.js';
import { newestFirst, pageBy } from '../paging/index.js';
import { BEARER, errorResponses, IdParam, jsonSchema, parseOrThrow, readLimit } from '../schemas/index.js';
import { actOnAlert, toAlert } from './service.js';
import { alertSnapshotRoutes } from './snapshot-routes.js';

const AlertListQuerySchema = v.object({
  venueId: v.optional(IdParam),
  state: v.optional(v.picklist(ALERT_STATES)),
  limit: v.optional(v.pipe(v.string(), v.regex(/^\d{1,4}$/))),
  cursor: v.optional(v.pipe(v.string(), v.maxLength(300))),
});
const AlertParamsSchema = v.object({ alertId: IdParam });
/** Blank or missing actions pass this and are refused by `transitionAlert` (ALERT_CORRECTIVE_ACTION_REQUIRED). */
const ResolveBodySchema = v.object({ correctiveAction: v.optional(v.pipe(v.string(), v.maxLength(500))) });

const READERS = ['operator_staff', 'operator_manager', 'regulator', 'admin'] as const;

export const alertRoutes: FastifyPluginAsync = async (app) => {
  await app.register(alertSnapshotRoutes);
  const { database } = app.ctx;
  const { db } = database;

  async function alertOfMember(request: FastifyRequest<{ Params: { alertId: string } }>): Promise<AlertsTable> {
    const row = await db.selectFrom('alerts').selectAll().where('id', '=', request.params.alertId).executeTakeFirst();
    if (!row) throw new AppError('NOT_FOUND');
    await authorizeVenue(app, request, row.venue_id, MEMBERS);
    return row;
  }

  app.get<{ Querystring: v.InferOutput<typeof AlertListQuerySchema> }>(
    '/alerts',
    {
      schema: {
        tags: ['alerts'],
        operationId: 'listAlerts',
        summary: 'Alerts of the caller’s venues or region, newest first',
        security: BEARER,
        querystring: jsonSchema(AlertListQuerySchema),
        response: { 200: jsonSchema(AlertPageSchema), ...errorResponses },
      },
    },
    async (request) => {
      const principal = requireRole(request, READERS);
      const scope = await venueScope(app, principal);
      const { venueId, state, cursor } = request.query;
      const limit = readLimit(request.query.limit);
      let q = db.selectFrom('alerts').selectAll().where(venueScopeSql(scope, 'alerts.venue_id'));
      if (venueId) q = q.where('venue_id', '=', venueId);
      if (state) q = q.where('state', '=', state);
      const rows = await newestFirst(q, 'alerts.opened_at', 'alerts.id', cursor, limit);
      return pageBy(rows, limit, toAlert, request.log, (row) => row.opened_at);
    },
  );

  app.post<{ Params: { alertId: string } }>(
    '/alerts/:alertId/ack',
    {
      schema: {
        tags: ['alerts'],
        operationId: 'acknowledgeAlert',
        summary: 'Acknowledge an alert (stops reminders for a while)',
        security: BEARER,
        params: jsonSchema(AlertParamsSchema),
        response: { 200: jsonSchema(AlertSchema), ...errorResponses },
      },
    },
    async (request) => {
      const row = await alertOfMember(request);
      const principal = requirePrincipal(request);
      return actOnAlert(database, row, { type: 'acknowledge' }, principal.userId);
    },
  );

  app.post<{ Params: { alertId: string } }>(
    '/alerts/:alertId/resolve',
    {
      schema: {
        tags: ['alerts'],
        operationId: 'resolveAlert',
        summary: 'Resolve an alert with the corrective action taken (required)',
        security: BEARER,
        params: jsonSchema(AlertParamsSchema),
        body: jsonSchema(AlertResolveInputSchema),
        response: { 200: jsonSchema(AlertSchema), ...errorResponses },
      },
      // `transitionAlert` decides about blank actions (ALERT_CORRECTIVE_ACTION_REQUIRED), not the schema.
      validatorCompiler: () => (data: unknown) => ({ value: data }),
    },
    async (request) => {
      const row = await alertOfMember(request);
      const principal = requirePrincipal(request);
      const { correctiveAction = '' } = parseOrThrow(ResolveBodySchema, request.body ?? {});
      return actOnAlert(database, row, { type: 'resolve', correctiveAction }, principal.userId);
    },
  );
};
