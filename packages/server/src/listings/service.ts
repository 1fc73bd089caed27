/**
 * Computing, reviewing and publishing a region's red and black lists. A draft scores every venue in scope with the
 * SDK's documented formula (`scoreListing`, docs/listing.md) from fresh grades; a regulator may take a venue off
 * with a reason (kept with the set); publishing writes the members the public profile reads and refreshes the
 * venues' cached profiles on every instance.
 */
import { DEFAULT_TIME_ZONE, localDay } from '@brightkitchen/sdk';
import {
  type ListDraftInput,
  type ListEntry,
  type ListExclusionInput,
  type ListSet,
  scoreListing,
} from '@brightkitchen/sdk/listing';
import type { FastifyInstance } from 'fastify';
import { type CorruptValueLog, type Database, newId, toJson } from '../db/index.js';
import { AppError } from '../errors/index.js';
import { refreshGrades } from '../inspections/index.js';
import { profileCacheOf } from '../public-venues/profile-cache.js';
import { regionsUnder } from '../regions/tree.js';
import { venueDirectory, venuesIn } from '../warehouse/directory.js';
import { listingInputs } from './inputs.js';
import { periodDays } from './period.js';
import { publicListsCacheOf } from './public-cache.js';
import { listed, loadListSet, type StoredListData, toListSet } from './store.js';

/** Scores the venues of the draft's scope; stores and answers the draft. */
export async function computeDraft(
  database: Database,
  log: CorruptValueLog,
  computedBy: string,
  input: ListDraftInput,
  now: Date = new Date(),
): Promise<ListSet> {
  const period = periodDays(input.period, localDay(now, DEFAULT_TIME_ZONE));
  const regions = await regionsUnder(database, [input.regionId]);
  const directory = await venueDirectory(database, log);
  let venues = venuesIn(directory, new Set(regions));
  if (input.scope) {
    const strangers = input.scope.venueIds.filter((id) => !regions.includes(directory.byId.get(id)?.regionId ?? ''));
    if (strangers.length > 0) throw new AppError('LIST_SCOPE_INVALID', { venueIds: strangers.slice(0, 50) });
    const wanted = new Set(input.scope.venueIds);
    venues = venues.filter((venue) => wanted.has(venue.id));
  }
  await refreshGrades(database, { venueIds: venues.map((venue) => venue.id), now, log });
  const inputs = await listingInputs(database, venues, regions, period, now);
  const codes = await publicCodes(database, regions);
  const red: ListEntry[] = [];
  const black: ListEntry[] = [];
  for (const venue of venues) {
    const listing = inputs.get(venue.id);
    if (!listing) continue;
    const outcome = scoreListing(listing);
    if (!outcome.list) continue;
    (outcome.list === 'red' ? red : black).push({
      venueId: venue.id,
      name: venue.name,
      publicCode: codes.get(venue.id) ?? '',
      kind: venue.kind,
      regionId: venue.regionId,
      list: outcome.list,
      score: outcome.score,
      face: listing.face,
      reasons: [...outcome.reasons],
      factors: outcome.factors.map((f) => ({ ...f })),
    });
  }
  red.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name, 'zh-CN'));
  black.sort((a, b) => a.score - b.score || a.name.localeCompare(b.name, 'zh-CN'));
  const data: StoredListData = { ...period, venues: venues.length, red, black };
  const row = {
    id: newId('lst'),
    region_id: input.regionId,
    period: input.period,
    scope_name: input.scope?.name ?? '',
    state: 'draft',
    data: toJson(data),
    created_at: now.toISOString(),
    computed_by: computedBy,
    published_at: null,
    published_by: null,
  };
  await database.db.insertInto('list_sets').values(row).execute();
  return toListSet(row);
}

async function publicCodes({ db }: Database, regions: readonly string[]): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('venues')
    .select(['id', 'public_code'])
    .where('region_id', 'in', [...regions])
    .execute();
  return new Map(rows.map((row) => [row.id, row.public_code]));
}

/** Takes a venue off a draft's list, with the reason; it stays in the set, marked, so the decision is on record. */
export async function excludeVenue(
  database: Database,
  listId: string,
  excludedBy: string,
  input: ListExclusionInput,
  now: Date = new Date(),
): Promise<ListSet> {
  const row = await loadListSet(database, listId);
  if (row.state !== 'draft') throw new AppError('LIST_NOT_DRAFT');
  const set = toListSet(row);
  const mark = (entries: ListEntry[]) =>
    entries.map((entry) =>
      entry.venueId === input.venueId && entry.exclusion === undefined
        ? { ...entry, exclusion: { reason: input.reason, by: excludedBy, at: now.toISOString() } }
        : entry,
    );
  const red = mark(set.red);
  const black = mark(set.black);
  if (listed(red).length + listed(black).length === listed(set.red).length + listed(set.black).length) {
    throw new AppError('LIST_VENUE_NOT_LISTED', { venueId: input.venueId });
  }
  const data: StoredListData = { from: set.from, to: set.to, venues: set.venues, red, black };
  const updated = await database.db
    .updateTable('list_sets')
    .set({ data: toJson(data) })
    .where('id', '=', listId)
    .where('state', '=', 'draft')
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) throw new AppError('LIST_NOT_DRAFT');
  return toListSet({ ...row, data: toJson(data) });
}

function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/** Publishes a draft: one published set per region, period and scope. */
export async function publishDraft(
  database: Database,
  listId: string,
  publishedBy: string,
  now: Date = new Date(),
): Promise<ListSet> {
  const row = await loadListSet(database, listId);
  if (row.state !== 'draft') throw new AppError('LIST_NOT_DRAFT');
  const set = toListSet(row);
  const members = [...listed(set.red), ...listed(set.black)].map((entry) => ({
    list_id: listId,
    venue_id: entry.venueId,
    list: entry.list,
  }));
  try {
    await database.db.transaction().execute(async (trx) => {
      const updated = await trx
        .updateTable('list_sets')
        .set({ state: 'published', published_at: now.toISOString(), published_by: publishedBy })
        .where('id', '=', listId)
        .where('state', '=', 'draft')
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) === 0) throw new AppError('LIST_NOT_DRAFT');
      for (let i = 0; i < members.length; i += 500) {
        await trx
          .insertInto('list_members')
          .values(members.slice(i, i + 500))
          .execute();
      }
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('LIST_ALREADY_PUBLISHED', { period: row.period });
    throw error;
  }
  return toListSet(await loadListSet(database, listId));
}

/** After a publication every venue's cached profile may show a new list status: dropped here and on the others. */
export async function forgetPublishedLists(app: FastifyInstance): Promise<void> {
  profileCacheOf(app.ctx.database).clear();
  publicListsCacheOf(app.ctx.database).clear();
  await app.ctx.cluster.publish({ kind: 'lists' });
}
