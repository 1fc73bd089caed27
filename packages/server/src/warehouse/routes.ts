/**
 * `GET /v1/warehouse/{overview,completion,completion/today,alerts,devices,complaints,ratings}`: the regulators'
 * data warehouse, scoped to the caller's regions (an admin's: all), narrowed by `?regionId=`.
 */
import { DEFAULT_TIME_ZONE, localDay } from '@brightkitchen/sdk';
import {
  AlertsReportSchema,
  ComplaintsReportSchema,
  CompletionReportSchema,
  CompletionTodayPageSchema,
  DevicesReportSchema,
  type MapLayer,
  MapLayerQuerySchema,
  MapLayerSchema,
  OverviewSchema,
  RatingsReportSchema,
  type WarehouseQuery,
  WarehouseQuerySchema,
} from '@brightkitchen/sdk/warehouse';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import * as v from 'valibot';
import { requirePrincipal } from '../auth/index.js';
import { ranking, scopeKey } from '../risk/ranking.js';
import { BEARER, errorResponses, IdParam, jsonSchema, ListQuerySchema, readLimit } from '../schemas/index.js';
import { alertsReport } from './alerts.js';
import { complaintsReport } from './complaints.js';
import { completionGaps, completionReport, gapPage } from './completion.js';
import { devicesReport } from './devices.js';
import { venueDirectory, venuesIn } from './directory.js';
import { mapPoints, mapVenues } from './map.js';
import { overview } from './overview.js';
import { addDays, dayRange } from './range.js';
import { ratingsReport } from './ratings.js';
import { regionSet } from './scope.js';

const RegionQuerySchema = v.object({ regionId: v.optional(IdParam) });
const TodayQuerySchema = v.object({ ...RegionQuerySchema.entries, ...ListQuerySchema.entries });

type Panel = 'map' | 'overview' | 'completion' | 'completionToday' | 'alerts' | 'devices' | 'complaints' | 'ratings';

const route = (panel: Panel, summary: string, query: v.GenericSchema, response: v.GenericSchema) => ({
  schema: {
    tags: ['warehouse'],
    operationId: `getWarehouse${panel[0]?.toUpperCase()}${panel.slice(1)}`,
    summary,
    security: BEARER,
    querystring: jsonSchema(query),
    response: { 200: jsonSchema(response), ...errorResponses },
  },
});

export const warehouseRoutes: FastifyPluginAsync = async (app) => {
  const { database } = app.ctx;

  /** Who may see what, the directory, and now: what every panel starts from. */
  async function start(request: FastifyRequest<{ Querystring: WarehouseQuery }>) {
    const principal = requirePrincipal(request);
    const regions = await regionSet(app, principal, request.query.regionId);
    const directory = await venueDirectory(database, request.log);
    return { regions, directory, now: new Date() };
  }

  app.get<{ Querystring: WarehouseQuery }>(
    '/warehouse/overview',
    route('overview', 'Key figures of the caller’s regions today', RegionQuerySchema, OverviewSchema),
    async (request) => {
      const { regions, directory, now } = await start(request);
      return overview(database, directory, regions, now, DEFAULT_TIME_ZONE);
    },
  );

  app.get<{ Querystring: WarehouseQuery }>(
    '/warehouse/completion',
    route(
      'completion',
      'Ledger completion by district, venue kind, day and requirement',
      WarehouseQuerySchema,
      CompletionReportSchema,
    ),
    async (request) => {
      const { regions, directory, now } = await start(request);
      const range = dayRange(request.query, now);
      return completionReport(database, venuesIn(directory, regions), directory.regionNames, range);
    },
  );

  app.get<{ Querystring: WarehouseQuery & { limit?: string; cursor?: string } }>(
    '/warehouse/completion/today',
    route(
      'completionToday',
      'Today’s venues with ledgers missing, and what each is missing',
      TodayQuerySchema,
      CompletionTodayPageSchema,
    ),
    async (request) => {
      const { regions, directory, now } = await start(request);
      const day = localDay(now, DEFAULT_TIME_ZONE);
      const { gaps } = await completionGaps(database, venuesIn(directory, regions), day);
      return gapPage(day, gaps, readLimit(request.query.limit, 50, 500), request.query.cursor);
    },
  );

  app.get<{ Querystring: WarehouseQuery }>(
    '/warehouse/alerts',
    route(
      'alerts',
      'Alerts and AI violations: when, where, repeat offenders, response times, overdue',
      WarehouseQuerySchema,
      AlertsReportSchema,
    ),
    async (request) => {
      const { regions, directory, now } = await start(request);
      return alertsReport(database, directory, regions, dayRange(request.query, now), now.getTime());
    },
  );

  app.get<{ Querystring: WarehouseQuery }>(
    '/warehouse/devices',
    route(
      'devices',
      'Devices online, and venues whose required sensors are silent or missing',
      RegionQuerySchema,
      DevicesReportSchema,
    ),
    async (request) => {
      const { regions, directory, now } = await start(request);
      return devicesReport(database, directory, regions, now.getTime());
    },
  );

  app.get<{ Querystring: WarehouseQuery }>(
    '/warehouse/complaints',
    route(
      'complaints',
      'Complaints and notices: counts, places, answer times, overdue',
      WarehouseQuerySchema,
      ComplaintsReportSchema,
    ),
    async (request) => {
      const { regions, directory, now } = await start(request);
      return complaintsReport(database, directory, regions, dayRange(request.query, now), now.getTime());
    },
  );

  app.get<{ Querystring: WarehouseQuery }>(
    '/warehouse/ratings',
    route('ratings', 'Consumer satisfaction by week, district and venue', WarehouseQuerySchema, RatingsReportSchema),
    async (request) => {
      const { regions, directory, now } = await start(request);
      return ratingsReport(database, directory, regions, dayRange(request.query, now));
    },
  );

  app.get<{ Querystring: WarehouseQuery & { since?: string; days?: string } }>(
    '/warehouse/map',
    route(
      'map',
      'The e-map: venues banded by risk, complaint and alert points (poll with since)',
      MapLayerQuerySchema,
      MapLayerSchema,
    ),
    async (request): Promise<MapLayer> => {
      const { regions, directory, now } = await start(request);
      const { since, days, regionId } = request.query;
      const after = since ?? new Date(now.getTime() - Number(days ?? 7) * 86_400_000).toISOString();
      const points = await mapPoints(database, { directory, regions, after });
      // The next poll asks from the newest point seen, or from two seconds ago (a write stamped just before this
      // read may commit just after it); the client drops points it already has, by id.
      const settled = new Date(now.getTime() - 2_000).toISOString();
      const at = points.at(-1)?.at ?? (since && since > settled ? since : settled);
      if (since) return { at, points };
      const tomorrow = addDays(localDay(now, DEFAULT_TIME_ZONE), 1);
      const ranked = await ranking(database, {
        directory,
        regions,
        scope: scopeKey(regionId, regions),
        asOf: tomorrow,
        current: true,
        now,
      });
      return { at, venues: mapVenues(directory, regions, ranked), points };
    },
  );
};
