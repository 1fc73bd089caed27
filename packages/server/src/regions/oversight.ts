/** What a regulator oversees: their regions and everything under them (an admin: all). */
import type { FastifyInstance } from 'fastify';
import type { Principal } from '../auth/principal.js';
import { AppError } from '../errors/index.js';
import { regionsUnder } from './tree.js';

/** The regions a regulator oversees, with everything under them; admin: all. */
export async function oversight(app: FastifyInstance, principal: Principal): Promise<'all' | string[]> {
  if (principal.role === 'admin') return 'all';
  if (principal.role !== 'regulator') throw new AppError('FORBIDDEN');
  const roots = (
    await app.ctx.database.db
      .selectFrom('regulator_regions')
      .select('region_id')
      .where('user_id', '=', principal.userId)
      .execute()
  ).map((r) => r.region_id);
  return regionsUnder(app.ctx.database, roots);
}
