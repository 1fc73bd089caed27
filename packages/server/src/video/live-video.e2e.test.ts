/**
 * The live kitchen end to end: a simulated camera on loopback pulled by the server's real ffmpeg, a channel set up
 * through the API, the consumer's signed URL played (playlist and segments), and every refusal a viewer or a
 * manager can meet: a tampered or expired URL, a private channel, the hours, the viewer cap, a range without
 * recording, a source pointing at the server itself; the camera going away and coming back with its alert.
 */
import type { CameraChannel, PublicVenueProfile } from '@brightkitchen/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ffmpegAvailable } from '../demo/demo-camera.js';
import { seedTestCity, type TestCity } from '../testing/fixtures.js';
import { startKitchenCamera } from '../testing/kitchen-camera.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';
import type { SimulatedCamera } from './simulated-camera.js';

const FFMPEG = process.env.BK_FFMPEG ?? 'ffmpeg';

/** Polls `read` until `ok` holds (a stream's state follows its source within seconds), failing after `ms`. */
async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, ms = 45_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${ms} ms: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe.skipIf(!ffmpegAvailable(FFMPEG))('live kitchen (real ffmpeg)', () => {
  let server: TestServer;
  let city: TestCity;
  let camera: SimulatedCamera;
  let channel: CameraChannel;
  let publicCode: string;

  const get = (path: string) => fetch(`${server.baseUrl}${path}`);
  const profile = async () => (await server.request<PublicVenueProfile>(`/v1/public/venues/${publicCode}`)).body;
  const cameras = async () =>
    (
      await server.request<{ items: CameraChannel[] }>(`/v1/venues/${city.venues.school}/cameras`, {
        token: city.manager.token,
      })
    ).body.items;
  const patch = (body: unknown) =>
    server.request<CameraChannel>(`/v1/venues/${city.venues.school}/cameras/${channel.id}`, {
      method: 'PATCH',
      token: city.manager.token,
      body,
    });

  beforeAll(async () => {
    server = await startTestServer('sqlite', { BK_VIDEO_MAX_VIEWERS: '3', BK_FFMPEG: FFMPEG });
    city = await seedTestCity(server);
    // The simulated camera is on loopback, which the API refuses as a source (see the attack below).
    const started = await startKitchenCamera(server, city.venues.school, '测试食堂');
    camera = started.camera;
    publicCode = started.publicCode;
    const stored = started.channel;
    channel = (await cameras()).find((c) => c.id === stored.id) as CameraChannel;
  }, 60_000);

  afterAll(async () => {
    await server?.close();
    await camera?.stop();
  });

  it('a consumer scanning the venue gets a signed live URL that plays: playlist, then segments of video', async () => {
    const live = (await profile()).liveVideo;
    expect(live.available).toBe(true);
    expect(live.channels).toHaveLength(1);
    const [shown] = live.channels;
    expect(shown?.area).toBe('cooking');
    expect(shown?.hlsUrl).toMatch(/^\/v1\/live\/l\.cam_[^/]+\/live\.m3u8$/);
    expect(Date.parse(shown?.expiresAt ?? '') - Date.now()).toBeGreaterThan(60_000);
    const playlist = await get(shown?.hlsUrl ?? '');
    expect(playlist.status).toBe(200);
    expect(playlist.headers.get('content-type')).toContain('mpegurl');
    const text = await playlist.text();
    const segment = text.split('\n').find((l) => l.endsWith('.ts'));
    expect(segment).toMatch(/^\d{10}\/\d+_\d{6}_\d+\.ts$/);
    const media = await get((shown?.hlsUrl ?? '').replace('live.m3u8', segment ?? ''));
    expect(media.status).toBe(200);
    const bytes = new Uint8Array(await media.arrayBuffer());
    // MPEG-TS: 188-byte packets, each starting with the sync byte 0x47.
    expect(bytes[0]).toBe(0x47);
    expect(bytes[188]).toBe(0x47);
  });

  it('the manager sees the channel live, and its password is never shown', async () => {
    const [listed] = await cameras();
    expect(listed?.state).toBe('live');
    const created = await server.request<CameraChannel>(`/v1/venues/${city.venues.school}/cameras`, {
      token: city.manager.token,
      body: {
        area: 'washing',
        name: '洗消间',
        source: { kind: 'rtsp', url: 'rtsp://admin:s3cret@192.0.2.10:554/Streaming/Channels/101' },
        public: false,
        record: false,
      },
    });
    expect(created.status).toBe(201);
    expect(JSON.stringify(await cameras())).not.toContain('s3cret');
    expect(created.body.source).toEqual({
      kind: 'rtsp',
      url: 'rtsp://admin:***@192.0.2.10:554/Streaming/Channels/101',
    });
  });

  it('a tampered or expired play URL is refused with its code', async () => {
    const url = (await profile()).liveVideo.channels[0]?.hlsUrl ?? '';
    const tampered = await get(url.replace(/\.(\d+)\./, (_, n: string) => `.${Number(n) + 60}.`));
    expect(tampered.status).toBe(403);
    expect(((await tampered.json()) as { code: string }).code).toBe('LIVE_URL_INVALID');
    const otherChannel = await get(url.replace(channel.id, 'cam_someone_else'));
    expect(((await otherChannel.json()) as { code: string }).code).toBe('LIVE_URL_INVALID');
    const past = Math.floor(Date.now() / 1000) - 60;
    const expired = server.app.video.tokens.sign({ kind: 'live', channelId: channel.id, expires: past });
    const answer = await get(`/v1/live/${expired}/live.m3u8`);
    expect(answer.status).toBe(403);
    expect(((await answer.json()) as { code: string }).code).toBe('LIVE_URL_EXPIRED');
  });

  it('past the cap of concurrent viewers a new one is told the venue is full', async () => {
    const soon = Math.floor(Date.now() / 1000) + 600;
    const url = (n: number) =>
      `/v1/live/${server.app.video.tokens.sign({ kind: 'live', channelId: channel.id, expires: soon + n * 60 })}/live.m3u8`;
    // The profile's URL (one viewer, from the first test) and two more fill the cap of 3.
    expect((await get(url(1))).status).toBe(200);
    expect((await get(url(2))).status).toBe(200);
    const full = await get(url(3));
    expect(full.status).toBe(429);
    expect(((await full.json()) as { code: string }).code).toBe('LIVE_VIEWERS_FULL');
    // A viewer already watching goes on.
    expect((await get(url(1))).status).toBe(200);
  });

  it('a recording of a past range plays as a finished playlist; a range without video is not found', async () => {
    const to = new Date();
    const from = new Date(to.getTime() - 30_000);
    const playback = await server.request<{ hlsUrl: string; seconds: number }>(
      `/v1/venues/${city.venues.school}/cameras/${channel.id}/playback`,
      { token: city.regulator.token, body: { from: from.toISOString(), to: to.toISOString() } },
    );
    expect(playback.status).toBe(200);
    expect(playback.body.seconds).toBeGreaterThan(0);
    const vod = await (await get(playback.body.hlsUrl)).text();
    expect(vod).toContain('#EXT-X-PLAYLIST-TYPE:VOD');
    expect(vod).toContain('#EXT-X-ENDLIST');
    const segment = vod.split('\n').find((l) => l.endsWith('.ts')) ?? '';
    const media = await get(playback.body.hlsUrl.replace('index.m3u8', segment));
    expect(media.status).toBe(200);

    const dayAgo = Date.now() - 86_400_000;
    const empty = await server.request<{ code: string }>(
      `/v1/venues/${city.venues.school}/cameras/${channel.id}/playback`,
      {
        token: city.manager.token,
        body: { from: new Date(dayAgo).toISOString(), to: new Date(dayAgo + 60_000).toISOString() },
      },
    );
    expect([empty.status, empty.body.code]).toEqual([404, 'RECORDING_NOT_FOUND']);
    const tooLong = await server.request<{ code: string }>(
      `/v1/venues/${city.venues.school}/cameras/${channel.id}/playback`,
      { token: city.manager.token, body: { from: new Date(dayAgo).toISOString(), to: to.toISOString() } },
    );
    expect([tooLong.status, tooLong.body.code]).toEqual([400, 'RECORDING_RANGE_INVALID']);
    // Another venue's manager cannot replay this kitchen.
    const stranger = await server.request(`/v1/venues/${city.venues.school}/cameras/${channel.id}/playback`, {
      token: city.otherManager.token,
      body: { from: from.toISOString(), to: to.toISOString() },
    });
    expect(stranger.status).toBe(403);
  });

  it('a source aimed at the server itself, or not rtsp/http, is refused and nothing is stored', async () => {
    const before = (await cameras()).length;
    for (const [url, code] of [
      ['http://127.0.0.1:5432/', 'VIDEO_SOURCE_FORBIDDEN'],
      ['rtsp://localhost/stream', 'VIDEO_SOURCE_FORBIDDEN'],
      ['http://169.254.169.254/latest/meta-data', 'VIDEO_SOURCE_FORBIDDEN'],
    ] as const) {
      const res = await server.request<{ code: string }>(`/v1/venues/${city.venues.school}/cameras`, {
        token: city.manager.token,
        body: { area: 'cooking', name: '攻击', source: { kind: url.slice(0, 4), url }, public: true, record: false },
      });
      expect([res.status, res.body.code]).toEqual([400, code]);
    }
    for (const source of [
      { kind: 'http', url: 'file:///etc/passwd' },
      { kind: 'rtsp', url: 'http://192.0.2.1/x' },
      { kind: 'rtsp', url: 'rtsp://-i /etc/passwd' },
    ]) {
      const res = await server.request<{ code: string }>(`/v1/venues/${city.venues.school}/cameras`, {
        token: city.manager.token,
        body: { area: 'cooking', name: '攻击', source, public: true, record: false },
      });
      expect(res.status).toBe(400);
    }
    expect((await cameras()).length).toBe(before);
  });

  it('outside its hours the channel is not offered and its URL is refused; a private one likewise', async () => {
    const url = (await profile()).liveVideo.channels[0]?.hlsUrl ?? '';
    const local = Number(
      new Intl.DateTimeFormat('en-GB', { hour: '2-digit', hourCycle: 'h23', timeZone: 'Asia/Shanghai' }).format(
        new Date(),
      ),
    );
    // A window that ends before the current local hour (or starts after it).
    const hours = local >= 2 ? [{ from: '00:00', to: '01:00' }] : [{ from: '22:00', to: '23:00' }];
    expect((await patch({ hours })).status).toBe(200);
    const off = (await profile()).liveVideo;
    expect(off.available).toBe(false);
    expect(off.hours).toEqual(hours);
    const refused = await get(url);
    expect([refused.status, ((await refused.json()) as { code: string }).code]).toEqual([403, 'LIVE_OUTSIDE_HOURS']);

    expect((await patch({ hours: [{ from: '00:00', to: '24:00' }], public: false })).status).toBe(200);
    expect((await profile()).liveVideo).toEqual({ available: false, channels: [] });
    const hidden = await get(url);
    expect([hidden.status, ((await hidden.json()) as { code: string }).code]).toEqual([403, 'LIVE_CHANNEL_PRIVATE']);
    expect((await patch({ public: true })).status).toBe(200);
  });

  it('the camera going away shows unavailable, raises an alert after the outage minutes, and recovers by itself', async () => {
    // The region allows six seconds of outage before the alert (the national rule is five minutes).
    const set = await server.request(`/v1/regions/${city.regions.east}/rule-profile`, {
      method: 'PUT',
      token: city.regulator.token,
      body: { overrides: { video: { outageAlertMinutes: 0.1 } } },
    });
    expect(set.status).toBe(200);
    await camera.stop();
    await until(cameras, (items) => items.find((c) => c.id === channel.id)?.state === 'unavailable');
    const alerts = async () =>
      (
        await server.request<{ items: { type: string; subject?: string; state: string; message: { zh: string } }[] }>(
          `/v1/alerts?venueId=${city.venues.school}&type=CAMERA_VIDEO_LOSS`,
          { token: city.manager.token },
        )
      ).body.items.filter((a) => a.subject === channel.id);
    const [raised] = await until(alerts, (items) => items.some((a) => a.state === 'open'));
    expect(raised?.message.zh).toContain('热菜灶台');
    // The rest of the platform goes on meanwhile.
    expect((await server.request(`/v1/public/venues/${publicCode}`)).status).toBe(200);

    await camera.start();
    await until(cameras, (items) => items.find((c) => c.id === channel.id)?.state === 'live', 60_000);
    await until(alerts, (items) => items.every((a) => a.state === 'resolved'), 15_000);
  }, 120_000);
});
