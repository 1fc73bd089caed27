/**
 * The venues the warehouse reasons about, read once every 30 s per instance (45,000 archives parse in a few
 * hundred ms; a panel must not pay that each time). A venue added or changed shows within 30 s; the figures
 * themselves (ledgers, alerts …) are always read fresh.
 */
import { DEFAULT_TIME_ZONE, type MealPlan, type VenueKind } from '@brightkitchen/sdk';
import { type CorruptValueLog, type Database, readEach } from '../db/index.js';
import { toVenue } from '../venues/venue-store.js';
import { inSet, type RegionSet } from './scope.js';

const TTL_MS = 30_000;

/** What the warehouse needs of a venue. */
export interface DirectoryVenue {
  readonly id: string;
  readonly name: string;
  readonly regionId: string;
  readonly kind: VenueKind;
  readonly timeZone: string;
  readonly licenceIssuedOn: string;
  readonly licenceExpiresOn: string;
  readonly meals: readonly MealPlan[] | undefined;
  readonly specialRooms: number | undefined;
  readonly coordinates: { readonly lat: number; readonly lng: number } | undefined;
}

export interface VenueDirectory {
  readonly venues: readonly DirectoryVenue[];
  readonly byId: ReadonlyMap<string, DirectoryVenue>;
  readonly regionNames: ReadonlyMap<string, string>;
}

const cache = new WeakMap<Database, { at: number; directory: Promise<VenueDirectory> }>();

async function load(database: Database, log: CorruptValueLog): Promise<VenueDirectory> {
  const { db } = database;
  const rows = await db.selectFrom('venues').select(['id', 'data']).where('archived_at', 'is', null).execute();
  const venues = readEach(
    rows,
    (row) => {
      const v = toVenue(row);
      return {
        id: v.id,
        name: v.name,
        regionId: v.regionId,
        kind: v.kind,
        timeZone: v.timeZone || DEFAULT_TIME_ZONE,
        licenceIssuedOn: v.licence.issuedOn,
        licenceExpiresOn: v.licence.expiresOn,
        meals: v.meals,
        specialRooms: v.specialRooms,
        coordinates: v.coordinates,
      } satisfies DirectoryVenue;
    },
    log,
  );
  const regions = await db.selectFrom('regions').select(['id', 'name']).execute();
  return {
    venues,
    byId: new Map(venues.map((v) => [v.id, v])),
    regionNames: new Map(regions.map((r) => [r.id, r.name])),
  };
}

/** Every venue on record (not archived), at most 30 s old. */
export function venueDirectory(database: Database, log: CorruptValueLog, now = Date.now()): Promise<VenueDirectory> {
  const hit = cache.get(database);
  if (hit && now - hit.at < TTL_MS) return hit.directory;
  const directory = load(database, log);
  cache.set(database, { at: now, directory });
  directory.catch(() => cache.delete(database));
  return directory;
}

/** Forgets the cached directory (after an import, so the new venues show at once on this instance). */
export function forgetVenueDirectory(database: Database): void {
  cache.delete(database);
}

/** The venues of a region set. */
export function venuesIn(directory: VenueDirectory, regions: RegionSet): DirectoryVenue[] {
  return directory.venues.filter((v) => inSet(regions, v.regionId));
}
