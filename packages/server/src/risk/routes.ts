/**
 * `/v1/risk/…`: the ranking (`GET /risk/venues`, fixed interface), one venue's factors, the model (read, refit)
 * and the policy over its weights, and the week's inspection plan. Regulators for their regions, admins for all.
 */
import { DEFAULT_TIME_ZONE, localDay } from '@brightkitchen/sdk';
import {
  InspectionPlanQuerySchema,
  InspectionPlanSchema,
  type RiskFactorCode,
  RiskModelSchema,
  type RiskPolicyInput,
  RiskPolicyInputSchema,
  RiskRankingQuerySchema,
  RiskRankingSchema,
  RiskVenueSchema,
} from '@brightkitchen/sdk/warehouse';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import * as v from 'valibot';
import { authorizeVenue, requirePrincipal } from '../auth/index.js';
import { AppError } from '../errors/index.js';
import { slicePage } from '../paging/offset.js';
import { BEARER, errorResponses, IdParam, jsonSchema, parseOrThrow, readLimit } from '../schemas/index.js';
import { venueDirectory, venuesIn } from '../warehouse/directory.js';
import { addDays } from '../warehouse/range.js';
import { regionSet } from '../warehouse/scope.js';
import { refit, storedModel } from './model.js';
import { DEFAULT_CAPACITY, DEFAULT_INSPECTORS, inspectionPlan, withInspections } from './plan.js';
import { forgetRankings, modelFor, type Ranking, ranking, scopeKey } from './ranking.js';

const RegionQuerySchema = v.object({ regionId: v.optional(IdParam) });
const AsOfQuerySchema = v.object({ asOf: RiskRankingQuerySchema.entries.asOf });

/** `asOf` checked: at most tomorrow (a ranking reads data before its day). Absent: tomorrow, i.e. up to now. */
function asOfDay(asOf: string | undefined, now: Date): { asOf: string; current: boolean } {
  const tomorrow = addDays(localDay(now, DEFAULT_TIME_ZONE), 1);
  if (asOf === undefined || asOf === tomorrow) return { asOf: tomorrow, current: true };
  if (asOf > tomorrow) throw new AppError('RISK_AS_OF_INVALID');
  return { asOf, current: false };
}

const strip = ({ regionId: _, ...venue }: Ranking['items'][number]) => venue;

export const riskRoutes: FastifyPluginAsync = async (app) => {
  const { database } = app.ctx;

  async function scoped(request: FastifyRequest, regionId: string | undefined) {
    const principal = requirePrincipal(request);
    const regions = await regionSet(app, principal, regionId);
    const directory = await venueDirectory(database, request.log);
    return { principal, regions, directory, scope: scopeKey(regionId, regions), now: new Date() };
  }

  /** The ranking of a scope as of a query's `asOf`. */
  async function rankingOf(request: FastifyRequest, regionId: string | undefined, asOf: string | undefined) {
    const scope = await scoped(request, regionId);
    return ranking(database, { ...scope, ...asOfDay(asOf, scope.now) });
  }

  app.get<{ Querystring: { regionId?: string; asOf?: string; limit?: string; cursor?: string } }>(
    '/risk/venues',
    {
      schema: {
        tags: ['risk'],
        operationId: 'listRiskRanking',
        summary: 'Venues ranked by learned risk, highest first, with each factor’s value and contribution',
        security: BEARER,
        querystring: jsonSchema(RiskRankingQuerySchema),
        response: { 200: jsonSchema(RiskRankingSchema), ...errorResponses },
      },
    },
    async (request) => {
      const ranked = await rankingOf(request, request.query.regionId, request.query.asOf);
      const page = slicePage(ranked.items, readLimit(request.query.limit, 50, 1000), request.query.cursor);
      const { fittedAt, auc, intercept, coefficients } = ranked.model;
      return {
        items: page.items.map(strip),
        model: { fittedAt, auc, intercept, coefficients },
        nextCursor: page.nextCursor,
      };
    },
  );

  app.get<{ Params: { venueId: string }; Querystring: { asOf?: string } }>(
    '/risk/venues/:venueId',
    {
      schema: {
        tags: ['risk'],
        operationId: 'getVenueRisk',
        summary: 'One venue’s risk score and factors, ranked within its district',
        security: BEARER,
        params: jsonSchema(v.object({ venueId: IdParam })),
        querystring: jsonSchema(AsOfQuerySchema),
        response: { 200: jsonSchema(RiskVenueSchema), ...errorResponses },
      },
    },
    async (request) => {
      const { venue } = await authorizeVenue(app, request, request.params.venueId, ['regulator', 'admin']);
      const ranked = await rankingOf(request, venue.region_id, request.query.asOf);
      const item = ranked.items.find((i) => i.venueId === venue.id);
      if (!item) throw new AppError('NOT_FOUND');
      return strip(item);
    },
  );

  app.get<{ Querystring: { regionId?: string } }>(
    '/risk/model',
    {
      schema: {
        tags: ['risk'],
        operationId: 'getRiskModel',
        summary: 'The risk model in force: coefficients, intercept, AUC on held-back inspections, pinned weights',
        security: BEARER,
        querystring: jsonSchema(RegionQuerySchema),
        response: { 200: jsonSchema(RiskModelSchema), ...errorResponses },
      },
    },
    async (request) => {
      const { regions, directory, scope, now } = await scoped(request, request.query.regionId);
      const tomorrow = addDays(localDay(now, DEFAULT_TIME_ZONE), 1);
      return modelFor(database, { scope, regions, asOf: tomorrow, current: true, now }, venuesIn(directory, regions));
    },
  );

  app.post<{ Querystring: { regionId?: string } }>(
    '/risk/model/fit',
    {
      schema: {
        tags: ['risk'],
        operationId: 'fitRiskModel',
        summary: 'Refit the risk model on the region’s inspections now (keeping the pinned weights)',
        security: BEARER,
        querystring: jsonSchema(RegionQuerySchema),
        response: { 200: jsonSchema(RiskModelSchema), ...errorResponses },
      },
    },
    async (request) => {
      const { principal, regions, directory, scope, now } = await scoped(request, request.query.regionId);
      const pins = (await storedModel(database, scope))?.pins ?? {};
      const model = await refit(database, {
        scope,
        regions,
        venues: venuesIn(directory, regions),
        pins,
        updatedBy: principal.userId,
        now,
      });
      forgetRankings(database);
      return model;
    },
  );

  app.put<{ Querystring: { regionId?: string }; Body: RiskPolicyInput }>(
    '/risk/policy',
    {
      schema: {
        tags: ['risk'],
        operationId: 'setRiskPolicy',
        summary: 'Pin (or zero) factor weights as policy; the others are refitted around them',
        security: BEARER,
        querystring: jsonSchema(RegionQuerySchema),
        body: jsonSchema(RiskPolicyInputSchema),
        response: { 200: jsonSchema(RiskModelSchema), ...errorResponses },
      },
    },
    async (request) => {
      const { principal, regions, directory, scope, now } = await scoped(request, request.query.regionId);
      const input = parseOrThrow(RiskPolicyInputSchema, request.body);
      const model = await refit(database, {
        scope,
        regions,
        venues: venuesIn(directory, regions),
        pins: input.pins as Partial<Record<RiskFactorCode, number>>,
        updatedBy: principal.userId,
        now,
      });
      forgetRankings(database);
      return model;
    },
  );

  app.get<{ Querystring: { regionId?: string; asOf?: string; inspectors?: string; capacity?: string } }>(
    '/risk/plan',
    {
      schema: {
        tags: ['risk'],
        operationId: 'getInspectionPlan',
        summary: 'This week’s targeted inspections (top N per district) and sampling suggestions',
        security: BEARER,
        querystring: jsonSchema(InspectionPlanQuerySchema),
        response: { 200: jsonSchema(InspectionPlanSchema), ...errorResponses },
      },
    },
    async (request) => {
      const ranked = await rankingOf(request, request.query.regionId, request.query.asOf);
      const inspectors = Number(request.query.inspectors ?? DEFAULT_INSPECTORS);
      const capacity = Number(request.query.capacity ?? DEFAULT_CAPACITY);
      const { regionNames } = await venueDirectory(database, request.log);
      return withInspections(
        database,
        inspectionPlan(ranked, regionNames, addDays(ranked.asOf, -1), inspectors, capacity),
      );
    },
  );
};
