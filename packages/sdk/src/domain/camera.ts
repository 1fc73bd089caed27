/**
 * A venue's camera channels (the live kitchen): the area each shows, where its stream comes from, whether
 * consumers may watch it and when. The platform never decodes video itself: a media engine (ffmpeg, or a media
 * server) pulls the source and serves HLS.
 */
import * as v from 'valibot';
import { CAMERA_AREAS, type ShowHours, ShowHoursSchema } from './camera-public.js';
import { IdSchema, InstantSchema, text } from './primitives.js';

export { CAMERA_AREA_LABELS, CAMERA_AREAS, type CameraArea, type ShowHours, ShowHoursSchema } from './camera-public.js';

/**
 * Where the stream comes from: `rtsp` (the camera's or NVR's RTSP/RTSPS URL), `http` (an HTTP(S) stream the
 * camera serves, e.g. HLS or FLV), `gb28181` (a channel of the city video network, reached through the GB/T 28181
 * media server configured on the server: `deviceId` and `channelId` are 20-digit national codes).
 */
export const CAMERA_SOURCE_KINDS = ['rtsp', 'http', 'gb28181'] as const;
export type CameraSourceKind = (typeof CAMERA_SOURCE_KINDS)[number];

/** A stream URL: only rtsp/rtsps for `rtsp`, http/https for `http`; no spaces, no leading dash. */
const streamUrl = (schemes: RegExp) => v.pipe(v.string(), v.maxLength(1024), v.regex(schemes, 'FIELD_FORMAT'));
/** A GB/T 28181 code: 20 digits. */
const Gb28181CodeSchema = v.pipe(v.string(), v.regex(/^\d{20}$/, 'FIELD_FORMAT'));

export const CameraSourceSchema = v.variant('kind', [
  v.object({ kind: v.literal('rtsp'), url: streamUrl(/^rtsps?:\/\/[^\s/?#@]+(@[^\s/?#]+)?(\/[^\s]*)?$/) }),
  v.object({ kind: v.literal('http'), url: streamUrl(/^https?:\/\/[^\s/?#]+(\/[^\s]*)?$/) }),
  v.object({ kind: v.literal('gb28181'), deviceId: Gb28181CodeSchema, channelId: Gb28181CodeSchema }),
]);
/** Where a channel's stream comes from. Type of {@link CameraSourceSchema}. */
export type CameraSource = v.InferOutput<typeof CameraSourceSchema>;

/**
 * The hours a public channel is shown when none are set: the usual serving hours of a canteen or restaurant
 * (breakfast to the end of dinner). The venue archive has no opening hours yet; a manager sets a channel's own.
 */
export const DEFAULT_SHOW_HOURS: readonly ShowHours[] = [{ from: '06:00', to: '21:00' }];

const channelEntries = {
  area: v.picklist(CAMERA_AREAS),
  /** The name staff know the camera by, e.g. "热菜灶台". */
  name: text(40),
  source: CameraSourceSchema,
  /** Consumers may watch it (within its hours). */
  public: v.boolean(),
  /** When consumers may watch, in the venue's zone; absent: {@link DEFAULT_SHOW_HOURS}. */
  hours: v.optional(v.pipe(v.array(ShowHoursSchema), v.minLength(1), v.maxLength(6))),
  /** Recorded on the platform (kept per the region's `video.recordingRetentionDays`). */
  record: v.boolean(),
  /** The AI camera (registered device) this channel shows, so its captures open the right recording. */
  deviceId: v.optional(IdSchema),
};

/** Body of `POST /v1/venues/{venueId}/cameras`. */
export const CameraChannelInputSchema = v.object(channelEntries);
export type CameraChannelInput = v.InferOutput<typeof CameraChannelInputSchema>;

/** Body of `PATCH /v1/venues/{venueId}/cameras/{channelId}`: any subset. */
export const CameraChannelPatchSchema = v.partial(v.object(channelEntries));
export type CameraChannelPatch = v.InferOutput<typeof CameraChannelPatchSchema>;

/** What the media engine reports of a channel: streaming, idle (no viewer, not recorded), or down. */
export const CAMERA_STATES = ['live', 'idle', 'unavailable'] as const;
export type CameraState = (typeof CAMERA_STATES)[number];

/**
 * A channel as the venue's manager and its regulators see it. An RTSP/HTTP URL's password is never returned
 * (`rtsp://admin:***@…`).
 */
export const CameraChannelSchema = v.object({
  id: IdSchema,
  venueId: IdSchema,
  ...channelEntries,
  state: v.picklist(CAMERA_STATES),
  /** Since when the source has been unreachable (state `unavailable`). */
  unavailableSince: v.optional(InstantSchema),
  createdAt: InstantSchema,
});
export type CameraChannel = v.InferOutput<typeof CameraChannelSchema>;

export const CameraChannelListSchema = v.object({ items: v.array(CameraChannelSchema) });

/** Longest range one playback covers. */
export const PLAYBACK_MAX_MINUTES = 120;

/** Body of `POST /v1/venues/{venueId}/cameras/{channelId}/playback`: a past range of the channel's recording. */
export const PlaybackInputSchema = v.object({ from: InstantSchema, to: InstantSchema });
export type PlaybackInput = v.InferOutput<typeof PlaybackInputSchema>;

/** A signed HLS URL (VOD for a recording, live otherwise) and when it stops being accepted. */
export const SignedStreamSchema = v.object({
  hlsUrl: text(1024),
  expiresAt: InstantSchema,
});
export type SignedStream = v.InferOutput<typeof SignedStreamSchema>;

/** The recording of a past range: its signed playlist and the seconds of video found in the range. */
export const PlaybackSchema = v.object({
  ...SignedStreamSchema.entries,
  from: InstantSchema,
  to: InstantSchema,
  seconds: v.number(),
});
export type Playback = v.InferOutput<typeof PlaybackSchema>;

/** An alert's recording window: the two minutes around an AI capture (one minute before, one after). */
export function recordingWindow(openedAt: string, minutes = 2): { from: string; to: string } {
  const at = Date.parse(openedAt);
  const half = (minutes * 60_000) / 2;
  return { from: new Date(at - half).toISOString(), to: new Date(at + half).toISOString() };
}
