/**
 * One channel's ffmpeg, supervised: started, watched (is the live playlist still being written?), restarted with a
 * growing pause when it exits or stalls, stopped on request. Reports when the source went away and came back;
 * everything else about the channel (who watches, its hours, its alert) is the engine's.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { LIVE_PLAYLIST, pullArgs } from './ffmpeg-args.js';

export interface ChannelStreamOptions {
  readonly ffmpeg: string;
  readonly url: string;
  readonly dir: string;
  readonly record: boolean;
  /** The source stopped delivering (`since`), or delivers again (null). */
  readonly onAvailability: (since: Date | null) => void;
  readonly log: (message: string) => void;
}

/** A playlist not rewritten for this long means the source stalled (segments are about a second). */
const STALL_MS = 8_000;
const WATCH_MS = 500;
const FIRST_RETRY_MS = 1_000;
const LAST_RETRY_MS = 30_000;

export class ChannelStream {
  private child: ChildProcess | undefined;
  private watch: NodeJS.Timeout | undefined;
  private retry: NodeJS.Timeout | undefined;
  private retryMs = FIRST_RETRY_MS;
  private startedAt = 0;
  private lastWrite = 0;
  private downSince: Date | null = null;
  private stopped = false;
  private waiters: Array<(live: boolean) => void> = [];

  constructor(private readonly options: ChannelStreamOptions) {
    mkdirSync(options.dir, { recursive: true });
  }

  /** Streaming: the playlist was rewritten within the last few seconds. */
  get live(): boolean {
    return this.lastWrite > 0 && Date.now() - this.lastWrite < STALL_MS;
  }

  get unavailableSince(): Date | null {
    return this.downSince;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  start(): void {
    this.stopped = false;
    if (this.child || this.retry) return;
    this.spawn();
  }

  /** Resolves true once the live playlist is written after the start, false after `timeoutMs`. */
  waitLive(timeoutMs: number): Promise<boolean> {
    if (this.live) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== done);
        resolve(false);
      }, timeoutMs);
      const done = (live: boolean) => {
        clearTimeout(timer);
        resolve(live);
      };
      this.waiters.push(done);
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    this.retry = undefined;
    if (this.watch) clearInterval(this.watch);
    this.watch = undefined;
    for (const waiter of this.waiters.splice(0)) waiter(false);
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), 3_000);
    await exited;
    clearTimeout(killer);
  }

  private spawn(): void {
    const { ffmpeg, url, dir, record } = this.options;
    this.startedAt = Date.now();
    this.lastWrite = 0;
    const child = spawn(ffmpeg, pullArgs({ url, record }), {
      cwd: dir,
      env: { ...process.env, TZ: 'UTC' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    this.child = child;
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-500);
    });
    child.on('error', (error) => this.options.log(`ffmpeg could not start: ${error.message}`));
    child.on('exit', (code, signal) => {
      this.child = undefined;
      if (this.stopped) return;
      this.options.log(`ffmpeg exited (${signal ?? code}): ${stderr.trim().split('\n').pop() ?? ''}`);
      this.markDown();
      this.retry = setTimeout(() => {
        this.retry = undefined;
        if (!this.stopped) this.spawn();
      }, this.retryMs);
      this.retryMs = Math.min(this.retryMs * 2, LAST_RETRY_MS);
    });
    if (!this.watch) {
      this.watch = setInterval(() => this.check(), WATCH_MS);
      this.watch.unref();
    }
  }

  private check(): void {
    let mtime = 0;
    try {
      mtime = statSync(join(this.options.dir, LIVE_PLAYLIST)).mtimeMs;
    } catch {
      // Not written yet.
    }
    if (mtime >= this.startedAt && mtime > this.lastWrite) {
      this.lastWrite = mtime;
      this.retryMs = FIRST_RETRY_MS;
      for (const waiter of this.waiters.splice(0)) waiter(true);
      if (this.downSince) {
        this.downSince = null;
        this.options.onAvailability(null);
      }
      return;
    }
    // Running but silent: a source that accepts the connection and sends nothing is down too.
    const silentFor = Date.now() - Math.max(this.lastWrite, this.startedAt);
    if (this.child && silentFor > STALL_MS) {
      this.markDown();
      this.child.kill('SIGKILL');
    }
  }

  private markDown(): void {
    for (const waiter of this.waiters.splice(0)) waiter(false);
    if (this.downSince) return;
    this.downSince = new Date();
    this.options.onAvailability(this.downSince);
  }
}
