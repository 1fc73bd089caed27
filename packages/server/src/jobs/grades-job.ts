/**
 * Refreshes every venue's stored grades once a local day (checked at start and hourly): the annual grade's
 * 12-month window moves each day, and a dynamic grade held back by a new licence or an incident comes free
 * without a new inspection. Only the leading instance runs it; the upserts are harmless if two ever overlap.
 */
import { DEFAULT_TIME_ZONE, localDay } from '@brightkitchen/sdk';
import type { FastifyInstance } from 'fastify';
import { gradesRefreshedOn, refreshGrades } from '../inspections/index.js';
import { registerPeriodicJob } from './periodic-job.js';

export function registerGradesJob(app: FastifyInstance): void {
  registerPeriodicJob(app, {
    name: 'grades refresh',
    everyMs: 3600_000,
    run: async () => {
      const { database } = app.ctx;
      const now = new Date();
      const refreshed = await gradesRefreshedOn(database, DEFAULT_TIME_ZONE);
      if (refreshed !== null && refreshed >= localDay(now, DEFAULT_TIME_ZONE)) return;
      const started = Date.now();
      const venues = await refreshGrades(database, { now, log: app.log });
      app.log.info({ venues, ms: Date.now() - started }, 'grades refreshed');
    },
  });
}
