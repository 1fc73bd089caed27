/**
 * Publishes the day's ledger root: checked at start and every hour, a root is computed when none was published on
 * the current UTC day (and some venue has a record). Admins may publish more on demand (POST /v1/ledger-roots).
 */
import type { FastifyInstance } from 'fastify';
import { platformSigner } from '../crypto/index.js';
import { publishDailyRoot } from '../ledger-roots/index.js';

const EVERY_MS = 3600_000;

export function registerLedgerRootJob(app: FastifyInstance): void {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const publish = async () => {
    try {
      const { database, config } = app.ctx;
      const root = await publishDailyRoot(database, platformSigner(config.ledgerSigningKey));
      if (root) app.log.info({ seq: root.seq, root: root.root, size: root.size }, 'ledger root published');
    } catch (err) {
      app.log.error({ err }, 'ledger root publication failed');
    }
  };
  const run = () => {
    running = running.then(publish);
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
