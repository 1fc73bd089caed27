/** The `camera_channels` table: a venue's channels as the SDK describes them, read and written in one place. */
import {
  type CameraChannel,
  type CameraChannelInput,
  CameraChannelInputSchema,
  type CameraSource,
  type CameraState,
} from '@brightkitchen/sdk';
import type { CameraChannelsTable, Database } from '../db/index.js';
import { newId, nowIso, readJson, storedValue, toJson } from '../db/index.js';

/** A channel as stored: its id, venue and input, and since when its source has been down. */
export interface StoredChannel extends CameraChannelInput {
  readonly id: string;
  readonly venueId: string;
  /** The venue's zone: what its hours are read in. */
  readonly timeZone: string;
  readonly unavailableSince: string | null;
  readonly createdAt: string;
}

type ChannelRow = CameraChannelsTable & { readonly time_zone: string };

export function toStoredChannel(row: ChannelRow): StoredChannel {
  const input = storedValue(
    readJson(CameraChannelInputSchema, row.data, { table: 'camera_channels', column: 'data', id: row.id }),
  );
  return {
    ...input,
    id: row.id,
    venueId: row.venue_id,
    timeZone: row.time_zone,
    unavailableSince: row.unavailable_since,
    createdAt: row.created_at,
  };
}

/** `rtsp://admin:secret@cam/…` → `rtsp://admin:***@cam/…`: a source's password never leaves the server. */
export function maskSource(source: CameraSource): CameraSource {
  if (source.kind === 'gb28181') return source;
  return { ...source, url: source.url.replace(/^([a-z]+:\/\/[^:@/]*):[^@/]*@/i, '$1:***@') };
}

/** What the API answers: the stored channel with its password masked and the media engine's state. */
export function toCameraChannel(channel: StoredChannel, state: CameraState): CameraChannel {
  const { unavailableSince, source, timeZone: _zone, ...rest } = channel;
  return {
    ...rest,
    source: maskSource(source),
    state: unavailableSince ? 'unavailable' : state,
    ...(unavailableSince ? { unavailableSince } : {}),
  };
}

const withZone = ({ db }: Database) =>
  db
    .selectFrom('camera_channels')
    .innerJoin('venues', 'venues.id', 'camera_channels.venue_id')
    .selectAll('camera_channels')
    .select('venues.time_zone');

export async function listChannels(database: Database, venueId: string): Promise<StoredChannel[]> {
  const rows = await withZone(database)
    .where('camera_channels.venue_id', '=', venueId)
    .orderBy('camera_channels.created_at')
    .execute();
  return rows.map(toStoredChannel);
}

export async function findChannel(database: Database, channelId: string): Promise<StoredChannel | undefined> {
  const row = await withZone(database).where('camera_channels.id', '=', channelId).executeTakeFirst();
  return row ? toStoredChannel(row) : undefined;
}

/** Every channel the platform records (the media engine keeps these streaming). */
export async function recordedChannels(database: Database): Promise<StoredChannel[]> {
  const rows = await withZone(database).execute();
  return rows.map(toStoredChannel).filter((c) => c.record);
}

export async function insertChannel(
  { db }: Database,
  venue: { readonly id: string; readonly time_zone: string },
  input: CameraChannelInput,
): Promise<StoredChannel> {
  const now = nowIso();
  const venueId = venue.id;
  const row: CameraChannelsTable = {
    id: newId('cam'),
    venue_id: venueId,
    data: toJson(input),
    is_public: input.public ? 1 : 0,
    unavailable_since: null,
    created_at: now,
    updated_at: now,
  };
  await db.insertInto('camera_channels').values(row).execute();
  return toStoredChannel({ ...row, time_zone: venue.time_zone });
}

export async function replaceChannel(
  { db }: Database,
  channel: StoredChannel,
  input: CameraChannelInput,
): Promise<StoredChannel> {
  await db
    .updateTable('camera_channels')
    .set({ data: toJson(input), is_public: input.public ? 1 : 0, updated_at: nowIso() })
    .where('id', '=', channel.id)
    .execute();
  return { ...channel, ...input };
}

export async function deleteChannel({ db }: Database, channelId: string): Promise<void> {
  await db.deleteFrom('camera_channels').where('id', '=', channelId).execute();
}

/** Records (or clears, with null) since when the channel's source has been unreachable. */
export async function markUnavailable({ db }: Database, channelId: string, since: string | null): Promise<void> {
  await db.updateTable('camera_channels').set({ unavailable_since: since }).where('id', '=', channelId).execute();
}

/** The channel's input part (what PATCH merges into). */
export function inputOf(channel: StoredChannel): CameraChannelInput {
  const { id: _id, venueId: _venue, timeZone: _zone, unavailableSince: _down, createdAt: _created, ...input } = channel;
  return input;
}
