/**
 * The compact public profile behind a venue's QR code (SDK `PublicVenueProfile`): aggregates only —
 * counts of today's ledgers and of recent violations, never a staff name or health datum.
 */
import {
  type LiveVideo,
  licenceStatus,
  localDay,
  type PublicVenueProfile,
  type VenueKind,
  VIOLATION_TYPES_OR_UNKNOWN,
  type ViolationCounts,
  type ViolationTypeOrUnknown,
} from '@brightkitchen/sdk';
import { sql } from 'kysely';
import type { CorruptValueLog, Database, VenuesTable } from '../db/index.js';
import { gradeOf, inspectionsForGrading } from '../inspections/index.js';
import { ledgersToday } from '../ledgers/index.js';
import { listStatusOf } from '../listings/store.js';
import { ratingSummary } from '../ratings/service.js';
import { toVenue } from '../venues/index.js';

const DAY_MS = 86_400_000;
const KNOWN_TYPES: ReadonlySet<string> = new Set(VIOLATION_TYPES_OR_UNKNOWN);

/** AI-recognised violations (alerts of source `violation`) by type over the last 7 and 30 days, one query. */
async function violationCounts({ db }: Database, venueId: string, now: Date) {
  const since7 = new Date(now.getTime() - 7 * DAY_MS).toISOString();
  const since30 = new Date(now.getTime() - 30 * DAY_MS).toISOString();
  const rows = await db
    .selectFrom('alerts')
    .select((eb) => [
      'type',
      eb.fn.countAll<number>().as('d30'),
      sql<number>`sum(case when opened_at >= ${since7} then 1 else 0 end)`.as('d7'),
    ])
    .where('venue_id', '=', venueId)
    .where('source', '=', 'violation')
    .where('opened_at', '>=', since30)
    .groupBy('type')
    .execute();
  const last7Days: Partial<Record<ViolationTypeOrUnknown, number>> = {};
  const last30Days: Partial<Record<ViolationTypeOrUnknown, number>> = {};
  for (const row of rows) {
    const type = (KNOWN_TYPES.has(row.type) ? row.type : 'unknown') as ViolationTypeOrUnknown;
    const d7 = Number(row.d7 ?? 0);
    last30Days[type] = (last30Days[type] ?? 0) + Number(row.d30);
    if (d7 > 0) last7Days[type] = (last7Days[type] ?? 0) + d7;
  }
  return { last7Days: last7Days as ViolationCounts, last30Days: last30Days as ViolationCounts };
}

/** The live kitchen when no camera channel is public (and what callers without the media engine pass). */
export const NO_LIVE_VIDEO: LiveVideo = { available: false, channels: [] };

export async function buildPublicProfile(
  database: Database,
  row: VenuesTable,
  log: CorruptValueLog,
  now: Date = new Date(),
  liveVideo: LiveVideo = NO_LIVE_VIDEO,
): Promise<PublicVenueProfile> {
  const venue = toVenue(row);
  const today = localDay(now, row.time_zone);
  const [rating, ledgers, violations, inspections, listStatus] = await Promise.all([
    ratingSummary(database, row.id),
    ledgersToday(database, row, log, now),
    violationCounts(database, row.id, now),
    inspectionsForGrading(database, [row.id], today, log),
    listStatusOf(database, row),
  ]);
  return {
    venueId: row.id,
    publicCode: row.public_code,
    regionId: row.region_id,
    name: row.name,
    kind: row.kind as VenueKind,
    licence: { status: licenceStatus(venue.licence.expiresOn, today) },
    grade: gradeOf(venue, inspections.get(row.id) ?? [], today),
    // Its place on the newest red/black lists published for its region (or one above it).
    listStatus,
    rating,
    ledgersToday: ledgers,
    violations,
    liveVideo,
  };
}
