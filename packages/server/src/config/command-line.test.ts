import { describe, expect, it } from 'vitest';
import { parseCommandLine } from './command-line.js';
import { ConfigError } from './config-error.js';

const refusal = (argv: readonly string[]): ConfigError => {
  try {
    parseCommandLine(argv);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error(`accepted: ${argv.join(' ')}`);
};

describe('bk-server command line', () => {
  it('keeps a database URL whole, query string and every "=" included', () => {
    const url = 'postgres://u:p@h/db?sslmode=require&application_name=bk=1';
    expect(parseCommandLine(['start', `--database-url=${url}`]).flags.BK_DATABASE_URL).toBe(url);
    expect(parseCommandLine(['migrate', '--database-url', url]).flags.BK_DATABASE_URL).toBe(url);
  });

  it('maps each flag onto its variable and starts by default', () => {
    const line = parseCommandLine([
      '--port',
      '9000',
      '--host=0.0.0.0',
      '--data-dir',
      './x',
      '--log-level',
      'warn',
      '--wechat-api-base',
      'http://127.0.0.1:9',
    ]);
    expect(line).toEqual({
      command: 'start',
      help: false,
      flags: {
        BK_PORT: '9000',
        BK_HOST: '0.0.0.0',
        BK_DATA_DIR: './x',
        BK_LOG_LEVEL: 'warn',
        BK_WECHAT_API_BASE: 'http://127.0.0.1:9',
      },
      seed: {},
    });
  });

  it('reads flags passed on by `pnpm start -- …`', () => {
    expect(parseCommandLine(['start', '--', '--port', '9000']).flags).toEqual({ BK_PORT: '9000' });
  });

  it('reads the seed size, for seed only', () => {
    expect(parseCommandLine(['seed', '--venues', '12', '--days=3']).seed).toEqual({ venues: 12, days: 3 });
    expect(refusal(['start', '--venues', '12']).message).toContain('--venues');
    expect(refusal(['seed', '--venues', '0']).issues).toEqual([
      expect.objectContaining({ source: '--venues', accepts: expect.stringContaining('whole number') }),
    ]);
    expect(refusal(['seed', '--days=x']).message).toContain('--days');
  });

  it('refuses an unknown flag, naming it', () => {
    const error = refusal(['start', '--prot', '9000']);
    expect(error.code).toBe('COMMAND_LINE_INVALID');
    expect(error.message).toContain('--prot');
    expect(refusal(['-x']).message).toContain('-x');
  });

  it('refuses a flag without its value, and an unknown or second command', () => {
    expect(refusal(['start', '--port']).message).toContain('--port');
    expect(refusal(['start', '--port', '--host', 'h']).message).toContain('--port');
    expect(refusal(['start', '--port=']).message).toContain('--port');
    expect(refusal(['serve']).message).toContain('serve');
    expect(refusal(['start', 'seed']).message).toContain('seed');
    expect(refusal(['--help=yes']).message).toContain('--help');
  });

  it('asks for help with --help or -h', () => {
    expect(parseCommandLine(['--help']).help).toBe(true);
    expect(parseCommandLine(['seed', '-h']).help).toBe(true);
  });
});
