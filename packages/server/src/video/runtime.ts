/**
 * The live kitchen on this instance: the media engine, the play-URL signer, the public profile's `liveVideo`,
 * playbacks, stills, the outage alert and the recordings' purge. `registerVideo` starts it with the app and stops
 * every ffmpeg when the app closes.
 */
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CAMERA_ALARM_TYPES, type LiveVideo, PLAYBACK_MAX_MINUTES, type Playback } from '@brightkitchen/sdk';
import type { FastifyInstance } from 'fastify';
import type { VenuesTable } from '../db/index.js';
import { AppError } from '../errors/index.js';
import { listChannels, type StoredChannel } from './channel-store.js';
import { VideoEngine } from './engine.js';
import { HOUR_DIR, SEGMENT_NAME, snapshotArgs } from './ffmpeg-args.js';
import { liveExpiry, PlayTokens } from './play-token.js';
import { purgeHoursBefore, segmentsBetween } from './recordings.js';
import { showHoursOf, withinHours } from './show-hours.js';

export interface VideoRuntime {
  readonly engine: VideoEngine;
  readonly tokens: PlayTokens;
  /** The public profile's live kitchen: signed URLs of the public channels within their hours. */
  liveVideoOf(venue: Pick<VenuesTable, 'id' | 'time_zone' | 'public_code'>, now?: Date): Promise<LiveVideo>;
  /** A signed playlist of a past range of the channel's recording. */
  playback(channel: StoredChannel, fromIso: string, toIso: string, now?: Date): Playback;
  /** The newest still of the venue's public channels (JPEG), if any was recorded. */
  still(venueId: string): Promise<Buffer | undefined>;
}

declare module 'fastify' {
  interface FastifyInstance {
    video: VideoRuntime;
  }
}

const SWEEP_MS = 5_000;
const PURGE_MS = 3600_000;

export function registerVideo(app: FastifyInstance): VideoRuntime {
  const { config, database } = app.ctx;
  const settings = config.video;
  const tokens = new PlayTokens(config.tokenSecret);
  const root = join(config.dataDir, 'video');
  const engine = new VideoEngine({
    config: settings,
    database,
    root,
    log: (message) => app.log.warn(message),
  });
  const url = (path: string) => `${settings.playBase}${path}`;
  // A still costs an ffmpeg run: one per venue a minute, however many scan.
  const stills = new Map<string, { at: number; bytes: Promise<Buffer | undefined> }>();

  const runtime: VideoRuntime = {
    engine,
    tokens,
    async liveVideoOf(venue, now = new Date()) {
      const channels = (await listChannels(database, venue.id)).filter((c) => c.public);
      if (channels.length === 0) return { available: false, channels: [] };
      // The hours a consumer is told are the first public channel's (channels of one venue share them in practice).
      const hours = showHoursOf(channels[0]?.hours);
      const shown = settings.offered ? channels.filter((c) => withinHours(c.hours, now, venue.time_zone)) : [];
      const expires = liveExpiry(now.getTime(), settings.urlTtlSeconds);
      const expiresAt = new Date(expires * 1000).toISOString();
      const snapshotUrl = url(`/v1/public/venues/${venue.public_code}/kitchen.jpg`);
      return {
        available: shown.length > 0,
        channels: shown.map((c) => ({
          area: c.area,
          hlsUrl: url(`/v1/live/${tokens.sign({ kind: 'live', channelId: c.id, expires })}/live.m3u8`),
          expiresAt,
        })),
        hours: [...hours],
        snapshotUrl,
      };
    },
    playback(channel, fromIso, toIso, now = new Date()) {
      const from = Math.floor(Date.parse(fromIso) / 1000);
      const to = Math.ceil(Math.min(Date.parse(toIso), now.getTime()) / 1000);
      if (!(to > from) || to - from > PLAYBACK_MAX_MINUTES * 60) throw new AppError('RECORDING_RANGE_INVALID');
      const segments = segmentsBetween(engine.dirOf(channel.id), from, to);
      if (segments.length === 0) throw new AppError('RECORDING_NOT_FOUND');
      // Good for watching the whole range, started within the usual TTL.
      const expires = liveExpiry(now.getTime(), settings.urlTtlSeconds + (to - from));
      const token = tokens.sign({ kind: 'recording', channelId: channel.id, from, to, expires });
      return {
        hlsUrl: url(`/v1/recordings/${token}/index.m3u8`),
        expiresAt: new Date(expires * 1000).toISOString(),
        from: new Date(from * 1000).toISOString(),
        to: new Date(to * 1000).toISOString(),
        seconds: Math.round(segments.reduce((sum, s) => sum + s.seconds, 0)),
      };
    },
    still(venueId) {
      const cached = stills.get(venueId);
      if (cached && Date.now() - cached.at < 60_000) return cached.bytes;
      const bytes = newestStill(venueId);
      stills.set(venueId, { at: Date.now(), bytes });
      return bytes;
    },
  };
  async function newestStill(venueId: string): Promise<Buffer | undefined> {
    const channels = (await listChannels(database, venueId)).filter((c) => c.public);
    // Segment names start with the epoch second they were written: the greatest name is the newest.
    const newest = channels
      .map((c) => newestSegment(engine.dirOf(c.id)))
      .filter((s): s is { path: string; name: string } => s !== undefined)
      .sort((a, b) => b.name.localeCompare(a.name))[0];
    return newest ? firstFrame(settings.ffmpeg, newest.path) : undefined;
  }
  app.decorate('video', runtime);

  let sweep: NodeJS.Timeout | undefined;
  let purge: NodeJS.Timeout | undefined;
  app.addHook('onReady', async () => {
    if (!settings.enabled) return;
    await engine.syncRecorded();
    sweep = setInterval(() => {
      engine.sweep().catch((error: unknown) => app.log.warn({ err: error }, 'video sweep failed'));
      raiseOutages(app).catch((error: unknown) => app.log.warn({ err: error }, 'video outage check failed'));
    }, SWEEP_MS);
    sweep.unref();
    const purgeNow = () =>
      purgeRecordings(app).catch((error: unknown) => app.log.warn({ err: error }, 'recordings purge failed'));
    void purgeNow();
    purge = setInterval(purgeNow, PURGE_MS);
    purge.unref();
  });
  app.addHook('onClose', async () => {
    if (sweep) clearInterval(sweep);
    if (purge) clearInterval(purge);
    await engine.close();
  });
  return runtime;
}

/** A down channel past the region's outage minutes raises CAMERA_VIDEO_LOSS once; a channel back clears it. */
async function raiseOutages(app: FastifyInstance): Promise<void> {
  const { engine } = app.video;
  const book = app.devices.alertBook;
  const now = Date.now();
  for (const { channel, since } of engine.outages()) {
    if (!since) {
      if (book.isOpen(channel.id, CAMERA_ALARM_TYPES.videoLoss))
        await book.clear(channel.id, CAMERA_ALARM_TYPES.videoLoss, new Date(now).toISOString());
      continue;
    }
    const venue = await app.ctx.database.db
      .selectFrom('venues')
      .select(['region_id', 'kind'])
      .where('id', '=', channel.venueId)
      .executeTakeFirst();
    if (!venue) continue;
    const minutes = (await app.ctx.profiles.profileOfVenue(venue)).video.outageAlertMinutes;
    if (now - since.getTime() < minutes * 60_000) continue;
    await book.openAlert({
      venueId: channel.venueId,
      source: 'device',
      type: CAMERA_ALARM_TYPES.videoLoss,
      severity: 'warning',
      subject: channel.id,
      message: {
        zh: `摄像头「${channel.name}」画面已中断超过 ${minutes} 分钟，请检查摄像头和网络`,
        en: `Camera "${channel.name}" has shown no picture for over ${minutes} minutes; check the camera and its network`,
      },
      details: { channelId: channel.id, area: channel.area, since: since.toISOString() },
      openedAt: new Date(now).toISOString(),
    });
  }
}

/** Drops each channel's hours past its region's retention (venues' own zone does not matter: hours are UTC). */
async function purgeRecordings(app: FastifyInstance): Promise<void> {
  const { db } = app.ctx.database;
  const rows = await db
    .selectFrom('camera_channels')
    .innerJoin('venues', 'venues.id', 'camera_channels.venue_id')
    .select(['camera_channels.id', 'venues.region_id', 'venues.kind'])
    .execute();
  const now = Date.now() / 1000;
  let removed = 0;
  for (const row of rows) {
    const days = (await app.ctx.profiles.profileOfVenue(row)).video.recordingRetentionDays;
    removed += purgeHoursBefore(app.video.engine.dirOf(row.id), now - days * 86_400);
  }
  if (removed > 0) app.log.info({ hours: removed }, 'recordings past retention purged');
}

/** The newest finished segment under a channel's folder: its path and its name. */
function newestSegment(dir: string): { path: string; name: string } | undefined {
  let hours: string[];
  try {
    hours = readdirSync(dir)
      .filter((h) => HOUR_DIR.test(h))
      .sort()
      .reverse();
  } catch {
    return undefined;
  }
  for (const hour of hours) {
    const files = readdirSync(join(dir, hour))
      .filter((f) => SEGMENT_NAME.test(f) && !/_0\.ts$/.test(f))
      .sort();
    const last = files.at(-1);
    if (last) return { path: join(dir, hour, last), name: last };
  }
  return undefined;
}

function firstFrame(ffmpeg: string, segment: string): Promise<Buffer | undefined> {
  return new Promise((resolve) => {
    const child = spawn(ffmpeg, snapshotArgs(segment), { stdio: ['ignore', 'pipe', 'ignore'] });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.on('error', () => resolve(undefined));
    child.on('close', (code) => resolve(code === 0 && chunks.length > 0 ? Buffer.concat(chunks) : undefined));
  });
}
