/**
 * A simulated camera for the demo, the tests and the benchmark: an HTTP endpoint on loopback that streams
 * ffmpeg's test source (the venue's name and the local clock drawn on it) as MPEG-TS to whoever connects, one
 * ffmpeg per connection, stopped when the connection closes. The platform pulls it like a real camera's HTTP
 * stream. `stop()` makes the camera go away (connections cut, new ones refused) and `start()` brings it back.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { testPatternArgs } from './ffmpeg-args.js';

export interface SimulatedCameraOptions {
  readonly ffmpeg: string;
  readonly label: string;
  readonly timeZone: string;
  /** Loopback port; 0 (default) takes a free one. */
  readonly port?: number;
}

export class SimulatedCamera {
  private server: Server | undefined;
  private readonly encoders = new Set<ChildProcess>();
  private port: number;

  constructor(private readonly options: SimulatedCameraOptions) {
    this.port = options.port ?? 0;
  }

  /** The stream's URL (the same after a stop and start). */
  get url(): string {
    return `http://127.0.0.1:${this.port}/camera.ts`;
  }

  /** How many viewers (pulls) are connected now. */
  get connections(): number {
    return this.encoders.size;
  }

  async start(): Promise<void> {
    if (this.server) return;
    const server = createServer((request, response) => {
      if (request.url !== '/camera.ts') {
        response.writeHead(404).end();
        return;
      }
      const encoder = spawn(this.options.ffmpeg, testPatternArgs(this.options), {
        env: { ...process.env, TZ: this.options.timeZone },
        stdio: ['ignore', 'pipe', 'ignore'],
      });
      this.encoders.add(encoder);
      response.writeHead(200, { 'content-type': 'video/mp2t' });
      encoder.stdout?.pipe(response);
      const end = () => {
        this.encoders.delete(encoder);
        encoder.kill('SIGKILL');
        response.destroy();
      };
      encoder.on('exit', end);
      encoder.on('error', end);
      response.on('close', end);
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (server.address() as AddressInfo).port;
    // A camera keeps no process alive by itself (a test that forgets to stop it still ends).
    server.unref();
    this.server = server;
  }

  /** The camera goes away: every pull is cut and new ones are refused until `start()`. */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const encoder of this.encoders) encoder.kill('SIGKILL');
    this.encoders.clear();
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
