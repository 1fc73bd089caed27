/**
 * Devices: how many report in (online as last reported, or seen in the last 15 minutes when the protocol has
 * no presence), and equipped venues whose devices are silent or which lack a required one (a camera; a
 * thermometer in the fridge).
 */
import type { LocationKind } from '@brightkitchen/sdk';
import type { DevicesReport, RequiredDeviceCode } from '@brightkitchen/sdk/warehouse';
import type { Database } from '../db/index.js';
import type { VenueDirectory } from './directory.js';
import type { RegionSet } from './scope.js';
import { venuesInRegionsSql } from './sql-scope.js';

const SEEN_WINDOW_MS = 15 * 60_000;
const LIST_MAX = 100;

export interface DeviceRow {
  id: string;
  venue_id: string;
  kind: string;
  location_kind: string;
  name: string;
  online: number | null;
  last_seen_at: string | null;
}

export async function deviceRows({ db }: Database, regions: RegionSet): Promise<DeviceRow[]> {
  return db
    .selectFrom('devices')
    .leftJoin('device_status', 'device_status.device_id', 'devices.id')
    .select(['devices.id', 'venue_id', 'kind', 'location_kind', 'name', 'online', 'last_seen_at'])
    .where('disabled_at', 'is', null)
    .where(venuesInRegionsSql(regions, 'devices.venue_id'))
    .execute();
}

export function isOnline(d: Pick<DeviceRow, 'online' | 'last_seen_at'>, now: number): boolean {
  if (d.online !== null) return d.online === 1;
  return d.last_seen_at !== null && now - Date.parse(d.last_seen_at) < SEEN_WINDOW_MS;
}

function missingOf(devices: readonly DeviceRow[]): RequiredDeviceCode[] {
  const missing: RequiredDeviceCode[] = [];
  if (!devices.some((d) => d.kind === 'camera' || d.kind === 'nvr')) missing.push('camera');
  if (!devices.some((d) => d.kind === 'sensor' && d.location_kind === 'fridge')) missing.push('fridge_sensor');
  return missing;
}

export async function devicesReport(
  database: Database,
  directory: VenueDirectory,
  regions: RegionSet,
  now: number,
): Promise<DevicesReport> {
  const rows = await deviceRows(database, regions);
  const perVenue = new Map<string, DeviceRow[]>();
  const byDistrict = new Map<string, { devices: number; online: number }>();
  let online = 0;
  for (const d of rows) {
    perVenue.set(d.venue_id, [...(perVenue.get(d.venue_id) ?? []), d]);
    const venue = directory.byId.get(d.venue_id);
    if (!venue) continue;
    const up = isOnline(d, now) ? 1 : 0;
    online += up;
    const district = byDistrict.get(venue.regionId) ?? { devices: 0, online: 0 };
    district.devices += 1;
    district.online += up;
    byDistrict.set(venue.regionId, district);
  }
  const venues: DevicesReport['venues'] = [];
  for (const [venueId, devices] of perVenue) {
    const venue = directory.byId.get(venueId);
    if (!venue) continue;
    const silent = devices
      .filter((d) => !isOnline(d, now))
      .map((d) => ({
        deviceId: d.id,
        name: d.name,
        kind: d.kind,
        locationKind: d.location_kind as LocationKind,
        lastSeenAt: d.last_seen_at,
      }));
    const missing = missingOf(devices);
    if (silent.length > 0 || missing.length > 0) {
      venues.push({ venueId, name: venue.name, regionId: venue.regionId, silent, missing });
    }
  }
  venues.sort((a, b) => b.silent.length + b.missing.length - (a.silent.length + a.missing.length));
  return {
    devices: rows.length,
    online,
    rate: rows.length === 0 ? 0 : Math.round((online / rows.length) * 10_000) / 10_000,
    equippedVenues: perVenue.size,
    byDistrict: [...byDistrict].map(([regionId, c]) => ({
      regionId,
      name: directory.regionNames.get(regionId) ?? regionId,
      ...c,
    })),
    venues: venues.slice(0, LIST_MAX),
  };
}
