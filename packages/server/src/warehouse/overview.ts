/** The overview's key figures: today's completion, devices, alerts, complaints, satisfaction, licences. */
import { licenceStatus, localDay, startOfLocalDay } from '@brightkitchen/sdk';
import type { Overview } from '@brightkitchen/sdk/warehouse';
import type { Database } from '../db/index.js';
import { overdueAlerts } from './alerts.js';
import { overdueResponses } from './complaints.js';
import { completionGaps } from './completion.js';
import { deviceRows, isOnline } from './devices.js';
import { type VenueDirectory, venuesIn } from './directory.js';
import { addDays } from './range.js';
import { satisfactionTotal } from './ratings.js';
import type { RegionSet } from './scope.js';
import { venuesInRegionsSql } from './sql-scope.js';

export async function overview(
  database: Database,
  directory: VenueDirectory,
  regions: RegionSet,
  now: Date,
  tz: string,
): Promise<Overview> {
  const { db } = database;
  const day = localDay(now, tz);
  const venues = venuesIn(directory, regions);
  const midnight = new Date(startOfLocalDay(day, tz)).toISOString();
  const [gaps, devices, openAlerts, todayAlerts, overdue, openComplaints, overdueReplies, satisfaction] =
    await Promise.all([
      completionGaps(database, venues, day),
      deviceRows(database, regions),
      db
        .selectFrom('alerts')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('state', '<>', 'resolved')
        .where(venuesInRegionsSql(regions, 'venue_id'))
        .executeTakeFirst(),
      db
        .selectFrom('alerts')
        .select(['source'])
        .where('opened_at', '>=', midnight)
        .where(venuesInRegionsSql(regions, 'venue_id'))
        .execute(),
      overdueAlerts(database, directory, regions, now.getTime(), 0),
      db
        .selectFrom('complaints')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('state', 'in', ['submitted', 'in_progress'])
        .where(venuesInRegionsSql(regions, 'venue_id'))
        .executeTakeFirst(),
      overdueResponses(database, directory, regions, now.getTime()),
      satisfactionTotal(database, regions, addDays(day, -29), day),
    ]);
  let expiring = 0;
  let expired = 0;
  for (const v of venues) {
    const status = licenceStatus(v.licenceExpiresOn, day);
    if (status === 'expiring') expiring += 1;
    if (status === 'expired') expired += 1;
  }
  return {
    day,
    venues: venues.length,
    enrolled: gaps.enrolled,
    equippedVenues: new Set(devices.map((d) => d.venue_id)).size,
    completionToday: gaps.completion.rate,
    venuesMissingToday: gaps.gaps.length,
    devices: devices.length,
    devicesOnline: devices.filter((d) => isOnline(d, now.getTime())).length,
    openAlerts: Number(openAlerts?.n ?? 0),
    overdueAlerts: overdue.count,
    alertsToday: todayAlerts.length,
    violationsToday: todayAlerts.filter((a) => a.source === 'violation').length,
    openComplaints: Number(openComplaints?.n ?? 0),
    overdueComplaints: overdueReplies.length,
    satisfaction30d: satisfaction,
    licencesExpiring: expiring,
    licencesExpired: expired,
  };
}
