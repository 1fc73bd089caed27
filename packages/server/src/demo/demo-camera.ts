/**
 * The demo canteen's camera: a simulated camera (ffmpeg's test source with the venue's name and clock) streamed
 * on loopback and pulled by the media engine as a public, recorded channel shown all day, so a newcomer who
 * scans the demo canteen watches its kitchen with no camera at hand. The channel is kept across starts; its
 * source follows the camera's port.
 */
import { spawnSync } from 'node:child_process';
import type { FastifyInstance } from 'fastify';
import { findChannel, inputOf, insertChannel, listChannels, replaceChannel } from '../video/channel-store.js';
import { SimulatedCamera } from '../video/simulated-camera.js';

export const DEMO_CAMERA_NAME = '后厨直播（模拟摄像头）';

export interface DemoCamera {
  readonly channelId: string;
  stop(): Promise<void>;
}

/** True when the configured ffmpeg runs here. */
export function ffmpegAvailable(ffmpeg: string): boolean {
  return spawnSync(ffmpeg, ['-version'], { stdio: 'ignore' }).status === 0;
}

export async function startDemoCamera(app: FastifyInstance, venueId: string): Promise<DemoCamera | undefined> {
  const { config, database } = app.ctx;
  if (!config.video.enabled || !ffmpegAvailable(config.video.ffmpeg)) return undefined;
  const venue = await database.db.selectFrom('venues').selectAll().where('id', '=', venueId).executeTakeFirst();
  if (!venue) return undefined;
  const camera = new SimulatedCamera({
    ffmpeg: config.video.ffmpeg,
    label: `${venue.name} 后厨 · 模拟画面`,
    timeZone: venue.time_zone,
  });
  await camera.start();
  const source = { kind: 'http' as const, url: camera.url };
  const existing = (await listChannels(database, venueId)).find((c) => c.name === DEMO_CAMERA_NAME);
  const channel = existing
    ? await replaceChannel(database, existing, { ...inputOf(existing), source })
    : await insertChannel(database, venue, {
        area: 'cooking',
        name: DEMO_CAMERA_NAME,
        source,
        public: true,
        hours: [{ from: '00:00', to: '24:00' }],
        record: true,
      });
  await app.video.engine.forget(channel.id);
  await app.video.engine.syncRecorded();
  return {
    channelId: channel.id,
    async stop() {
      await app.video.engine.forget(channel.id);
      await camera.stop();
    },
  };
}

/** The banner's line about the demo camera. */
export async function demoCameraNote(app: FastifyInstance, camera: DemoCamera | undefined): Promise<string> {
  if (camera) {
    const channel = await findChannel(app.ctx.database, camera.channelId);
    return `Live kitchen 后厨直播: the demo canteen's simulated camera streams (${channel?.area ?? 'cooking'}, recorded)`;
  }
  if (!app.ctx.config.video.enabled) return 'Live kitchen 后厨直播: off (BK_VIDEO=0)';
  return `Live kitchen 后厨直播: off (no ffmpeg at "${app.ctx.config.video.ffmpeg}": apt-get install ffmpeg)`;
}
