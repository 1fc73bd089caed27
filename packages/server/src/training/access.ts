/** Which regions' training a principal deals with: courses and exams they see, figures they may read. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { requirePrincipal } from '../auth/index.js';
import type { Principal } from '../auth/principal.js';
import { AppError } from '../errors/index.js';
import { oversight } from '../regions/oversight.js';
import { regionChain, regionsUnder } from '../regions/tree.js';

/** `all` (admin), or the regions whose content is offered to the principal (the national set always is). */
export type RegionReach = 'all' | readonly string[];

/**
 * What a principal is offered: an admin everything; a regulator their regions, their parents (a city's courses
 * reach its districts) and children; an operator the regions of their venues and parents; others the national set.
 */
export async function reachOf(app: FastifyInstance, principal: Principal): Promise<RegionReach> {
  const { database } = app.ctx;
  const { db } = database;
  if (principal.role === 'admin') return 'all';
  let roots: string[] = [];
  if (principal.role === 'regulator') {
    roots = (
      await db.selectFrom('regulator_regions').select('region_id').where('user_id', '=', principal.userId).execute()
    ).map((r) => r.region_id);
    const under = await regionsUnder(database, roots);
    const above = (await Promise.all(roots.map((r) => regionChain(database, r)))).flat();
    return [...new Set([...under, ...above])];
  }
  if (principal.role === 'operator_manager' || principal.role === 'operator_staff') {
    roots = (
      await db
        .selectFrom('memberships')
        .innerJoin('venues', 'venues.id', 'memberships.venue_id')
        .select('venues.region_id')
        .where('memberships.user_id', '=', principal.userId)
        .execute()
    ).map((r) => r.region_id);
    return [...new Set((await Promise.all(roots.map((r) => regionChain(database, r)))).flat())];
  }
  return [];
}

/**
 * Where a regulator (or admin) may publish: `regionId` must be one they oversee (with what is under it); absent
 * means the national set, which only an admin changes. Unknown region: 404.
 */
export async function publishingRegion(
  app: FastifyInstance,
  principal: Principal,
  regionId: string | null | undefined,
): Promise<string | null> {
  if (principal.role !== 'admin' && principal.role !== 'regulator') throw new AppError('FORBIDDEN');
  if (regionId === undefined || regionId === null) {
    if (principal.role !== 'admin') throw new AppError('FORBIDDEN');
    return null;
  }
  const region = await app.ctx.database.db
    .selectFrom('regions')
    .select('id')
    .where('id', '=', regionId)
    .executeTakeFirst();
  if (!region) throw new AppError('NOT_FOUND');
  const reach = await oversight(app, principal);
  if (reach !== 'all' && !reach.includes(region.id)) throw new AppError('FORBIDDEN');
  return region.id;
}

/** A signed-in person (partners' keys are for open data and their own pushes, not for training). */
export function requireUser(request: FastifyRequest): Principal {
  const principal = requirePrincipal(request);
  if (principal.role === 'partner') throw new AppError('FORBIDDEN');
  return principal;
}
