/**
 * Which regions a warehouse, risk or map answer covers: the caller's (a regulator's regions and what is under
 * them, an admin's all), narrowed to `regionId` and its districts when given.
 */
import type { FastifyInstance } from 'fastify';
import type { Principal } from '../auth/principal.js';
import { AppError } from '../errors/index.js';
import { oversight } from '../regions/oversight.js';
import { regionsUnder } from '../regions/tree.js';

/** `all` regions, or these (never empty). */
export type RegionSet = 'all' | ReadonlySet<string>;

export async function regionSet(
  app: FastifyInstance,
  principal: Principal,
  regionId: string | undefined,
): Promise<RegionSet> {
  const reach = await oversight(app, principal);
  if (!regionId) {
    if (reach !== 'all' && reach.length === 0) throw new AppError('FORBIDDEN');
    return reach === 'all' ? 'all' : new Set(reach);
  }
  const { db } = app.ctx.database;
  if (!(await db.selectFrom('regions').select('id').where('id', '=', regionId).executeTakeFirst())) {
    throw new AppError('REGION_NOT_FOUND');
  }
  const under = await regionsUnder(app.ctx.database, [regionId]);
  // A regulator of two districts asking for the city sees those two districts of it.
  const seen = reach === 'all' ? under : under.filter((id) => reach.includes(id));
  if (seen.length === 0) throw new AppError('FORBIDDEN');
  return new Set(seen);
}

export function inSet(set: RegionSet, regionId: string): boolean {
  return set === 'all' || set.has(regionId);
}
