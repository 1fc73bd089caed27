/**
 * Training's routes (`/v1/training/…`, the public certificate check, a venue's training standing, a region's
 * certificate validity). The national default set is brought into the database as the plugin registers.
 */
import type { FastifyPluginAsync } from 'fastify';
import { certificateRoutes } from './certificate-routes.js';
import { courseRoutes } from './course-routes.js';
import { coverageRoutes } from './coverage-routes.js';
import { ensureDefaultTraining } from './defaults.js';
import { examRoutes } from './exam-routes.js';
import { questionRoutes } from './question-routes.js';

export const trainingRoutes: FastifyPluginAsync = async (app) => {
  await ensureDefaultTraining(app.ctx.database);
  await app.register(courseRoutes);
  await app.register(examRoutes);
  await app.register(questionRoutes);
  await app.register(certificateRoutes);
  await app.register(coverageRoutes);
};
