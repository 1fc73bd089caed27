/**
 * A venue's kitchen camera for tests: a simulated camera on loopback and a public, recorded channel (shown all day)
 * pulled from it, stored directly as the demo stores its camera (the API refuses loopback sources).
 */
import { insertChannel, type StoredChannel } from '../video/channel-store.js';
import { SimulatedCamera } from '../video/simulated-camera.js';
import type { TestServer } from './test-server.js';

export async function startKitchenCamera(
  server: TestServer,
  venueId: string,
  label = '后厨',
): Promise<{ camera: SimulatedCamera; channel: StoredChannel; publicCode: string }> {
  const camera = new SimulatedCamera({ ffmpeg: server.config.video.ffmpeg, label, timeZone: 'Asia/Shanghai' });
  await camera.start();
  const venue = await server.database.db
    .selectFrom('venues')
    .selectAll()
    .where('id', '=', venueId)
    .executeTakeFirstOrThrow();
  const channel = await insertChannel(server.database, venue, {
    area: 'cooking',
    name: '热菜灶台',
    source: { kind: 'http', url: camera.url },
    public: true,
    hours: [{ from: '00:00', to: '24:00' }],
    record: true,
  });
  await server.app.video.engine.syncRecorded();
  return { camera, channel, publicCode: venue.public_code };
}
