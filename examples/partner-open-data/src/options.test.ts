import { describe, expect, it } from 'vitest';
import { readOptions } from './options.js';

const env = {
  BK_BASE_URL: 'http://127.0.0.1:8080',
  BK_PARTNER_KEY: 'pk_env',
  BK_PARTNER_SECRET: 's',
  BK_REGION: 'env',
};

describe('partner-open-data options', () => {
  it('takes --flag value and --flag=value over the environment, "=" in values kept', () => {
    const read = readOptions(['--region=东昌府区', '--base-url', 'http://h:1/bk?a=b=c'], env);
    expect(read).toEqual({
      ok: true,
      options: { baseURL: 'http://h:1/bk?a=b=c', keyId: 'pk_env', secret: 's', region: '东昌府区' },
    });
  });

  it('reads flags passed on by `pnpm … start -- --region X`', () => {
    expect(readOptions(['--', '--region', 'X'], env)).toMatchObject({ ok: true, options: { region: 'X' } });
  });

  it('names the missing options, each as flag and variable', () => {
    expect(readOptions([], {})).toEqual({
      ok: false,
      problems: [
        '缺少 / missing: --base-url / BK_BASE_URL, --key / BK_PARTNER_KEY, --secret / BK_PARTNER_SECRET, --region / BK_REGION',
      ],
    });
  });

  it('refuses an unknown flag and a flag without its value', () => {
    expect(readOptions(['--regoin', 'x'], env)).toEqual({ ok: false, problems: ['未知参数 / unknown flag: --regoin'] });
    expect(readOptions(['--region'], env)).toEqual({ ok: false, problems: ['缺少值 / needs a value: --region'] });
  });

  it('asks for help with --help', () => {
    expect(readOptions(['--help'], {})).toEqual({ ok: false, help: true, problems: [] });
  });
});
