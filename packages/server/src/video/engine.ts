/**
 * The media engine of one server instance: which channels stream now (recorded ones always, public ones while
 * someone watches), who watches, and what each channel's source is doing. ffmpeg does the media; this decides
 * when it runs. Streams and viewers are per process (see README: live video in a cluster).
 */
import { join } from 'node:path';
import type { CameraState } from '@brightkitchen/sdk';
import type { VideoConfig } from '../config/index.js';
import type { Database } from '../db/index.js';
import { AppError } from '../errors/index.js';
import { findChannel, markUnavailable, recordedChannels, type StoredChannel } from './channel-store.js';
import { ChannelStream } from './channel-stream.js';
import { VIEWER_IDLE_MS, Viewers } from './viewers.js';

export interface VideoEngineOptions {
  readonly config: VideoConfig;
  readonly database: Database;
  /** Where each channel's folder is (`{root}/{channelId}`). */
  readonly root: string;
  readonly log: (message: string) => void;
  /** A channel's source went away (`since`) or came back (null). */
  readonly onAvailability?: (channel: StoredChannel, since: Date | null) => void;
}

interface Running {
  readonly stream: ChannelStream;
  readonly channel: StoredChannel;
}

/** How long a channel read from the database is trusted (a change on another instance shows within this). */
const CHANNEL_TTL_MS = 5_000;
/** The first segment of a cold start (ffmpeg connecting, probing, cutting a second) comes within this. */
const COLD_START_MS = 8_000;

export class VideoEngine {
  readonly viewers: Viewers;
  private readonly running = new Map<string, Running>();
  private readonly channels = new Map<string, { channel: StoredChannel | undefined; at: number }>();

  constructor(private readonly options: VideoEngineOptions) {
    this.viewers = new Viewers(options.config.maxViewers);
  }

  dirOf(channelId: string): string {
    return join(this.options.root, channelId);
  }

  /** The channel, read at most every few seconds. */
  async channel(channelId: string): Promise<StoredChannel | undefined> {
    const cached = this.channels.get(channelId);
    if (cached && Date.now() - cached.at < CHANNEL_TTL_MS) return cached.channel;
    const channel = await findChannel(this.options.database, channelId);
    this.channels.set(channelId, { channel, at: Date.now() });
    return channel;
  }

  stateOf(channelId: string): CameraState {
    const running = this.running.get(channelId);
    if (!running) return 'idle';
    if (running.stream.unavailableSince) return 'unavailable';
    return 'live';
  }

  /** Streams the channel (starting it when needed) and waits for its first segment; LIVE_UNAVAILABLE otherwise. */
  async ensureLive(channel: StoredChannel): Promise<void> {
    const stream = this.start(channel);
    if (!(await stream.waitLive(COLD_START_MS))) throw new AppError('LIVE_UNAVAILABLE');
  }

  /** Keeps recorded channels streaming: started here after start-up and after any change to a channel. */
  async syncRecorded(): Promise<void> {
    if (!this.options.config.enabled) return;
    const recorded = await recordedChannels(this.options.database);
    for (const channel of recorded) this.start(channel);
  }

  /** A channel changed or went: its stream restarts with the new settings when next needed. */
  async forget(channelId: string): Promise<void> {
    this.channels.delete(channelId);
    const running = this.running.get(channelId);
    this.running.delete(channelId);
    await running?.stream.stop();
  }

  /** Stops live-only streams nobody has watched for a while (recorded ones go on). */
  async sweep(nowMs: number = Date.now()): Promise<void> {
    for (const [id, { stream, channel }] of this.running) {
      if (channel.record) continue;
      if (nowMs - this.viewers.lastSeen(id) > VIEWER_IDLE_MS) {
        this.running.delete(id);
        await stream.stop();
      }
    }
  }

  /** Each channel streaming here and since when its source has been down (null: it delivers). */
  outages(): Array<{ readonly channel: StoredChannel; readonly since: Date | null }> {
    return [...this.running.values()].map(({ channel, stream }) => ({ channel, since: stream.unavailableSince }));
  }

  /** The channels streaming here with their ffmpeg's pid (the benchmark reads their CPU). */
  pids(): Map<string, number> {
    const out = new Map<string, number>();
    for (const [id, { stream }] of this.running) if (stream.pid) out.set(id, stream.pid);
    return out;
  }

  async close(): Promise<void> {
    const all = [...this.running.values()];
    this.running.clear();
    await Promise.all(all.map(({ stream }) => stream.stop()));
  }

  private start(channel: StoredChannel): ChannelStream {
    const { config, database, log } = this.options;
    if (!config.enabled) throw new AppError('LIVE_UNAVAILABLE');
    const existing = this.running.get(channel.id);
    if (existing) return existing.stream;
    const url = this.urlOf(channel);
    if (!url) throw new AppError('LIVE_UNAVAILABLE');
    const stream = new ChannelStream({
      ffmpeg: config.ffmpeg,
      url,
      dir: this.dirOf(channel.id),
      record: channel.record,
      log: (message) => log(`camera ${channel.id}: ${message}`),
      onAvailability: (since) => {
        this.channels.delete(channel.id);
        markUnavailable(database, channel.id, since?.toISOString() ?? null).catch((error: unknown) =>
          log(`camera ${channel.id}: could not record its availability: ${String(error)}`),
        );
        this.options.onAvailability?.(channel, since);
      },
    });
    this.running.set(channel.id, { stream, channel });
    stream.start();
    return stream;
  }

  private urlOf(channel: StoredChannel): string | undefined {
    const { source } = channel;
    if (source.kind !== 'gb28181') return source.url;
    const template = this.options.config.gb28181Url;
    if (!template) return undefined;
    return template.replace('{deviceId}', source.deviceId).replace('{channelId}', source.channelId);
  }
}
