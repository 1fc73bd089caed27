/**
 * Legal duties and operating procedures with read receipts. A duty reaches the venues of its kinds in its region
 * and the regions under it, including venues registered after it was published; a venue reads it once (the first
 * reader is kept).
 */
import {
  type Duty,
  type DutyCategory,
  type DutyInput,
  type DutyReceipts,
  type DutyUnreadVenue,
  VENUE_KINDS,
  type VenueDuty,
  type VenueKind,
} from '@brightkitchen/sdk';
import * as v from 'valibot';
import { type Database, type DutiesTable, newId, readJson, storedValue } from '../db/index.js';
import { AppError } from '../errors/index.js';
import { regionChain, regionsUnder } from '../regions/tree.js';

export type DutyRow = DutiesTable & { region_name: string };

const KindsSchema = v.array(v.picklist(VENUE_KINDS));

function kindsOf(row: Pick<DutiesTable, 'id' | 'kinds'>): VenueKind[] {
  return storedValue(readJson(KindsSchema, row.kinds, { table: 'duties', column: 'kinds', id: row.id }));
}

export function toDuty(row: DutyRow, coverage?: Duty['coverage']): Duty {
  return {
    id: row.id,
    regionId: row.region_id,
    regionName: row.region_name,
    category: row.category as DutyCategory,
    kinds: kindsOf(row),
    title: row.title,
    body: row.body,
    ...(row.basis ? { basis: row.basis } : {}),
    ...(row.link ? { link: row.link } : {}),
    publishedAt: row.created_at,
    ...(coverage ? { coverage } : {}),
  };
}

export async function publishDuty(
  { db }: Database,
  o: { readonly input: DutyInput; readonly publishedBy: string; readonly now: Date },
): Promise<DutyRow> {
  const { input } = o;
  const region = await db.selectFrom('regions').select('name').where('id', '=', input.regionId).executeTakeFirst();
  if (!region) throw new AppError('REGION_NOT_FOUND', { regionId: input.regionId });
  if (new Set(input.kinds).size !== input.kinds.length)
    throw new AppError('DUTY_KINDS_INVALID', { kinds: input.kinds });
  const row: DutiesTable = {
    id: newId('duty'),
    region_id: input.regionId,
    category: input.category,
    kinds: JSON.stringify(input.kinds),
    title: input.title,
    body: input.body,
    basis: input.basis ?? null,
    link: input.link ?? null,
    published_by: o.publishedBy,
    created_at: o.now.toISOString(),
  };
  await db.insertInto('duties').values(row).execute();
  return { ...row, region_name: region.name };
}

export async function loadDuty({ db }: Database, id: string): Promise<DutyRow> {
  const row = await db
    .selectFrom('duties')
    .innerJoin('regions', 'regions.id', 'duties.region_id')
    .selectAll('duties')
    .select('regions.name as region_name')
    .where('duties.id', '=', id)
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

/** The venues a duty concerns: of its kinds, in its region or under it, not archived. */
async function concernedVenues(database: Database, row: DutyRow) {
  const regions = await regionsUnder(database, [row.region_id]);
  return database.db
    .selectFrom('venues')
    .where('venues.region_id', 'in', regions)
    .where('venues.kind', 'in', kindsOf(row))
    .where('venues.archived_at', 'is', null);
}

/** How many venues it concerns and how many of them have read it. */
export async function coverageOf(database: Database, row: DutyRow): Promise<{ venues: number; read: number }> {
  const venues = await concernedVenues(database, row);
  const counted = await venues
    .leftJoin('duty_receipts', (join) =>
      join.onRef('duty_receipts.venue_id', '=', 'venues.id').on('duty_receipts.duty_id', '=', row.id),
    )
    .select((eb) => [
      eb.fn.countAll<number | string>().as('venues'),
      eb.fn.count<number | string>('duty_receipts.venue_id').as('read'),
    ])
    .executeTakeFirst();
  return { venues: Number(counted?.venues ?? 0), read: Number(counted?.read ?? 0) };
}

/** Coverage and up to `limit` venues that have not read it, by name. */
export async function receiptsOf(database: Database, row: DutyRow, limit: number): Promise<DutyReceipts> {
  const coverage = await coverageOf(database, row);
  const venues = await concernedVenues(database, row);
  const unread = await venues
    .innerJoin('regions', 'regions.id', 'venues.region_id')
    .select([
      'venues.id as venueId',
      'venues.name as venueName',
      'venues.kind as kind',
      'venues.region_id as regionId',
      'regions.name as regionName',
    ])
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('duty_receipts')
            .select('duty_receipts.venue_id')
            .whereRef('duty_receipts.venue_id', '=', 'venues.id')
            .where('duty_receipts.duty_id', '=', row.id),
        ),
      ),
    )
    .orderBy('venues.name')
    .orderBy('venues.id')
    .limit(limit)
    .execute();
  return {
    dutyId: row.id,
    ...coverage,
    unread: coverage.venues - coverage.read,
    unreadVenues: unread as DutyUnreadVenue[],
  };
}

/** The duties of a venue (its region's and those above, of its kind), unread first, then the newest first. */
export async function dutiesOfVenue(
  database: Database,
  venue: { readonly id: string; readonly region_id: string; readonly kind: string },
): Promise<VenueDuty[]> {
  const chain = await regionChain(database, venue.region_id);
  const rows = await database.db
    .selectFrom('duties')
    .innerJoin('regions', 'regions.id', 'duties.region_id')
    .leftJoin('duty_receipts', (join) =>
      join.onRef('duty_receipts.duty_id', '=', 'duties.id').on('duty_receipts.venue_id', '=', venue.id),
    )
    .leftJoin('users', 'users.id', 'duty_receipts.user_id')
    .selectAll('duties')
    .select(['regions.name as region_name', 'duty_receipts.read_at', 'users.display_name as reader'])
    .where('duties.region_id', 'in', chain)
    .orderBy('duties.created_at', 'desc')
    .limit(500)
    .execute();
  const mine = rows
    .filter((r) => (kindsOf(r) as string[]).includes(venue.kind))
    .map(
      (r): VenueDuty => ({
        ...toDuty(r),
        ...(r.read_at ? { readAt: r.read_at } : {}),
        ...(r.read_at && r.reader ? { readBy: r.reader } : {}),
      }),
    );
  return [...mine.filter((d) => !d.readAt), ...mine.filter((d) => d.readAt)];
}

/** Records the venue's read (the first is kept) and answers the duty as the venue now sees it. */
export async function markRead(
  database: Database,
  venue: { readonly id: string; readonly region_id: string; readonly kind: string },
  dutyId: string,
  userId: string,
  now: Date,
): Promise<VenueDuty> {
  const duty = (await dutiesOfVenue(database, venue)).find((d) => d.id === dutyId);
  // A duty of another region or kind is not this venue's: as if it did not exist.
  if (!duty) throw new AppError('NOT_FOUND');
  if (duty.readAt) return duty;
  await database.db
    .insertInto('duty_receipts')
    .values({ duty_id: dutyId, venue_id: venue.id, user_id: userId, read_at: now.toISOString() })
    .onConflict((oc) => oc.columns(['duty_id', 'venue_id']).doNothing())
    .execute();
  const after = (await dutiesOfVenue(database, venue)).find((d) => d.id === dutyId);
  return after ?? duty;
}
