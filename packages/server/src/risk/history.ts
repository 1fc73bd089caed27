/**
 * Loads the venues' histories a ranking or a fit needs: everything from the longest look-back before `from`
 * (3 years of inspections, 90 days of the rest) up to `until`, grouped by venue and sorted by time.
 */
import { dayRequirements, REQUIREMENT_LEDGER_KINDS } from '@brightkitchen/sdk';
import type { Database } from '../db/index.js';
import type { DirectoryVenue } from '../warehouse/directory.js';
import { addDays } from '../warehouse/range.js';
import type { RegionSet } from '../warehouse/scope.js';
import { venuesInRegionsSql } from '../warehouse/sql-scope.js';
import { staffOnDuty } from '../warehouse/staff-on-duty.js';
import type { PastAlert, PastInspection, VenueHistory } from './features.js';

const LEDGER_KINDS_REQUIRED = [...new Set(Object.values(REQUIREMENT_LEDGER_KINDS))];

interface Mutable {
  inspections: PastInspection[];
  alerts: PastAlert[];
  ledgerDays: { day: string; records: number }[];
  reports: number[];
  ratings: { day: string; faces: number; dissatisfied: number }[];
}

/**
 * The histories of `venues` (all in `regions`) over [`from` − look-back, `until`), days local (`YYYY-MM-DD`).
 */
export async function loadHistories(
  database: Database,
  venues: readonly DirectoryVenue[],
  regions: RegionSet,
  from: string,
  until: string,
): Promise<Map<string, VenueHistory>> {
  const { db } = database;
  const scope = (column: string) => venuesInRegionsSql(regions, column);
  const since90 = new Date(Date.parse(`${addDays(from, -91)}T00:00:00Z`)).toISOString();
  const untilInstant = new Date(Date.parse(`${addDays(until, 1)}T00:00:00Z`)).toISOString();
  const [inspections, alerts, ledgerDays, complaints, notices, ratings, staff] = await Promise.all([
    db
      .selectFrom('inspections')
      .select(['venue_id', 'date', 'score', 'key_failures', 'other_failures'])
      .where('date', '>=', addDays(from, -3 * 366))
      .where('date', '<', until)
      .where(scope('venue_id'))
      .orderBy('date')
      .execute(),
    db
      .selectFrom('alerts')
      .select(['venue_id', 'opened_at', 'resolved_at', 'source', 'type'])
      .where('opened_at', '>=', since90)
      .where('opened_at', '<', untilInstant)
      .where(scope('venue_id'))
      .orderBy('opened_at')
      .execute(),
    db
      .selectFrom('ledger_records')
      .select(['venue_id', 'local_day', (eb) => eb.fn.countAll<number>().as('n')])
      .where('local_day', '>=', addDays(from, -31))
      .where('local_day', '<', until)
      .where('kind', 'in', LEDGER_KINDS_REQUIRED)
      .where(scope('venue_id'))
      .groupBy(['venue_id', 'local_day'])
      .execute(),
    db
      .selectFrom('complaints')
      .select(['venue_id', 'created_at'])
      .where('created_at', '>=', since90)
      .where('created_at', '<', untilInstant)
      .where(scope('venue_id'))
      .execute(),
    db
      .selectFrom('notices')
      .select(['venue_id', 'created_at'])
      .where('created_at', '>=', since90)
      .where('created_at', '<', untilInstant)
      .where(scope('venue_id'))
      .execute(),
    db
      .selectFrom('ratings')
      .select(['venue_id', 'local_day', 'dishes', 'hygiene', 'service'])
      .where('local_day', '>=', addDays(from, -91))
      .where('local_day', '<', until)
      .where(scope('venue_id'))
      .execute(),
    staffOnDuty(database, until),
  ]);

  const parts = new Map<string, Mutable>();
  const of = (venueId: string) => {
    let p = parts.get(venueId);
    if (!p) {
      p = { inspections: [], alerts: [], ledgerDays: [], reports: [], ratings: [] };
      parts.set(venueId, p);
    }
    return p;
  };
  for (const i of inspections) {
    of(i.venue_id).inspections.push({
      day: i.date,
      keyFailures: Number(i.key_failures),
      otherFailures: Number(i.other_failures),
      score: Number(i.score),
    });
  }
  for (const a of alerts) {
    of(a.venue_id).alerts.push({
      at: Date.parse(a.opened_at),
      resolvedAt: a.resolved_at ? Date.parse(a.resolved_at) : null,
      source: a.source,
      type: a.type,
    });
  }
  for (const d of ledgerDays) of(d.venue_id).ledgerDays.push({ day: d.local_day, records: Number(d.n) });
  for (const r of [...complaints, ...notices]) of(r.venue_id).reports.push(Date.parse(r.created_at));
  for (const r of ratings) {
    of(r.venue_id).ratings.push({
      day: r.local_day,
      faces: 3,
      dissatisfied: [r.dishes, r.hygiene, r.service].filter((f) => f === 'dissatisfied').length,
    });
  }

  const histories = new Map<string, VenueHistory>();
  for (const venue of venues) {
    const p = parts.get(venue.id) ?? { inspections: [], alerts: [], ledgerDays: [], reports: [], ratings: [] };
    const staffOnDuty = staff.get(venue.id) ?? 0;
    const expected =
      staffOnDuty === 0
        ? 0
        : dayRequirements({
            kind: venue.kind,
            staffOnDuty,
            meals: venue.meals,
            specialRooms: venue.specialRooms,
          }).reduce((s, r) => s + r.expected, 0);
    histories.set(venue.id, {
      kind: venue.kind,
      licenceIssuedOn: venue.licenceIssuedOn,
      licenceExpiresOn: venue.licenceExpiresOn,
      expectedRecordsPerDay: expected,
      ...p,
    });
  }
  return histories;
}
