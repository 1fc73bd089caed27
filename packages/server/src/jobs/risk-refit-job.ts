/**
 * Refits every risk model nightly: checked at start and every hour, a scope whose newest fit is from an earlier
 * local day is refitted with its pinned weights (a scope is a region, `all`, or a regulator's set of regions).
 */
import { DEFAULT_TIME_ZONE, localDay } from '@brightkitchen/sdk';
import type { FastifyInstance } from 'fastify';
import { regionsUnder } from '../regions/tree.js';
import { refit, storedModel } from '../risk/model.js';
import { forgetRankings } from '../risk/ranking.js';
import { venueDirectory, venuesIn } from '../warehouse/directory.js';
import { registerPeriodicJob } from './periodic-job.js';

export function registerRiskRefitJob(app: FastifyInstance): void {
  registerPeriodicJob(app, {
    name: 'risk model refit',
    everyMs: 3600_000,
    run: async () => {
      const { database } = app.ctx;
      const now = new Date();
      const today = localDay(now, DEFAULT_TIME_ZONE);
      const scopes = await database.db.selectFrom('risk_models').select('scope').distinct().execute();
      for (const { scope } of scopes) {
        const latest = await storedModel(database, scope);
        if (!latest || localDay(latest.fittedAt, DEFAULT_TIME_ZONE) >= today) continue;
        const regions = scope === 'all' ? 'all' : new Set(await regionsUnder(database, scope.split(',')));
        const directory = await venueDirectory(database, app.log);
        const model = await refit(database, {
          scope,
          regions,
          venues: venuesIn(directory, regions),
          pins: latest.pins,
          updatedBy: latest.updatedBy,
          now,
        });
        app.log.info({ scope, auc: model.auc, inspections: model.inspections }, 'risk model refitted');
      }
      if (scopes.length > 0) forgetRankings(database);
    },
  });
}
