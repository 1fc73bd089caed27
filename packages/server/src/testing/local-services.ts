/**
 * The services tests, benchmarks and `pnpm cluster` start on this machine: a free loopback port, waiting for a
 * port to listen, a throwaway PostgreSQL (Debian's initdb + pg_ctl, as the postgres user when run as root) and a
 * Mosquitto on a given configuration. Not shipped.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A free TCP port on loopback. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** Resolves once something accepts connections on the loopback port. */
export function waitForPort(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.end();
        resolve();
      });
      socket.once('error', () => {
        socket.destroy();
        if (Date.now() > deadline) reject(new Error(`nothing listened on ${port}`));
        else setTimeout(attempt, 50);
      });
    };
    attempt();
  });
}

/** Debian's PostgreSQL binaries (the newest installed version), if any. */
export function findPostgresBin(): string | undefined {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  for (const v of versions) if (existsSync(join(root, v, 'bin', 'initdb'))) return join(root, v, 'bin');
  return undefined;
}

export interface RunningPostgres {
  readonly url: string;
  stop(): void;
}

/**
 * A throwaway PostgreSQL on a free loopback port. `durable: false` (tests) turns fsync off and stops it at once;
 * `durable: true` (a local cluster that is killed on purpose) keeps what a real server keeps.
 */
export async function startThrowawayPostgres(options: { readonly durable: boolean }): Promise<RunningPostgres> {
  const bin = findPostgresBin();
  if (!bin) throw new Error('PostgreSQL is not installed: apt-get install -y postgresql');
  const asRoot = process.getuid?.() === 0;
  const run = (cmd: string, args: string[]) =>
    asRoot
      ? execFileSync('runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args], { stdio: 'pipe' })
      : execFileSync(join(bin, cmd), args, { stdio: 'pipe' });
  const dir = mkdtempSync(join(tmpdir(), 'bk-pg-'));
  chmodSync(dir, 0o777);
  if (asRoot) execFileSync('chown', ['postgres', dir]);
  const data = join(dir, 'data');
  run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8']);
  const port = await freePort();
  const settings = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=200`;
  run('pg_ctl', [
    '-D',
    data,
    '-l',
    join(dir, 'log'),
    '-w',
    '-o',
    options.durable ? settings : `${settings} -c fsync=off`,
    'start',
  ]);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop() {
      try {
        run('pg_ctl', ['-D', data, '-m', options.durable ? 'fast' : 'immediate', 'stop']);
      } catch {
        // already gone
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

const MOSQUITTO_BINARIES = ['/usr/sbin/mosquitto', '/usr/bin/mosquitto', '/usr/local/sbin/mosquitto'];

/** Debian's Mosquitto, if installed. */
export function findMosquitto(): string | undefined {
  return MOSQUITTO_BINARIES.find((p) => existsSync(p));
}

/** Runs Mosquitto with `config` (its lines) from `dir` until stopped; `dir` is removed on stop. */
export async function runMosquitto(
  bin: string,
  dir: string,
  port: number,
  config: readonly string[],
): Promise<{ stop(): void }> {
  const conf = join(dir, 'mosquitto.conf');
  writeFileSync(conf, [...config, ''].join('\n'));
  const child: ChildProcess = spawn(bin, ['-c', conf], { stdio: 'ignore' });
  await waitForPort(port, 5000);
  return {
    stop() {
      child.kill('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
