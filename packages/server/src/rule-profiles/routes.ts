/**
 * Rule profiles: GET /v1/regions/{regionId}/rule-profile (anyone logged in: the rules are public) answers the
 * region's overrides and the numbers they give; PUT (admin, or a regulator of that region) replaces the
 * overrides, checked key by key against the national profile (VALIDATION_FAILED with every issue; nothing
 * changes). GET /v1/venues/{venueId}/rule-profile (its people, its regulators) answers the profile the
 * venue's records and sensors are judged by, so forms can check as typed with the same numbers.
 */
import {
  parseProfileOverride,
  type RegionRuleProfile,
  RegionRuleProfileSchema,
  RuleProfileInputSchema,
  type RuleProfileOverride,
  RuleProfileSchema,
} from '@brightkitchen/sdk';
import type { FastifyPluginAsync } from 'fastify';
import * as v from 'valibot';
import { audit } from '../audit/store.js';
import { authorizeVenue, MEMBER_OR_REGULATOR, oversees, requirePrincipal, requireRole } from '../auth/index.js';
import { AppError } from '../errors/index.js';
import { BEARER, BEARER_OR_PARTNER, errorResponses, IdParam, jsonSchema, VenueParamsSchema } from '../schemas/index.js';
import type { RegionOverride } from './region-profiles.js';

const RegionParamsSchema = v.object({ regionId: IdParam });
const regionProfileResponse = { 200: jsonSchema(RegionRuleProfileSchema), ...errorResponses };

export const ruleProfileRoutes: FastifyPluginAsync = async (app) => {
  const { db } = app.ctx.database;
  const { profiles } = app.ctx;

  async function regionOf(regionId: string): Promise<string> {
    const region = await db.selectFrom('regions').select('id').where('id', '=', regionId).executeTakeFirst();
    if (!region) throw new AppError('NOT_FOUND');
    return region.id;
  }

  async function answer(regionId: string, current?: RegionOverride): Promise<RegionRuleProfile> {
    const override = current ?? (await profiles.override(regionId));
    return { regionId, ...override, profile: await profiles.profile(regionId) };
  }

  app.get<{ Params: { regionId: string } }>(
    '/regions/:regionId/rule-profile',
    {
      schema: {
        tags: ['regions'],
        operationId: 'getRegionRuleProfile',
        summary: 'The region’s overrides of the national rule numbers, and the numbers they give',
        security: BEARER_OR_PARTNER,
        params: jsonSchema(RegionParamsSchema),
        response: regionProfileResponse,
      },
    },
    async (request) => {
      requirePrincipal(request);
      return answer(await regionOf(request.params.regionId));
    },
  );

  app.put<{ Params: { regionId: string }; Body: { overrides?: unknown } }>(
    '/regions/:regionId/rule-profile',
    {
      schema: {
        tags: ['regions'],
        operationId: 'setRegionRuleProfile',
        summary: 'Replace the region’s overrides (admin, or a regulator of the region)',
        security: BEARER,
        params: jsonSchema(RegionParamsSchema),
        body: jsonSchema(RuleProfileInputSchema),
        response: regionProfileResponse,
      },
    },
    async (request) => {
      const principal = requireRole(request, ['admin', 'regulator']);
      const regionId = await regionOf(request.params.regionId);
      if (principal.role === 'regulator' && !(await oversees(app, principal, regionId))) {
        throw new AppError('FORBIDDEN');
      }
      const parsed = parseProfileOverride(request.body.overrides);
      if (!parsed.ok) throw new AppError('VALIDATION_FAILED', { issues: parsed.issues });
      const stored = await profiles.set(regionId, parsed.value as RuleProfileOverride, principal.userId);
      await app.ctx.cluster.publish({ kind: 'region', regionId });
      await audit(app.ctx.database, request, {
        action: 'rule_profile.changed',
        regionId,
        subject: regionId,
        details: { overrides: parsed.value },
      });
      return answer(regionId, stored);
    },
  );

  app.get<{ Params: { venueId: string } }>(
    '/venues/:venueId/rule-profile',
    {
      schema: {
        tags: ['venues'],
        operationId: 'getVenueRuleProfile',
        summary: 'The rule profile the venue is judged by (national, its region’s, its kind’s)',
        security: BEARER,
        params: jsonSchema(VenueParamsSchema),
        response: { 200: jsonSchema(RuleProfileSchema), ...errorResponses },
      },
    },
    async (request) => {
      const { venue } = await authorizeVenue(app, request, request.params.venueId, MEMBER_OR_REGULATOR);
      return profiles.profileOfVenue(venue);
    },
  );
};
