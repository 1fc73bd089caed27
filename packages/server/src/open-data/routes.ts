/** GET /v1/open/grades: grades and rating summaries by region, for partners (signed key) and anyone. */
import { OpenGradesPageSchema } from '@brightkitchen/sdk';
import type { FastifyPluginAsync } from 'fastify';
import * as v from 'valibot';
import { errorResponses, IdParam, jsonSchema, PUBLIC_OR_PARTNER, readLimit } from '../schemas/index.js';
import { openGrades } from './service.js';

const OpenGradesQuerySchema = v.object({
  regionId: v.optional(IdParam),
  limit: v.optional(v.pipe(v.string(), v.regex(/^\d{1,4}$/))),
  cursor: v.optional(IdParam),
});

export const openDataRoutes: FastifyPluginAsync = async (app) => {
  const { database } = app.ctx;

  app.get<{ Querystring: v.InferOutput<typeof OpenGradesQuerySchema> }>(
    '/open/grades',
    {
      config: { public: true },
      schema: {
        tags: ['open data'],
        operationId: 'listOpenGrades',
        summary: 'Venue grades and rating summaries by region (open data)',
        security: PUBLIC_OR_PARTNER,
        querystring: jsonSchema(OpenGradesQuerySchema),
        response: { 200: jsonSchema(OpenGradesPageSchema), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { regionId, cursor } = request.query;
      const page = await openGrades(
        database,
        {
          limit: readLimit(request.query.limit),
          ...(regionId ? { regionId } : {}),
          ...(cursor ? { cursor } : {}),
        },
        request.log,
      );
      reply.header('cache-control', 'public, max-age=60');
      return page;
    },
  );
};
