/**
 * Escalates rectification notices past their deadline (every 10 minutes): one `RECTIFICATION_OVERDUE` alert
 * per notice, its regulators see it in their alerts. The once-only mark is in the database, so a second
 * instance (or a run taken over after a leader stopped) never raises it again.
 */
import type { FastifyInstance } from 'fastify';
import { escalateOverdue } from '../rectifications/index.js';
import { registerPeriodicJob } from './periodic-job.js';

export const RECTIFICATION_OVERDUE_EVERY_MS = 600_000;

export function registerRectificationOverdueJob(app: FastifyInstance): void {
  registerPeriodicJob(app, {
    name: 'rectification overdue escalation',
    everyMs: RECTIFICATION_OVERDUE_EVERY_MS,
    run: async () => {
      const raised = await escalateOverdue(app.ctx.database, new Date(), app.devices.alertBook);
      if (raised.length > 0) app.log.info({ alerts: raised.length }, 'overdue rectification notices escalated');
    },
  });
}
