import type { FastifyPluginAsync } from 'fastify';

/** `GET /healthz`: 200 once the app is built (database open, migrations run). */
export const healthRoutes: FastifyPluginAsync = async (app) => {
  app.get('/healthz', { schema: { hide: true } }, async () => ({ ok: true }));
};
