/**
 * Complaints and notices over a range: counts by state, district and local day; how fast operators answer
 * notices (p50/p90 hours); and the overdue ones — a complaint still `submitted`, a notice still `sent`, after
 * RESPONSE_DUE_DAYS.
 */
import type { ComplaintsReport } from '@brightkitchen/sdk/warehouse';
import { RESPONSE_DUE_DAYS } from '@brightkitchen/sdk/warehouse';
import type { Database } from '../db/index.js';
import type { VenueDirectory } from './directory.js';
import { LocalClock } from './local-clock.js';
import { bump, type DayRange, keyed, percentile } from './range.js';
import type { RegionSet } from './scope.js';
import { venuesInRegionsSql } from './sql-scope.js';

const HOUR = 3_600_000;
const LIST_MAX = 100;

/** Complaints still `submitted` and notices still `sent` past their due day, and how many. */
export async function overdueResponses(
  { db }: Database,
  directory: VenueDirectory,
  regions: RegionSet,
  now: number,
): Promise<ComplaintsReport['overdue']> {
  const due = new Date(now - RESPONSE_DUE_DAYS * 24 * HOUR).toISOString();
  const [complaints, notices] = await Promise.all([
    db
      .selectFrom('complaints')
      .select(['id', 'venue_id', 'state', 'created_at'])
      .where('state', '=', 'submitted')
      .where('created_at', '<', due)
      .where(venuesInRegionsSql(regions, 'venue_id'))
      .execute(),
    db
      .selectFrom('notices')
      .select(['id', 'venue_id', 'state', 'created_at'])
      .where('state', '=', 'sent')
      .where('created_at', '<', due)
      .where(venuesInRegionsSql(regions, 'venue_id'))
      .execute(),
  ]);
  const out: ComplaintsReport['overdue'] = [];
  for (const [what, rows] of [
    ['complaint', complaints],
    ['notice', notices],
  ] as const) {
    for (const r of rows) {
      const v = directory.byId.get(r.venue_id);
      if (v)
        out.push({
          id: r.id,
          what,
          venueId: v.id,
          name: v.name,
          regionId: v.regionId,
          state: r.state,
          createdAt: r.created_at,
        });
    }
  }
  return out.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

export async function complaintsReport(
  database: Database,
  directory: VenueDirectory,
  regions: RegionSet,
  range: DayRange,
  now: number,
): Promise<ComplaintsReport> {
  const { db } = database;
  const inRange = <T extends 'complaints' | 'notices'>(table: T) =>
    db
      .selectFrom(table as 'notices')
      .where('created_at', '>=', range.fromInstant)
      .where('created_at', '<', range.untilInstant)
      .where(venuesInRegionsSql(regions, 'venue_id'));
  const [complaints, notices, overdue] = await Promise.all([
    inRange('complaints').select(['venue_id', 'state', 'created_at']).execute(),
    inRange('notices').select(['venue_id', 'state', 'created_at', 'answered_at']).execute(),
    overdueResponses(database, directory, regions, now),
  ]);
  const clock = new LocalClock();
  const byDay = new Map(range.days.map((d) => [d, { complaints: 0, notices: 0 }]));
  const byDistrict = new Map<string, { complaints: number; notices: number }>();
  const states = { complaints: new Map<string, number>(), notices: new Map<string, number>() };
  const answerHours: number[] = [];
  for (const [what, rows] of [
    ['complaints', complaints],
    ['notices', notices],
  ] as const) {
    for (const r of rows) {
      const venue = directory.byId.get(r.venue_id);
      if (!venue) continue;
      bump(states[what], r.state);
      const district = byDistrict.get(venue.regionId) ?? { complaints: 0, notices: 0 };
      district[what] += 1;
      byDistrict.set(venue.regionId, district);
      const day = byDay.get(clock.dayHour(r.created_at, venue.timeZone).day);
      if (day) day[what] += 1;
      if ('answered_at' in r && r.answered_at)
        answerHours.push((Date.parse(r.answered_at) - Date.parse(r.created_at)) / HOUR);
    }
  }
  answerHours.sort((a, b) => a - b);
  const hours = (h: number | null) => (h === null ? null : Math.round(h * 10) / 10);
  return {
    from: range.from,
    to: range.to,
    complaints: complaints.length,
    notices: notices.length,
    complaintsByState: keyed(states.complaints),
    noticesByState: keyed(states.notices),
    byDistrict: [...byDistrict].map(([regionId, c]) => ({
      regionId,
      name: directory.regionNames.get(regionId) ?? regionId,
      ...c,
    })),
    byDay: [...byDay].map(([day, c]) => ({ day, ...c })),
    answerP50Hours: hours(percentile(answerHours, 0.5)),
    answerP90Hours: hours(percentile(answerHours, 0.9)),
    overdue: overdue.slice(0, LIST_MAX),
  };
}
