/** Ingestion over HTTP: ISAPI pushes and counters, gateway event batches, partner violation pushes. */
import type { FastifyPluginAsync } from 'fastify';
import { ingestEventsRoutes } from './events-routes.js';
import { isapiRoutes } from './isapi-routes.js';
import { partnerViolationRoutes } from './partner-violations-routes.js';

export const ingestRoutes: FastifyPluginAsync = async (app) => {
  await app.register(isapiRoutes);
  await app.register(ingestEventsRoutes);
  await app.register(partnerViolationRoutes);
};
