/** `bk-server` as an operator runs it: a process, its exit code, what it prints. Run from source with tsx. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const cli = fileURLToPath(new URL('./cli.ts', import.meta.url));
const root = fileURLToPath(new URL('../../../', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'bk-cli-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The caller's environment without its BK_* settings, plus `env`. */
function bkServer(args: readonly string[], env: Record<string, string> = {}) {
  const base = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('BK_')));
  const run = spawnSync(process.execPath, ['--import', 'tsx', cli, ...args], {
    cwd: root,
    env: { ...base, ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const noStackTrace = (text: string) => expect(text).not.toMatch(/^\s+at /m);

describe('bk-server', () => {
  it('stops on BK_PORT=x with a message naming the variable and what it accepts', () => {
    const dataDir = join(scratch, 'refused');
    const run = bkServer(['start'], { BK_PORT: 'x', BK_DATA_DIR: dataDir });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('BK_PORT');
    expect(run.stderr).toContain('a whole number from 0 to 65535');
    noStackTrace(run.stderr);
    expect(existsSync(dataDir)).toBe(false);
  });

  it('stops on an unknown flag, naming it', () => {
    const run = bkServer(['migrate', '--prot', '9000'], { BK_DATA_DIR: join(scratch, 'unknown-flag') });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--prot');
    expect(run.stderr).toContain('bk-server --help');
    noStackTrace(run.stderr);
  });

  it('names the flag when a flag value is refused', () => {
    const run = bkServer(['seed', '--venues', 'many'], { BK_DATA_DIR: join(scratch, 'bad-venues') });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--venues');
    noStackTrace(run.stderr);
  });

  it('prints every flag and variable with --help', () => {
    const run = bkServer(['--help']);
    expect(run.status).toBe(0);
    for (const flag of ['--port', '--host', '--data-dir', '--database-url', '--log-level', '--venues', '--days']) {
      expect(run.stdout).toContain(flag);
    }
    expect(run.stdout).toContain('BK_TOKEN_SECRET');
  });

  it('migrates the database named by --database-url', () => {
    const dataDir = join(scratch, 'migrate');
    const file = join(dataDir, 'chosen.db');
    const run = bkServer(['migrate', '--data-dir', dataDir, `--database-url=${file}`]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/applied: /);
    expect(existsSync(file)).toBe(true);
  });
});
