/**
 * What players fetch with a signed URL: the live playlist and its segments, a recording's playlist and its
 * segments. No login (a consumer's phone has none); the signature in the path is the permission, and each answer
 * checks what it grants (the channel still public and within its hours, the viewer cap, the recording's range).
 * Registered beside `/v1`'s login and per-IP limits, not under them: a player reloads every second.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import * as v from 'valibot';
import { AppError } from '../errors/index.js';
import { errorResponses, jsonSchema, PUBLIC } from '../schemas/index.js';
import { HOUR_DIR, LIVE_PLAYLIST, SEGMENT_NAME } from './ffmpeg-args.js';
import type { LiveGrant, RecordingGrant } from './play-token.js';
import { segmentsBetween, vodPlaylist } from './recordings.js';
import type { VideoRuntime } from './runtime.js';
import { SegmentCache } from './segment-cache.js';
import { withinHours } from './show-hours.js';

const TokenParams = v.object({ token: v.pipe(v.string(), v.maxLength(300)) });
const SegmentParams = v.object({
  token: v.pipe(v.string(), v.maxLength(300)),
  hour: v.pipe(v.string(), v.regex(HOUR_DIR)),
  segment: v.pipe(v.string(), v.regex(SEGMENT_NAME)),
});
type Segment = v.InferOutput<typeof SegmentParams>;

const playlistResponse = {
  description: 'An HLS playlist',
  content: { 'application/vnd.apple.mpegurl': { schema: { type: 'string' } } },
};
const segmentResponse = {
  description: 'An MPEG-TS segment',
  content: { 'video/mp2t': { schema: { type: 'string', contentMediaType: 'video/mp2t' } } },
};

/** Public (no login) and documented so; the signature in the path is checked by each handler. */
const options = (operationId: string, summary: string, params: v.GenericSchema, ok: object) => ({
  config: { public: true },
  schema: schema(operationId, summary, params, ok),
});

const schema = (operationId: string, summary: string, params: v.GenericSchema, ok: object) => ({
  tags: ['video'],
  operationId,
  summary,
  security: PUBLIC,
  params: jsonSchema(params),
  response: { 200: ok, ...errorResponses },
});

async function sendFile(
  reply: FastifyReply,
  path: string,
  type: string,
  cache: string,
  read: (path: string) => Promise<Buffer> = readFile,
): Promise<Buffer> {
  let bytes: Buffer;
  try {
    bytes = await read(path);
  } catch {
    throw new AppError('NOT_FOUND');
  }
  reply.header('content-type', type).header('cache-control', cache);
  return bytes;
}

export function liveVideoRoutes(video: VideoRuntime): FastifyPluginAsync {
  return async (app) => {
    const { engine, tokens } = video;
    const segments = new SegmentCache();
    const readSegment = (path: string) => segments.read(path);

    /** A live grant still good for this request: signature, channel public, hours, expiry (unless watching), cap. */
    async function admitLive(request: FastifyRequest, token: string): Promise<LiveGrant> {
      const grant = tokens.verify(token);
      if (grant.kind !== 'live') throw new AppError('LIVE_URL_INVALID');
      const channel = await engine.channel(grant.channelId);
      if (!channel?.public) throw new AppError('LIVE_CHANNEL_PRIVATE');
      const now = new Date();
      if (!withinHours(channel.hours, now, channel.timeZone)) throw new AppError('LIVE_OUTSIDE_HOURS');
      const viewer = `${request.ip}|${token}`;
      const watching = engine.viewers.watching(channel.venueId, viewer, now.getTime());
      if (!watching && now.getTime() / 1000 > grant.expires) throw new AppError('LIVE_URL_EXPIRED');
      if (!engine.viewers.admit(channel.venueId, channel.id, viewer, now.getTime())) {
        throw new AppError('LIVE_VIEWERS_FULL');
      }
      await engine.ensureLive(channel);
      return grant;
    }

    function recordingGrant(token: string): RecordingGrant {
      const grant = tokens.verify(token);
      if (grant.kind !== 'recording') throw new AppError('LIVE_URL_INVALID');
      if (Date.now() / 1000 > grant.expires) throw new AppError('LIVE_URL_EXPIRED');
      return grant;
    }

    app.get<{ Params: { token: string } }>(
      '/live/:token/live.m3u8',
      options('getLivePlaylist', 'The live HLS playlist of a signed play URL', TokenParams, playlistResponse),
      async (request, reply) => {
        const grant = await admitLive(request, request.params.token);
        return sendFile(
          reply,
          join(engine.dirOf(grant.channelId), LIVE_PLAYLIST),
          'application/vnd.apple.mpegurl',
          'no-cache',
        );
      },
    );

    app.get<{ Params: Segment }>(
      '/live/:token/:hour/:segment',
      options('getLiveSegment', 'A segment of a live playlist', SegmentParams, segmentResponse),
      async (request, reply) => {
        const { token, hour, segment } = request.params;
        const grant = tokens.verify(token);
        if (grant.kind !== 'live') throw new AppError('LIVE_URL_INVALID');
        const channel = await engine.channel(grant.channelId);
        if (!channel?.public) throw new AppError('LIVE_CHANNEL_PRIVATE');
        const now = Date.now();
        if (now / 1000 > grant.expires && !engine.viewers.watching(channel.venueId, `${request.ip}|${token}`, now)) {
          throw new AppError('LIVE_URL_EXPIRED');
        }
        const path = join(engine.dirOf(grant.channelId), hour, segment);
        return sendFile(reply, path, 'video/mp2t', 'public, max-age=60', readSegment);
      },
    );

    app.get<{ Params: { token: string } }>(
      '/recordings/:token/index.m3u8',
      options('getRecordingPlaylist', 'The HLS playlist of a signed recording range', TokenParams, playlistResponse),
      async (request, reply) => {
        const grant = recordingGrant(request.params.token);
        const segments = segmentsBetween(engine.dirOf(grant.channelId), grant.from, grant.to);
        if (segments.length === 0) throw new AppError('RECORDING_NOT_FOUND');
        reply.header('content-type', 'application/vnd.apple.mpegurl').header('cache-control', 'private, max-age=30');
        return vodPlaylist(segments);
      },
    );

    app.get<{ Params: Segment }>(
      '/recordings/:token/:hour/:segment',
      options('getRecordingSegment', 'A segment of a recording range', SegmentParams, segmentResponse),
      async (request, reply) => {
        const { token, hour, segment } = request.params;
        const grant = recordingGrant(token);
        // Only the segments of the signed range: the token is no key to the rest of the channel's recordings.
        const start = Number(SEGMENT_NAME.exec(segment)?.[1]);
        if (start >= grant.to || start < grant.from - 60) throw new AppError('RECORDING_NOT_FOUND');
        return sendFile(
          reply,
          join(engine.dirOf(grant.channelId), hour, segment),
          'video/mp2t',
          'private, max-age=3600',
        );
      },
    );
  };
}
