/**
 * /v1/venues/{venueId}/cameras: a venue's camera channels (its members and regulators read; its manager, its
 * regulators and admins write) and playback of their recordings; the public still of a venue's kitchen.
 */
import {
  type CameraChannelInput,
  CameraChannelInputSchema,
  CameraChannelListSchema,
  CameraChannelPatchSchema,
  CameraChannelSchema,
  PlaybackInputSchema,
  PlaybackSchema,
  PublicCodeSchema,
} from '@brightkitchen/sdk';
import type { FastifyPluginAsync } from 'fastify';
import * as v from 'valibot';
import { authorizeVenue, MEMBER_OR_REGULATOR } from '../auth/index.js';
import { AppError } from '../errors/index.js';
import {
  BEARER,
  errorResponses,
  imageResponse,
  jsonSchema,
  PUBLIC,
  parseOrThrow,
  VenueParamsSchema,
} from '../schemas/index.js';
import {
  deleteChannel,
  findChannel,
  inputOf,
  insertChannel,
  listChannels,
  replaceChannel,
  toCameraChannel,
} from './channel-store.js';
import { checkSourceHost } from './source-check.js';

const WRITERS = ['manager', 'regulator', 'admin'] as const;
const ChannelParamsSchema = v.object({ venueId: v.string(), channelId: v.string() });
type ChannelParams = v.InferOutput<typeof ChannelParamsSchema>;

export const cameraRoutes: FastifyPluginAsync = async (app) => {
  const { database } = app.ctx;
  const video = () => app.video;

  /** The source may be reached, and the AI camera named is one of this venue's. */
  const checkInput = async (venueId: string, input: CameraChannelInput) => {
    await checkSourceHost(input.source, app.ctx.config.video.localSources);
    if (input.deviceId) {
      const device = await database.db
        .selectFrom('devices')
        .select('venue_id')
        .where('id', '=', input.deviceId)
        .executeTakeFirst();
      if (device?.venue_id !== venueId) throw new AppError('NOT_FOUND', { deviceId: input.deviceId });
    }
  };

  /** The channel of this venue (another venue's channel id is not found here). */
  const channelOf = async (venueId: string, channelId: string) => {
    const channel = await findChannel(database, channelId);
    if (!channel || channel.venueId !== venueId) throw new AppError('NOT_FOUND');
    return channel;
  };

  app.get<{ Params: { venueId: string } }>(
    '/venues/:venueId/cameras',
    {
      schema: {
        tags: ['video'],
        operationId: 'listCameras',
        summary: 'The venue’s camera channels with their state (passwords masked)',
        security: BEARER,
        params: jsonSchema(VenueParamsSchema),
        response: { 200: jsonSchema(CameraChannelListSchema), ...errorResponses },
      },
    },
    async (request) => {
      const { venue } = await authorizeVenue(app, request, request.params.venueId, MEMBER_OR_REGULATOR);
      const channels = await listChannels(database, venue.id);
      return { items: channels.map((c) => toCameraChannel(c, video().engine.stateOf(c.id))) };
    },
  );

  app.post<{ Params: { venueId: string } }>(
    '/venues/:venueId/cameras',
    {
      schema: {
        tags: ['video'],
        operationId: 'createCamera',
        summary: 'Add a camera channel (the venue’s manager, its regulators, an admin)',
        security: BEARER,
        params: jsonSchema(VenueParamsSchema),
        body: jsonSchema(CameraChannelInputSchema),
        response: { 201: jsonSchema(CameraChannelSchema), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { venue } = await authorizeVenue(app, request, request.params.venueId, WRITERS);
      const input = parseOrThrow(CameraChannelInputSchema, request.body);
      await checkInput(venue.id, input);
      const channel = await insertChannel(database, venue, input);
      await video().engine.syncRecorded();
      reply.status(201);
      return toCameraChannel(channel, video().engine.stateOf(channel.id));
    },
  );

  app.patch<{ Params: ChannelParams }>(
    '/venues/:venueId/cameras/:channelId',
    {
      schema: {
        tags: ['video'],
        operationId: 'updateCamera',
        summary: 'Change a camera channel: area, source, public, hours, recording',
        security: BEARER,
        params: jsonSchema(ChannelParamsSchema),
        body: jsonSchema(CameraChannelPatchSchema),
        response: { 200: jsonSchema(CameraChannelSchema), ...errorResponses },
      },
    },
    async (request) => {
      const { venue } = await authorizeVenue(app, request, request.params.venueId, WRITERS);
      const channel = await channelOf(venue.id, request.params.channelId);
      const patch = parseOrThrow(CameraChannelPatchSchema, request.body);
      const input = parseOrThrow(CameraChannelInputSchema, { ...inputOf(channel), ...patch });
      if (patch.source || patch.deviceId) await checkInput(venue.id, input);
      const updated = await replaceChannel(database, channel, input);
      await video().engine.forget(channel.id);
      await video().engine.syncRecorded();
      return toCameraChannel(updated, video().engine.stateOf(channel.id));
    },
  );

  app.delete<{ Params: ChannelParams }>(
    '/venues/:venueId/cameras/:channelId',
    {
      schema: {
        tags: ['video'],
        operationId: 'deleteCamera',
        summary: 'Remove a camera channel (its recordings are purged with the rest, by age)',
        security: BEARER,
        params: jsonSchema(ChannelParamsSchema),
        response: { 204: { type: 'null', description: 'Removed' }, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { venue } = await authorizeVenue(app, request, request.params.venueId, WRITERS);
      const channel = await channelOf(venue.id, request.params.channelId);
      await video().engine.forget(channel.id);
      await deleteChannel(database, channel.id);
      reply.status(204);
    },
  );

  app.post<{ Params: ChannelParams }>(
    '/venues/:venueId/cameras/:channelId/playback',
    {
      schema: {
        tags: ['video'],
        operationId: 'playbackCamera',
        summary: 'A signed HLS playlist of a past range of the channel’s recording (members, regulators)',
        security: BEARER,
        params: jsonSchema(ChannelParamsSchema),
        body: jsonSchema(PlaybackInputSchema),
        response: { 200: jsonSchema(PlaybackSchema), ...errorResponses },
      },
    },
    async (request) => {
      const { venue } = await authorizeVenue(app, request, request.params.venueId, MEMBER_OR_REGULATOR);
      const channel = await channelOf(venue.id, request.params.channelId);
      const { from, to } = parseOrThrow(PlaybackInputSchema, request.body);
      return video().playback(channel, from, to);
    },
  );

  app.get<{ Params: { publicCode: string } }>(
    '/public/venues/:publicCode/kitchen.jpg',
    {
      config: { public: true },
      schema: {
        tags: ['public'],
        operationId: 'getPublicKitchenStill',
        summary: 'The newest still picture of a venue’s public kitchen cameras (shown outside their hours)',
        security: PUBLIC,
        params: jsonSchema(v.object({ publicCode: PublicCodeSchema })),
        response: { 200: imageResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const venue = await database.db
        .selectFrom('venues')
        .select('id')
        .where('public_code', '=', request.params.publicCode)
        .where('archived_at', 'is', null)
        .executeTakeFirst();
      if (!venue) throw new AppError('NOT_FOUND');
      const still = await video().still(venue.id);
      if (!still) throw new AppError('NOT_FOUND');
      reply.header('content-type', 'image/jpeg').header('cache-control', 'public, max-age=60');
      return still;
    },
  );
};
