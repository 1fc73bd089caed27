import type { FastifyPluginAsync } from 'fastify';
import { memberRoutes } from './member-routes.js';
import { staffRoutes } from './staff-routes.js';
import { venueCoreRoutes } from './venue-routes.js';

/** Venues and what belongs to their archive: staff and members. */
export const venueRoutes: FastifyPluginAsync = async (app) => {
  await app.register(venueCoreRoutes);
  await app.register(staffRoutes);
  await app.register(memberRoutes);
};
