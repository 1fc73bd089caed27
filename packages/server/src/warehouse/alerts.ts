/**
 * Alerts and AI violations over a range: by type, source, district, local hour and day; repeat offenders; how
 * fast each venue acknowledges and resolves (who ignores alarms); and alerts still open past the manager.
 */
import { DEFAULT_ESCALATION_POLICY, type EscalationLevel, escalationLevelFor, type Severity } from '@brightkitchen/sdk';
import type { AlertsReport, OverdueAlert, Responsiveness } from '@brightkitchen/sdk/warehouse';
import type { Database } from '../db/index.js';
import type { VenueDirectory } from './directory.js';
import { LocalClock } from './local-clock.js';
import { bump, type DayRange, keyed, percentile } from './range.js';
import type { RegionSet } from './scope.js';
import { venuesInRegionsSql } from './sql-scope.js';

const MINUTE = 60_000;
/** An alert type repeated this often at one venue makes it a repeat offender. */
const REPEAT_AT = 3;
const LIST_MAX = 50;

/** Who the reminders of an unresolved alert reach by now (the policy's level for the reminders due so far). */
export function levelNow(severity: Severity, openedAt: string, now: number): EscalationLevel {
  const rule = DEFAULT_ESCALATION_POLICY[severity];
  if (!rule.repeatIntervalMs) return 'manager';
  const repeats = Math.floor((now - Date.parse(openedAt)) / rule.repeatIntervalMs);
  return escalationLevelFor(rule, Math.min(repeats, rule.maxRepeats ?? repeats));
}

const minutes = (ms: number | null) => (ms === null ? null : Math.round((ms / MINUTE) * 10) / 10);

/** Unresolved alerts whose reminders have gone past the manager, oldest first. */
export async function overdueAlerts(
  { db }: Database,
  directory: VenueDirectory,
  regions: RegionSet,
  now: number,
  limit = LIST_MAX,
): Promise<{ count: number; items: OverdueAlert[] }> {
  const open = await db
    .selectFrom('alerts')
    .leftJoin('alert_snapshots', 'alert_snapshots.alert_id', 'alerts.id')
    .select(['alerts.id', 'venue_id', 'type', 'severity', 'state', 'opened_at', 'alert_snapshots.alert_id as snap'])
    .where('state', '<>', 'resolved')
    .where(venuesInRegionsSql(regions, 'alerts.venue_id'))
    .orderBy('opened_at')
    .execute();
  const items: OverdueAlert[] = [];
  for (const a of open) {
    const venue = directory.byId.get(a.venue_id);
    const level = levelNow(a.severity as Severity, a.opened_at, now);
    if (!venue || level === 'manager') continue;
    items.push({
      alertId: a.id,
      venueId: venue.id,
      name: venue.name,
      regionId: venue.regionId,
      type: a.type,
      severity: a.severity as Severity,
      state: a.state,
      openedAt: a.opened_at,
      level,
      hasSnapshot: a.snap !== null,
    });
  }
  return { count: items.length, items: items.slice(0, limit) };
}

export async function alertsReport(
  database: Database,
  directory: VenueDirectory,
  regions: RegionSet,
  range: DayRange,
  now: number,
): Promise<AlertsReport> {
  const rows = await database.db
    .selectFrom('alerts')
    .select(['venue_id', 'source', 'type', 'opened_at', 'acknowledged_at', 'resolved_at'])
    .where('opened_at', '>=', range.fromInstant)
    .where('opened_at', '<', range.untilInstant)
    .where(venuesInRegionsSql(regions, 'venue_id'))
    .execute();
  const clock = new LocalClock();
  const byType = new Map<string, number>();
  const bySource = new Map<string, number>();
  const byDistrict = new Map<string, { count: number; violations: number }>();
  const byDay = new Map(range.days.map((d) => [d, { count: 0, violations: 0 }]));
  const byHour = Array.from({ length: 24 }, () => 0);
  const perVenueType = new Map<string, number>();
  const times = new Map<string, { ack: number[]; resolve: number[]; alerts: number; unacknowledged: number }>();
  let violations = 0;
  for (const a of rows) {
    const venue = directory.byId.get(a.venue_id);
    if (!venue) continue;
    const isViolation = a.source === 'violation' ? 1 : 0;
    violations += isViolation;
    bump(byType, a.type);
    bump(bySource, a.source);
    const district = byDistrict.get(venue.regionId) ?? { count: 0, violations: 0 };
    district.count += 1;
    district.violations += isViolation;
    byDistrict.set(venue.regionId, district);
    const { day, hour } = clock.dayHour(a.opened_at, venue.timeZone);
    const d = byDay.get(day);
    if (d) {
      d.count += 1;
      d.violations += isViolation;
    }
    byHour[hour] = (byHour[hour] ?? 0) + 1;
    bump(perVenueType, `${a.venue_id}|${a.type}`);
    const t = times.get(a.venue_id) ?? { ack: [], resolve: [], alerts: 0, unacknowledged: 0 };
    t.alerts += 1;
    const opened = Date.parse(a.opened_at);
    const acked = a.acknowledged_at ?? a.resolved_at;
    if (acked) t.ack.push(Date.parse(acked) - opened);
    else t.unacknowledged += 1;
    if (a.resolved_at) t.resolve.push(Date.parse(a.resolved_at) - opened);
    times.set(a.venue_id, t);
  }

  const ref = (venueId: string) => {
    const v = directory.byId.get(venueId);
    return { venueId, name: v?.name ?? venueId, regionId: v?.regionId ?? '' };
  };
  const repeatOffenders = [...perVenueType]
    .filter(([, n]) => n >= REPEAT_AT)
    .map(([key, count]) => {
      const [venueId = '', type = ''] = key.split('|');
      return { ...ref(venueId), type, count };
    })
    .sort((a, b) => b.count - a.count)
    .slice(0, LIST_MAX);
  const responsiveness: Responsiveness[] = [...times]
    .map(([venueId, t]) => {
      const ack = t.ack.sort((x, y) => x - y);
      const resolve = t.resolve.sort((x, y) => x - y);
      return {
        ...ref(venueId),
        alerts: t.alerts,
        ackP50Minutes: minutes(percentile(ack, 0.5)),
        ackP90Minutes: minutes(percentile(ack, 0.9)),
        resolveP50Minutes: minutes(percentile(resolve, 0.5)),
        resolveP90Minutes: minutes(percentile(resolve, 0.9)),
        unacknowledged: t.unacknowledged,
      };
    })
    // Slowest first: unacknowledged alerts weigh as the slowest answer of all.
    .sort(
      (a, b) =>
        b.unacknowledged / b.alerts - a.unacknowledged / a.alerts || (b.ackP90Minutes ?? 0) - (a.ackP90Minutes ?? 0),
    )
    .slice(0, LIST_MAX);
  const overdue = await overdueAlerts(database, directory, regions, now);
  return {
    from: range.from,
    to: range.to,
    total: rows.length,
    violations,
    byType: keyed(byType),
    bySource: keyed(bySource),
    byDistrict: [...byDistrict].map(([regionId, c]) => ({
      regionId,
      name: directory.regionNames.get(regionId) ?? regionId,
      ...c,
    })),
    byHour,
    byDay: [...byDay].map(([day, c]) => ({ day, ...c })),
    repeatOffenders,
    responsiveness,
    overdue: overdue.items,
  };
}
