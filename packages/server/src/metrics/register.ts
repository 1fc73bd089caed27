/** The app's metrics registry: the HTTP hook now (before any route), the platform's counters read at scrape time. */
import type { FastifyInstance } from 'fastify';
import { Registry } from 'prom-client';
import { registerAppMetrics } from './app-metrics.js';
import { registerHttpMetrics } from './http-metrics.js';

export function registerMetrics(app: FastifyInstance): Registry {
  const registry = new Registry();
  registerHttpMetrics(app, registry);
  registerAppMetrics(registry, {
    database: app.ctx.database,
    devicesEnabled: app.ctx.config.devices.enabled,
    devices: () => app.devices,
  });
  return registry;
}
