/**
 * Publishes the day's ledger root: checked at start and every hour, a root is computed when none was published on
 * the current UTC day (and some venue has a record). Admins may publish more on demand (POST /v1/ledger-roots).
 */
import type { FastifyInstance } from 'fastify';
import { platformSigner } from '../crypto/index.js';
import { publishDailyRoot } from '../ledger-roots/index.js';
import { registerPeriodicJob } from './periodic-job.js';

export function registerLedgerRootJob(app: FastifyInstance): void {
  registerPeriodicJob(app, {
    name: 'ledger root publication',
    everyMs: 3600_000,
    run: async () => {
      const { database, config } = app.ctx;
      const root = await publishDailyRoot(database, platformSigner(config.ledgerSigningKey));
      if (root) app.log.info({ seq: root.seq, root: root.root, size: root.size }, 'ledger root published');
    },
  });
}
