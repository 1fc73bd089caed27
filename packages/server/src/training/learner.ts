/**
 * Who is learning: a user linked to a staff archive entry by a membership (`memberships.staff_id`). Exams and
 * certificates belong to that entry (the person at that venue), which is what the morning check reads.
 */
import { localDay, type StaffRole } from '@brightkitchen/sdk';
import type { FastifyInstance } from 'fastify';
import type { Principal } from '../auth/principal.js';
import type { Database } from '../db/index.js';
import { AppError } from '../errors/index.js';
import { regionChain } from '../regions/tree.js';

export interface Learner {
  readonly userId: string;
  readonly staffId: string;
  readonly staffName: string;
  readonly staffRole: StaffRole;
  readonly venueId: string;
  readonly venueName: string;
  readonly venueKind: string;
  readonly timeZone: string;
  readonly regionId: string;
  /** The venue's region and its parents: where courses and exams may come from. */
  readonly regions: readonly string[];
}

const OPERATORS = new Set(['operator_staff', 'operator_manager']);

const LEARNER_TTL_MS = 30_000;
const learnersOf = new WeakMap<Database, Map<string, { at: number; learner: Learner | null }>>();

/**
 * The learner behind a principal (on `venueId` when given, else their first staff link), or null. Kept 30 s per
 * instance: an exam's start reads it once per learner, and a membership removed stops counting within that time.
 */
export async function findLearner(database: Database, principal: Principal, venueId?: string): Promise<Learner | null> {
  let cache = learnersOf.get(database);
  if (!cache) {
    cache = new Map();
    learnersOf.set(database, cache);
  }
  const key = `${principal.userId}|${principal.role}|${venueId ?? ''}`;
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < LEARNER_TTL_MS) return hit.learner;
  const learner = await readLearner(database, principal, venueId);
  if (cache.size > 50_000) cache.clear();
  cache.set(key, { at: Date.now(), learner });
  return learner;
}

async function readLearner(database: Database, principal: Principal, venueId?: string): Promise<Learner | null> {
  if (!OPERATORS.has(principal.role)) return null;
  let query = database.db
    .selectFrom('memberships')
    .innerJoin('staff', 'staff.id', 'memberships.staff_id')
    .innerJoin('venues', 'venues.id', 'memberships.venue_id')
    .select([
      'memberships.staff_id as staffId',
      'staff.name as staffName',
      'staff.role as staffRole',
      'venues.id as venueId',
      'venues.name as venueName',
      'venues.kind as venueKind',
      'venues.time_zone as timeZone',
      'venues.region_id as regionId',
    ])
    .where('memberships.user_id', '=', principal.userId)
    .where('memberships.staff_id', 'is not', null)
    // The staff entry must be of the membership's venue.
    .whereRef('staff.venue_id', '=', 'memberships.venue_id');
  if (venueId) query = query.where('memberships.venue_id', '=', venueId);
  const row = await query.orderBy('venues.id').executeTakeFirst();
  if (!row?.staffId) return null;
  return {
    userId: principal.userId,
    staffId: row.staffId,
    staffName: row.staffName,
    staffRole: row.staffRole as StaffRole,
    venueId: row.venueId,
    venueName: row.venueName,
    venueKind: row.venueKind,
    timeZone: row.timeZone,
    regionId: row.regionId,
    regions: await regionChain(database, row.regionId),
  };
}

/** The learner, or 403 TRAINING_NOT_A_LEARNER. */
export async function requireLearner(app: FastifyInstance, principal: Principal, venueId?: string): Promise<Learner> {
  const learner = await findLearner(app.ctx.database, principal, venueId);
  if (!learner) throw new AppError('TRAINING_NOT_A_LEARNER');
  return learner;
}

/** Today in the learner's venue. */
export function learnerDay(learner: Pick<Learner, 'timeZone'>, now: Date = new Date()): string {
  return localDay(now, learner.timeZone);
}
