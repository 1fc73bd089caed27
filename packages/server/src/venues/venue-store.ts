/** Venues: the SDK's `Venue` object kept whole in `data`, with the columns lists filter and scope on. */
import { type Venue, type VenueInput, VenueSchema } from '@brightkitchen/sdk';
import {
  type Database,
  newId,
  newPublicCode,
  nowIso,
  readJson,
  storedValue,
  toJson,
  type VenuesTable,
} from '../db/index.js';
import { AppError } from '../errors/index.js';

/** The stored venue; throws `CorruptStoredValue` when its `data` is not a venue (see `readEach` for lists). */
export function toVenue(row: Pick<VenuesTable, 'id' | 'data'>): Venue {
  return storedValue(readJson(VenueSchema, row.data, { table: 'venues', column: 'data', id: row.id }));
}

async function assertRegion({ db }: Database, regionId: string): Promise<void> {
  const region = await db.selectFrom('regions').select('id').where('id', '=', regionId).executeTakeFirst();
  if (!region) {
    throw new AppError('VALIDATION_FAILED', {
      issues: [
        { code: 'FIELD_NOT_FOUND', path: 'regionId', message: { zh: '地区不存在', en: 'The region does not exist' } },
      ],
    });
  }
}

async function assertPublicCodeFree({ db }: Database, publicCode: string, exceptId?: string): Promise<void> {
  let q = db.selectFrom('venues').select('id').where('public_code', '=', publicCode);
  if (exceptId) q = q.where('id', '<>', exceptId);
  if (await q.executeTakeFirst()) throw new AppError('CONFLICT', { field: 'publicCode' });
}

/** The `venues` row of a new venue: the SDK object as JSON plus the columns used to filter and scope. */
export function venueRow(venue: Venue, at: string): Omit<VenuesTable, 'licence_no'> & { licence_no: string | null } {
  return {
    id: venue.id,
    region_id: venue.regionId,
    public_code: venue.publicCode,
    name: venue.name,
    kind: venue.kind,
    time_zone: venue.timeZone,
    data: toJson(venue),
    licence_no: venue.licence.number,
    archived_at: null,
    created_at: at,
    updated_at: at,
  };
}

/**
 * The licence number as the import key (`licence_no`), or null when another venue already holds it: the first
 * venue with a number keeps the key (as migration 044 decided for older rows).
 */
async function licenceKey({ db }: Database, number: string, exceptId?: string): Promise<string | null> {
  let q = db.selectFrom('venues').select('id').where('licence_no', '=', number);
  if (exceptId) q = q.where('id', '<>', exceptId);
  return (await q.executeTakeFirst()) ? null : number;
}

export async function createVenue(database: Database, input: VenueInput): Promise<Venue> {
  await assertRegion(database, input.regionId);
  const publicCode = input.publicCode ?? newPublicCode();
  await assertPublicCodeFree(database, publicCode);
  const venue: Venue = { ...input, id: newId('ven'), publicCode };
  const now = nowIso();
  const row = { ...venueRow(venue, now), licence_no: await licenceKey(database, venue.licence.number) };
  await database.db.insertInto('venues').values(row).execute();
  return venue;
}

export async function updateVenue(database: Database, current: Venue, patch: Partial<VenueInput>): Promise<Venue> {
  if (patch.regionId && patch.regionId !== current.regionId) await assertRegion(database, patch.regionId);
  if (patch.publicCode && patch.publicCode !== current.publicCode) {
    await assertPublicCodeFree(database, patch.publicCode, current.id);
  }
  const venue: Venue = { ...current, ...patch, id: current.id } as Venue;
  // The same columns as a new venue's row, but never its id, creation time or archive state.
  const { id: _id, created_at: _created, archived_at: _archived, ...columns } = venueRow(venue, nowIso());
  columns.licence_no = await licenceKey(database, venue.licence.number, current.id);
  await database.db.updateTable('venues').set(columns).where('id', '=', current.id).execute();
  return venue;
}
