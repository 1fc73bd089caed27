/** Devices: registry, schedules, ingestion receivers and counters, violation snapshots. */
import type { FastifyPluginAsync } from 'fastify';
import { ingestRoutes } from './ingest.js';
import { deviceRegistryRoutes } from './registry.js';
import { deviceScheduleRoutes } from './schedule.js';
import { alertSnapshotRoutes } from './snapshot.js';

export const deviceRoutes: FastifyPluginAsync = async (app) => {
  await app.register(deviceRegistryRoutes);
  await app.register(deviceScheduleRoutes);
  await app.register(ingestRoutes);
  await app.register(alertSnapshotRoutes);
};
