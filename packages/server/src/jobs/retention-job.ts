/**
 * Runs the ledger retention purge at start and every few hours; only records past their retention go.
 * Kept idempotent answers older than 30 days are dropped on the same schedule.
 */
import type { FastifyInstance } from 'fastify';
import { purgeIdempotentAnswers } from '../idempotency/index.js';
import { purgeExpiredLedgers } from '../ledgers/index.js';

const EVERY_MS = 6 * 3600_000;

export function registerRetentionJob(app: FastifyInstance): void {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const purge = async () => {
    try {
      const removed = await purgeExpiredLedgers(app.ctx, new Date(), app.log);
      if (removed > 0) app.log.info({ removed }, 'ledger records past retention purged');
      const answers = await purgeIdempotentAnswers(app.ctx.database);
      if (answers > 0) app.log.info({ answers }, 'old idempotent answers forgotten');
    } catch (err) {
      app.log.error({ err }, 'ledger retention purge failed');
    }
  };
  const run = () => {
    running = purge();
  };
  app.addHook('onReady', async () => {
    run();
    timer = setInterval(run, EVERY_MS);
    timer.unref();
  });
  app.addHook('onClose', async () => {
    if (timer) clearInterval(timer);
    await running;
  });
}
