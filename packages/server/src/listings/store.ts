/**
 * List sets as stored: the SDK's `ListSet` entries in `data` (JSON), the columns a query filters on, and the
 * published members the public profile reads.
 */

import { type ListKind, PUBLIC_LIST_MAX, type PublicLists } from '@brightkitchen/sdk';
import { LISTING_REASON_MESSAGES, type ListEntry, type ListSet, ListSetSchema } from '@brightkitchen/sdk/listing';
import * as v from 'valibot';
import { type Database, type ListSetsTable, readJson, storedValue } from '../db/index.js';
import { AppError } from '../errors/index.js';
import { regionChain } from '../regions/tree.js';

const StoredDataSchema = v.pick(ListSetSchema, ['from', 'to', 'venues', 'red', 'black']);
/** What `data` holds. */
export type StoredListData = v.InferOutput<typeof StoredDataSchema>;

export function toListSet(row: ListSetsTable): ListSet {
  const data = storedValue(readJson(StoredDataSchema, row.data, { table: 'list_sets', column: 'data', id: row.id }));
  return {
    id: row.id,
    regionId: row.region_id,
    period: row.period,
    scopeName: row.scope_name === '' ? null : row.scope_name,
    state: row.state === 'published' ? 'published' : 'draft',
    computedAt: row.created_at,
    computedBy: row.computed_by,
    publishedAt: row.published_at,
    publishedBy: row.published_by,
    ...data,
  };
}

export async function loadListSet({ db }: Database, id: string): Promise<ListSetsTable> {
  const row = await db.selectFrom('list_sets').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

/** The entries still listed (not excluded). */
export function listed(entries: readonly ListEntry[]): ListEntry[] {
  return entries.filter((entry) => entry.exclusion === undefined);
}

/** The newest published set of the region or, failing that, of the nearest region above it. */
async function latestPublished(database: Database, regionId: string): Promise<ListSetsTable | undefined> {
  for (const id of await regionChain(database, regionId)) {
    const row = await database.db
      .selectFrom('list_sets')
      .selectAll()
      .where('region_id', '=', id)
      .where('state', '=', 'published')
      .orderBy('published_at', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (row) return row;
  }
  return undefined;
}

const NONE: PublicLists = {
  regionId: null,
  period: null,
  scopeName: null,
  publishedAt: null,
  from: null,
  to: null,
  red: [],
  black: [],
  redCount: 0,
  blackCount: 0,
};

/** `GET /v1/public/lists`: what consumers see — names, codes, faces, scores and reasons, nothing private. */
export async function publicLists(database: Database, regionId: string): Promise<PublicLists> {
  const row = await latestPublished(database, regionId);
  if (!row) return NONE;
  const set = toListSet(row);
  const red = listed(set.red);
  const black = listed(set.black);
  const show = (entry: ListEntry) => ({
    name: entry.name,
    publicCode: entry.publicCode,
    kind: entry.kind,
    list: entry.list,
    score: entry.score,
    face: entry.face,
    reasons: entry.reasons.map((reason) => LISTING_REASON_MESSAGES[reason]),
  });
  return {
    regionId: set.regionId,
    period: set.period,
    scopeName: set.scopeName,
    publishedAt: set.publishedAt,
    from: set.from,
    to: set.to,
    red: red.slice(0, PUBLIC_LIST_MAX).map(show),
    black: black.slice(0, PUBLIC_LIST_MAX).map(show),
    redCount: red.length,
    blackCount: black.length,
  };
}

/**
 * A venue's `listStatus`: its place on the newest lists published for its region or a region above it (null when
 * those lists do not name it, or none were published).
 */
export async function listStatusOf(
  database: Database,
  venue: { id: string; region_id: string },
): Promise<ListKind | null> {
  const row = await latestPublished(database, venue.region_id);
  if (!row) return null;
  const member = await database.db
    .selectFrom('list_members')
    .select('list')
    .where('list_id', '=', row.id)
    .where('venue_id', '=', venue.id)
    .executeTakeFirst();
  return member?.list === 'red' || member?.list === 'black' ? member.list : null;
}
