/**
 * The e-map's layer: venues with a place (a venue imported without coordinates is stored at 0,0 and left off),
 * banded by the current risk ranking, and the complaints and alerts of the last days as points — a complaint where
 * the consumer said it happened (or at its venue), an alert at its venue. With `since`, only points after it.
 */
import type { MapPoint, MapRiskBand, MapVenue } from '@brightkitchen/sdk/warehouse';
import type { Database } from '../db/index.js';
import type { Ranking } from '../risk/ranking.js';
import type { DirectoryVenue, VenueDirectory } from './directory.js';
import { venuesIn } from './directory.js';
import { inSet, type RegionSet } from './scope.js';

/** A place on the map: not the (0, 0) an import without coordinates leaves. */
const placed = (v: DirectoryVenue): v is DirectoryVenue & { coordinates: { lat: number; lng: number } } =>
  v.coordinates !== undefined && (v.coordinates.lat !== 0 || v.coordinates.lng !== 0);

function band(rank: number, total: number): MapRiskBand {
  if (rank <= Math.ceil(total * 0.1)) return 'high';
  if (rank <= Math.ceil(total * 0.3)) return 'medium';
  return 'low';
}

export function mapVenues(directory: VenueDirectory, regions: RegionSet, ranking: Ranking): MapVenue[] {
  const ranks = new Map(ranking.items.map((r) => [r.venueId, r.rank]));
  const total = ranking.items.length;
  return venuesIn(directory, regions)
    .filter(placed)
    .map((v) => {
      const rank = ranks.get(v.id) ?? total;
      return {
        venueId: v.id,
        name: v.name,
        regionId: v.regionId,
        lng: v.coordinates.lng,
        lat: v.coordinates.lat,
        risk: band(rank, total),
        rank,
      };
    });
}

interface PointsRequest {
  readonly directory: VenueDirectory;
  readonly regions: RegionSet;
  /** Points strictly after this instant. */
  readonly after: string;
}

export async function mapPoints({ db }: Database, { directory, regions, after }: PointsRequest): Promise<MapPoint[]> {
  const inScope = (venueId: string) => {
    const v = directory.byId.get(venueId);
    return v && inSet(regions, v.regionId) && placed(v) ? v : undefined;
  };
  const [complaints, alerts] = await Promise.all([
    db
      .selectFrom('complaints')
      .select(['id', 'venue_id', 'data', 'created_at'])
      .where('created_at', '>', after)
      .execute(),
    db
      .selectFrom('alerts')
      .select(['id', 'venue_id', 'source', 'message', 'opened_at'])
      .where('opened_at', '>', after)
      .execute(),
  ]);
  const points: MapPoint[] = [];
  for (const c of complaints) {
    const venue = inScope(c.venue_id);
    if (!venue) continue;
    const data = JSON.parse(c.data) as { text?: string; location?: { lat: number; lng: number } };
    const where = data.location ?? venue.coordinates;
    const text = data.text ?? '';
    points.push({
      kind: 'complaint',
      id: c.id,
      venueId: venue.id,
      name: venue.name,
      lng: where.lng,
      lat: where.lat,
      at: c.created_at,
      text: text.length > 60 ? `${text.slice(0, 60)}…` : text,
    });
  }
  for (const a of alerts) {
    const venue = inScope(a.venue_id);
    if (!venue) continue;
    points.push({
      kind: a.source === 'violation' ? 'violation' : 'alert',
      id: a.id,
      venueId: venue.id,
      name: venue.name,
      lng: venue.coordinates.lng,
      lat: venue.coordinates.lat,
      at: a.opened_at,
      text: (JSON.parse(a.message) as { zh?: string }).zh ?? '',
    });
  }
  return points.sort((x, y) => x.at.localeCompare(y.at));
}
