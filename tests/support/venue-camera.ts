/**
 * Venue A's kitchen camera for the route matrix: a public, recorded channel pulled from a simulated camera (so its
 * live playlist plays), one real recorded segment half a minute old (for playback, the recording routes and the
 * still), and the signed URLs' tokens a consumer or a regulator would hold.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startKitchenCamera } from '../../packages/server/src/testing/kitchen-camera.js';
import type { TestServer } from '../../packages/server/src/testing/test-server.js';
import { insertChannel } from '../../packages/server/src/video/channel-store.js';

export interface VenueCamera {
  readonly channelId: string;
  readonly liveToken: string;
  readonly recordingToken: string;
  /** The recorded segment: its hour folder and file name, and the range around it. */
  readonly hour: string;
  readonly segment: string;
  readonly from: string;
  readonly to: string;
}

/** A channel of the venue that nothing else uses (the matrix deletes one per call). */
export async function spareChannel(server: TestServer, venueId: string): Promise<string> {
  const venue = await server.database.db
    .selectFrom('venues')
    .selectAll()
    .where('id', '=', venueId)
    .executeTakeFirstOrThrow();
  const channel = await insertChannel(server.database, venue, {
    area: 'washing',
    name: '洗消间',
    source: { kind: 'rtsp', url: 'rtsp://192.0.2.20/stream' },
    public: false,
    record: false,
  });
  return channel.id;
}

export async function seedVenueCamera(server: TestServer, venueId: string): Promise<VenueCamera> {
  const { ffmpeg } = server.config.video;
  // Nothing to stop at the end: the camera holds no process open, and its encoder ends with the server's pull.
  const { channel } = await startKitchenCamera(server, venueId, 'A 后厨');
  const start = Math.floor(Date.now() / 1000) - 30;
  const hour = new Date(start * 1000).toISOString().slice(0, 13).replace(/[-T]/g, '');
  const segment = `${start}_000000_1000000.ts`;
  const dir = join(server.config.dataDir, 'video', channel.id, hour);
  mkdirSync(dir, { recursive: true });
  const made = spawnSync(ffmpeg, [
    '-loglevel',
    'error',
    '-f',
    'lavfi',
    '-i',
    'testsrc2=size=320x180:rate=15',
    '-t',
    '1',
    '-c:v',
    'libx264',
    '-preset',
    'ultrafast',
    '-pix_fmt',
    'yuv420p',
    '-f',
    'mpegts',
    join(dir, segment),
  ]);
  if (made.status !== 0) throw new Error(`ffmpeg could not make a segment: ${made.stderr.toString()}`);
  const { tokens } = server.app.video;
  const expires = Math.floor(Date.now() / 1000) + 3600;
  return {
    channelId: channel.id,
    liveToken: tokens.sign({ kind: 'live', channelId: channel.id, expires }),
    recordingToken: tokens.sign({
      kind: 'recording',
      channelId: channel.id,
      from: start - 10,
      to: start + 10,
      expires,
    }),
    hour,
    segment,
    from: new Date((start - 10) * 1000).toISOString(),
    to: new Date((start + 10) * 1000).toISOString(),
  };
}
