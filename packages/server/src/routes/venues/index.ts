import type { FastifyPluginAsync } from 'fastify';
import { memberRoutes } from './members.js';
import { staffRoutes } from './staff.js';
import { venueCoreRoutes } from './venues.js';

/** Venues and what belongs to their archive: staff and members. */
export const venueRoutes: FastifyPluginAsync = async (app) => {
  await app.register(venueCoreRoutes);
  await app.register(staffRoutes);
  await app.register(memberRoutes);
};
