/** Devices: registry, schedules, ingestion receivers and counters, violation snapshots, gateways, partner pushes. */
import type { FastifyPluginAsync } from 'fastify';
import { gatewayRoutes } from './gateways.js';
import { ingestRoutes } from './ingest.js';
import { ingestEventsRoutes } from './ingest-events.js';
import { partnerViolationRoutes } from './partner-violations.js';
import { deviceRegistryRoutes } from './registry.js';
import { deviceScheduleRoutes } from './schedule.js';
import { alertSnapshotRoutes } from './snapshot.js';

export const deviceRoutes: FastifyPluginAsync = async (app) => {
  await app.register(deviceRegistryRoutes);
  await app.register(deviceScheduleRoutes);
  await app.register(ingestRoutes);
  await app.register(alertSnapshotRoutes);
  await app.register(gatewayRoutes);
  await app.register(ingestEventsRoutes);
  await app.register(partnerViolationRoutes);
};
