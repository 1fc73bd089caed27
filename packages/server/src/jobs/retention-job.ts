/**
 * Runs the ledger retention purge at start and every few hours; only records past their retention go.
 * Kept idempotent answers older than 30 days are dropped on the same schedule.
 */
import type { FastifyInstance } from 'fastify';
import { purgeIdempotentAnswers } from '../idempotency/index.js';
import { purgeExpiredLedgers } from '../ledgers/index.js';
import { registerPeriodicJob } from './periodic-job.js';

export function registerRetentionJob(app: FastifyInstance): void {
  registerPeriodicJob(app, {
    name: 'ledger retention purge',
    everyMs: 6 * 3600_000,
    run: async () => {
      const removed = await purgeExpiredLedgers(app.ctx, new Date(), app.log);
      if (removed > 0) app.log.info({ removed }, 'ledger records past retention purged');
      const answers = await purgeIdempotentAnswers(app.ctx.database);
      if (answers > 0) app.log.info({ answers }, 'old idempotent answers forgotten');
    },
  });
}
