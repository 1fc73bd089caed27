import type { FastifyPluginAsync } from 'fastify';
import { checkReadiness } from './readiness.js';

/**
 * `GET /healthz`, liveness: 200 while the process serves (restart it when this fails).
 * `GET /readyz`, readiness: 200 when database, migrations and broker are fine, else 503 naming the failed check
 * (send it no traffic meanwhile). Both public and cheap: probes call them every few seconds.
 */
export const healthRoutes: FastifyPluginAsync = async (app) => {
  app.get('/healthz', { schema: { hide: true } }, async () => ({ ok: true }));

  let wasReady: boolean | undefined;
  app.get('/readyz', { schema: { hide: true } }, async (request, reply) => {
    const { ready, checks, errors } = await checkReadiness({ database: app.ctx.database, bus: app.devices.bus });
    // Logged when it changes, not at every probe.
    if (!ready && wasReady !== false) request.log.warn({ checks, err: errors[0] }, 'not ready');
    if (ready && wasReady === false) request.log.info({ checks }, 'ready again');
    wasReady = ready;
    reply.status(ready ? 200 : 503);
    return { ready, checks };
  });
};
