/**
 * `GET /metrics`: Prometheus text (version 0.0.4) — HTTP by route, ingestion, alerts, notifications, database,
 * broker, and the process (CPU, memory, event-loop delay, GC). Who may read it: access.ts.
 */
import type { FastifyPluginAsync } from 'fastify';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { checkMetricsAccess } from './access.js';

/** Process metrics, once per process: their event-loop and GC observers never stop, so one set serves every app. */
let processRegistry: Registry | undefined;
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

export interface MetricsRoutesOptions {
  /** The app's own metrics (http-metrics.ts, app-metrics.ts). */
  readonly registry: Registry;
}

export const metricsRoutes: FastifyPluginAsync<MetricsRoutesOptions> = async (app, { registry }) => {
  const processWide = processMetrics();
  app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
    checkMetricsAccess(request, app.ctx.config.metricsToken);
    const text = `${await registry.metrics()}\n${await processWide.metrics()}`;
    reply.type(registry.contentType);
    return text;
  });
};
