/** `GET /training/coverage`: regulators' training figures for their regions (or one of them), admins' for all. */
import { TrainingCoverageSchema } from '@brightkitchen/sdk/training';
import type { FastifyPluginAsync } from 'fastify';
import * as v from 'valibot';
import { requireRole } from '../auth/index.js';
import { AppError } from '../errors/index.js';
import { oversight } from '../regions/oversight.js';
import { regionsUnder } from '../regions/tree.js';
import { BEARER, errorResponses, IdParam, jsonSchema } from '../schemas/index.js';
import { trainingCoverage } from './coverage.js';

const CoverageQuerySchema = v.object({ regionId: v.optional(IdParam) });

export const coverageRoutes: FastifyPluginAsync = async (app) => {
  const { database } = app.ctx;

  app.get<{ Querystring: { regionId?: string } }>(
    '/training/coverage',
    {
      schema: {
        tags: ['training'],
        operationId: 'getTrainingCoverage',
        summary: 'Trained, certified and expiring staff by district and venue kind, and failing topics (regulators)',
        security: BEARER,
        querystring: jsonSchema(CoverageQuerySchema),
        response: { 200: jsonSchema(TrainingCoverageSchema), ...errorResponses },
      },
    },
    async (request) => {
      const principal = requireRole(request, ['regulator', 'admin']);
      const reach = await oversight(app, principal);
      const { regionId } = request.query;
      let regions: readonly string[] | 'all' = reach;
      if (regionId) {
        if (reach !== 'all' && !reach.includes(regionId)) throw new AppError('FORBIDDEN');
        regions = await regionsUnder(database, [regionId]);
      }
      return trainingCoverage(database, regions, new Date(), request.log);
    },
  );
};
