/**
 * The one place that decides who may touch what. Every route that reads or writes venue data
 * goes through `authorizeVenue` (one venue) or `venueScope` (lists); nothing else checks roles.
 */
import type { Role } from '@brightkitchen/sdk';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type RawBuilder, sql } from 'kysely';
import type { VenuesTable } from '../db/index.js';
import { AppError } from '../errors/index.js';
import type { Principal } from './principal.js';

/** The ways a principal can relate to a venue. */
export type VenueAccess = 'manager' | 'staff' | 'regulator' | 'admin' | 'partner';

/** Every venue relation except partner: shorthand for "people of the venue or its oversight". */
export const MEMBER_OR_REGULATOR: readonly VenueAccess[] = ['manager', 'staff', 'regulator', 'admin'];
export const MEMBERS: readonly VenueAccess[] = ['manager', 'staff', 'admin'];

export function requirePrincipal(request: FastifyRequest): Principal {
  if (request.auth?.state === 'ok') return request.auth.principal;
  throw new AppError('UNAUTHENTICATED');
}

export function requireRole(request: FastifyRequest, roles: readonly Role[]): Principal {
  const principal = requirePrincipal(request);
  if (!roles.includes(principal.role)) throw new AppError('FORBIDDEN');
  return principal;
}

/** How the principal relates to the venue (null: no relation). */
/** True when this regulator oversees the region. */
export async function oversees(app: FastifyInstance, principal: Principal, regionId: string): Promise<boolean> {
  const row = await app.ctx.database.db
    .selectFrom('regulator_regions')
    .select('region_id')
    .where('user_id', '=', principal.userId)
    .where('region_id', '=', regionId)
    .executeTakeFirst();
  return row !== undefined;
}

export async function venueAccessOf(
  app: FastifyInstance,
  principal: Principal,
  venue: Pick<VenuesTable, 'id' | 'region_id'>,
): Promise<VenueAccess | null> {
  const { db } = app.ctx.database;
  switch (principal.role) {
    case 'admin':
      return 'admin';
    case 'partner':
      return 'partner';
    case 'regulator':
      return (await oversees(app, principal, venue.region_id)) ? 'regulator' : null;
    case 'operator_staff':
    case 'operator_manager': {
      const row = await db
        .selectFrom('memberships')
        .select('role')
        .where('user_id', '=', principal.userId)
        .where('venue_id', '=', venue.id)
        .executeTakeFirst();
      if (!row) return null;
      return row.role === 'operator_manager' ? 'manager' : 'staff';
    }
    default:
      return null;
  }
}

export interface AuthorizedVenue {
  readonly principal: Principal;
  readonly venue: VenuesTable;
  readonly access: VenueAccess;
}

/**
 * Loads the venue and checks the principal may act on it in one of the `allowed` ways.
 * Unknown venue → NOT_FOUND; known but not allowed → FORBIDDEN.
 */
export async function authorizeVenue(
  app: FastifyInstance,
  request: FastifyRequest,
  venueId: string,
  allowed: readonly VenueAccess[],
): Promise<AuthorizedVenue> {
  const principal = requirePrincipal(request);
  const venue = await app.ctx.database.db.selectFrom('venues').selectAll().where('id', '=', venueId).executeTakeFirst();
  if (!venue) throw new AppError('NOT_FOUND');
  const access = await venueAccessOf(app, principal, venue);
  if (!access || !allowed.includes(access)) throw new AppError('FORBIDDEN');
  return { principal, venue, access };
}

/** Which venues a list may show: all of them, those of some regions, or some venue ids. */
export type VenueScope =
  | { readonly kind: 'all' }
  | { readonly kind: 'regions'; readonly regionIds: readonly string[] }
  | { readonly kind: 'venues'; readonly venueIds: readonly string[] }
  | { readonly kind: 'none' };

export async function venueScope(app: FastifyInstance, principal: Principal): Promise<VenueScope> {
  const { db } = app.ctx.database;
  switch (principal.role) {
    case 'admin':
    case 'partner':
      return { kind: 'all' };
    case 'regulator': {
      const rows = await db
        .selectFrom('regulator_regions')
        .select('region_id')
        .where('user_id', '=', principal.userId)
        .execute();
      return { kind: 'regions', regionIds: rows.map((r) => r.region_id) };
    }
    case 'operator_staff':
    case 'operator_manager': {
      const rows = await db
        .selectFrom('memberships')
        .select('venue_id')
        .where('user_id', '=', principal.userId)
        .execute();
      return { kind: 'venues', venueIds: rows.map((r) => r.venue_id) };
    }
    default:
      return { kind: 'none' };
  }
}

/**
 * A WHERE condition keeping rows whose venue id column is in the scope, e.g.
 * `.where(venueScopeSql(scope, 'alerts.venue_id'))`. Portable SQL on both databases.
 */
export function venueScopeSql(scope: VenueScope, venueIdColumn: string): RawBuilder<boolean> {
  const col = sql.ref(venueIdColumn);
  switch (scope.kind) {
    case 'all':
      return sql<boolean>`1 = 1`;
    case 'none':
      return sql<boolean>`1 = 0`;
    case 'venues':
      return scope.venueIds.length === 0 ? sql<boolean>`1 = 0` : sql<boolean>`${col} in (${sql.join(scope.venueIds)})`;
    case 'regions':
      return scope.regionIds.length === 0
        ? sql<boolean>`1 = 0`
        : sql<boolean>`${col} in (select id from venues where region_id in (${sql.join(scope.regionIds)}))`;
  }
}
