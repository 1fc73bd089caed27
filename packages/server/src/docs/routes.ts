import type { FastifyPluginAsync } from 'fastify';

/** `GET /openapi.json`: the OpenAPI document built from every route's schema (`/docs` shows it). */
export const docsRoutes: FastifyPluginAsync = async (app) => {
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
};
