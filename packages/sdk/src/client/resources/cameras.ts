import type {
  CameraChannel,
  CameraChannelInput,
  CameraChannelPatch,
  Playback,
  PlaybackInput,
} from '../../domain/camera.js';
import { seg } from '../query.js';
import type { ResourceContext } from './context.js';

/** A venue's camera channels (managers write; members and regulators read) and playback of their recordings. */
export interface CamerasClient {
  list(venueId: string): Promise<{ items: CameraChannel[] }>;
  create(venueId: string, input: CameraChannelInput): Promise<CameraChannel>;
  update(venueId: string, channelId: string, patch: CameraChannelPatch): Promise<CameraChannel>;
  remove(venueId: string, channelId: string): Promise<void>;
  /** A signed HLS playlist of a past range (`recordingWindow(alert.openedAt)` for an alert's two minutes). */
  playback(venueId: string, channelId: string, range: PlaybackInput): Promise<Playback>;
}

export function createCamerasClient({ http }: ResourceContext): CamerasClient {
  const base = (venueId: string) => `/v1/venues/${seg(venueId)}/cameras`;
  const one = (venueId: string, channelId: string) => `${base(venueId)}/${seg(channelId)}`;
  return {
    list: (venueId) => http.call({ method: 'GET', path: base(venueId) }),
    create: (venueId, input) => http.call({ method: 'POST', path: base(venueId), body: input }),
    update: (venueId, channelId, patch) => http.call({ method: 'PATCH', path: one(venueId, channelId), body: patch }),
    remove: (venueId, channelId) => http.call({ method: 'DELETE', path: one(venueId, channelId) }),
    playback: (venueId, channelId, range) =>
      http.call({ method: 'POST', path: `${one(venueId, channelId)}/playback`, body: range }),
  };
}
