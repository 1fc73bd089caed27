/**
 * A job the app runs at start and then every `everyMs`, one run at a time (a slow run delays the next, never
 * overlaps it); a failed run is logged and the next goes on. Closing the app waits for the run under way.
 */
import type { FastifyInstance } from 'fastify';

export interface PeriodicJob {
  /** What the log calls it when a run fails. */
  readonly name: string;
  readonly everyMs: number;
  readonly run: () => Promise<void>;
}

export function registerPeriodicJob(app: FastifyInstance, job: PeriodicJob): void {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const once = async () => {
    // Instances sharing a database: only the one leading the clock work runs jobs.
    if (!app.ctx.cluster.isLeader()) return;
    try {
      await job.run();
    } catch (err) {
      app.log.error({ err }, `${job.name} failed`);
    }
  };
  const next = () => {
    running = running.then(once);
  };
  app.addHook('onReady', async () => {
    next();
    timer = setInterval(next, job.everyMs);
    timer.unref();
  });
  // Leadership taken over from a stopped instance: run now rather than a whole period later.
  app.ctx.cluster.onLeadership((leader) => {
    if (leader && timer) next();
  });
  app.addHook('onClose', async () => {
    if (timer) clearInterval(timer);
    await running;
  });
}
