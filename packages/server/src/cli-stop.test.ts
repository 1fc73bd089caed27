/**
 * `bk-server start` stopped by SIGTERM as an operator's supervisor does it: during the first start's seeding (the
 * next start seeds the whole city again, not a half one taken for seeded) and while serving (the app closes: HTTP,
 * broker, database). Run from source with tsx, as cli.test.ts does.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { readDemoAccounts } from './demo/accounts-file.js';
import { DEFAULT_DEMO_VENUES } from './demo/seed.js';

const cli = fileURLToPath(new URL('./cli.ts', import.meta.url));
const root = fileURLToPath(new URL('../../../', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'bk-cli-stop-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface Running {
  readonly child: ChildProcess;
  readonly output: () => { stdout: string; stderr: string };
  /** Resolves with the first match of `pattern` in stdout or stderr (rejects after `ms`). */
  waitFor(pattern: RegExp, ms?: number): Promise<RegExpMatchArray>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function start(dataDir: string): Running {
  const base = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('BK_')));
  const child = spawn(process.execPath, ['--import', 'tsx', cli, 'start'], {
    cwd: root,
    env: {
      ...base,
      BK_DATA_DIR: dataDir,
      BK_PORT: '0',
      BK_MQTT_PORT: '0',
      BK_MQTT_WS_PORT: '-1',
      BK_SIMULATOR: 'off',
      BK_LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const listeners = new Set<() => void>();
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('utf8');
    for (const listener of listeners) listener();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
    for (const listener of listeners) listener();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return {
    child,
    exited,
    output: () => ({ stdout, stderr }),
    waitFor(pattern, ms = 90_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const match = pattern.exec(stdout) ?? pattern.exec(stderr);
          if (!match) return;
          cleanup();
          resolve(match);
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`no ${pattern} within ${ms} ms:\n${stdout}\n${stderr}`));
        }, ms);
        const gone = () => {
          cleanup();
          reject(new Error(`exited before ${pattern}:\n${stdout}\n${stderr}`));
        };
        const cleanup = () => {
          clearTimeout(timer);
          listeners.delete(check);
          child.off('exit', gone);
        };
        listeners.add(check);
        child.once('exit', gone);
        check();
      });
    },
  };
}

function counts(file: string) {
  const db = new Database(file, { readonly: true });
  try {
    const n = (query: string) => (db.prepare(query).get() as { n: number }).n;
    return {
      venues: n('select count(*) as n from venues'),
      venuesWithLedgers: n('select count(distinct venue_id) as n from ledger_records'),
      ratings: n('select count(*) as n from ratings'),
      marks: n("select count(*) as n from engine_cursors where name = 'demo-seed'"),
    };
  } finally {
    db.close();
  }
}

describe('bk-server start, stopped by SIGTERM', () => {
  const dataDir = join(scratch, 'first-start');
  const file = join(dataDir, 'brightkitchen.db');

  it('during the seeding of the demo city: exits cleanly, and the next start seeds the whole city', async () => {
    const first = start(dataDir);
    // A progress line of the long phase: the city is half written.
    await first.waitFor(/\[seed\] 台账 ledgers/);
    first.child.kill('SIGTERM');
    expect(await first.exited).toEqual({ code: 0, signal: null });
    expect(first.output().stderr).toContain('SIGTERM: stopping cleanly');
    expect(first.output().stdout).not.toContain('listening');
    const half = counts(file);
    expect(half.marks).toBe(1);
    expect(half.ratings).toBe(0);

    const second = start(dataDir);
    const [, port] = await second.waitFor(/http:\/\/127\.0\.0\.1:(\d+)\/app\//);
    expect(second.output().stderr).toContain('the last seeding was stopped before its end');
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
    expect(ready.status).toBe(200);

    second.child.kill('SIGTERM');
    expect(await second.exited).toEqual({ code: 0, signal: null });
    // Closed, not killed: the last SQLite connection folded the write-ahead log back into the file.
    expect(existsSync(`${file}-wal`)).toBe(false);
    expect(counts(file)).toEqual({
      venues: DEFAULT_DEMO_VENUES,
      venuesWithLedgers: DEFAULT_DEMO_VENUES,
      ratings: expect.any(Number),
      marks: 0,
    });
    expect(counts(file).ratings).toBeGreaterThan(0);
    expect(readDemoAccounts(dataDir).map((a) => a.role)).toContain('admin');
  }, 180_000);

  it('while serving, after a restart: closes and exits 0, the data kept', async () => {
    const third = start(dataDir);
    const [, port] = await third.waitFor(/http:\/\/127\.0\.0\.1:(\d+)\/app\//);
    expect(third.output().stderr).not.toContain('[seed]');
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    third.child.kill('SIGINT');
    expect(await third.exited).toEqual({ code: 0, signal: null });
    expect(third.output().stderr).toContain('SIGINT: stopping cleanly');
    expect(counts(file).venues).toBe(DEFAULT_DEMO_VENUES);
  }, 120_000);
});
