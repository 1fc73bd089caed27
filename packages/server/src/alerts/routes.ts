/**
 * Alerts: GET /v1/alerts (members of the venue, the region's regulator; `?venueId=&state=`),
 * POST /v1/alerts/{alertId}/ack and /resolve (`{ correctiveAction }`, required) by the venue's people.
 */
import {
  ALERT_SOURCES,
  ALERT_STATES,
  AlertPageSchema,
  AlertResolveInputSchema,
  AlertSchema,
  DEFAULT_TIME_ZONE,
  startOfLocalDay,
} from '@brightkitchen/sdk';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import * as v from 'valibot';
import { authorizeVenue, MEMBERS, requirePrincipal, requireRole, venueScope, venueScopeSql } from '../auth/index.js';
import { AppError } from '../errors/index.js';
import { newestFirst, pageBy } from '../paging/index.js';
import {
  BEARER,
  DayOrInstantParam,
  errorResponses,
  IdParam,
  jsonSchema,
  parseOrThrow,
  readLimit,
} from '../schemas/index.js';
import { type AlertRow, actOnAlert, snapshotTypeOf, toAlert } from './service.js';
import { alertSnapshotRoutes } from './snapshot-routes.js';

const AlertListQuerySchema = v.object({
  venueId: v.optional(IdParam),
  /** `unresolved`: open and acknowledged. */
  state: v.optional(v.picklist([...ALERT_STATES, 'unresolved'])),
  source: v.optional(v.picklist(ALERT_SOURCES)),
  type: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(64))),
  /** Opened on or after: a day (in the venue's zone with `venueId`, else Asia/Shanghai) or an instant. */
  from: v.optional(DayOrInstantParam),
  /** Opened on or before: a day (inclusive) or an instant. */
  to: v.optional(DayOrInstantParam),
  limit: v.optional(v.pipe(v.string(), v.regex(/^\d{1,4}$/))),
  cursor: v.optional(v.pipe(v.string(), v.maxLength(300))),
});
const AlertParamsSchema = v.object({ alertId: IdParam });
/** Blank or missing actions pass this and are refused by `transitionAlert` (ALERT_CORRECTIVE_ACTION_REQUIRED). */
const ResolveBodySchema = v.object({ correctiveAction: v.optional(v.pipe(v.string(), v.maxLength(500))) });

const READERS = ['operator_staff', 'operator_manager', 'regulator', 'admin'] as const;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The UTC instant (as stored in `opened_at`) a bound stands for: a day starts at its local midnight. */
function boundInstant(value: string, timeZone: string, end: boolean): string {
  if (!DAY.test(value)) return new Date(value).toISOString();
  if (!end) return new Date(startOfLocalDay(value, timeZone)).toISOString();
  const next = new Date(Date.parse(`${value}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  return new Date(Date.parse(startOfLocalDay(next, timeZone)) - 1).toISOString();
}

export const alertRoutes: FastifyPluginAsync = async (app) => {
  await app.register(alertSnapshotRoutes);
  const { database } = app.ctx;
  const { db } = database;

  async function alertOfMember(request: FastifyRequest<{ Params: { alertId: string } }>): Promise<AlertRow> {
    const row = await db
      .selectFrom('alerts')
      .selectAll()
      .select(snapshotTypeOf)
      .where('id', '=', request.params.alertId)
      .executeTakeFirst();
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
      const { venueId, state, source, type, from, to, cursor } = parseOrThrow(AlertListQuerySchema, request.query);
      const limit = readLimit(request.query.limit);
      let q = db.selectFrom('alerts').selectAll().select(snapshotTypeOf).where(venueScopeSql(scope, 'alerts.venue_id'));
      if (venueId) q = q.where('venue_id', '=', venueId);
      if (state === 'unresolved') q = q.where('state', '!=', 'resolved');
      else if (state) q = q.where('state', '=', state);
      if (source) q = q.where('source', '=', source);
      if (type) q = q.where('type', '=', type);
      if (from || to) {
        const venue = venueId
          ? await db.selectFrom('venues').select('time_zone').where('id', '=', venueId).executeTakeFirst()
          : undefined;
        const timeZone = venue?.time_zone ?? DEFAULT_TIME_ZONE;
        if (from) q = q.where('opened_at', '>=', boundInstant(from, timeZone, false));
        if (to) q = q.where('opened_at', '<=', boundInstant(to, timeZone, true));
      }
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
