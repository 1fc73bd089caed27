/** Devices: the registry (register, list, status, readings) and disinfection schedules. */
import type { FastifyPluginAsync } from 'fastify';
import { deviceRegistryRoutes } from './registry-routes.js';
import { deviceScheduleRoutes } from './schedule-routes.js';

export const deviceRoutes: FastifyPluginAsync = async (app) => {
  await app.register(deviceRegistryRoutes);
  await app.register(deviceScheduleRoutes);
};
