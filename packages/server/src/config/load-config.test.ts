import { createPrivateKey, generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseCommandLine } from './command-line.js';
import { ConfigError, isConfigError } from './config-error.js';
import { loadConfig } from './load-config.js';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'bk-config-test-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const refusal = (run: () => unknown): ConfigError => {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('accepted');
};

describe('loadConfig', () => {
  it('refuses BK_PORT=x, naming the variable, the value and what it accepts', () => {
    const error = refusal(() => loadConfig({ BK_DATA_DIR: tempDir(), BK_PORT: 'x' }));
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.issues).toEqual([
      { source: 'BK_PORT', variable: 'BK_PORT', value: 'x', accepts: expect.stringContaining('0 to 65535') },
    ]);
    expect(error.message).toContain('BK_PORT');
    expect(error.message).toContain('"x"');
    expect(error.message).toContain('0 to 65535');
  });

  it('lists every refused value at once and creates nothing', () => {
    const dataDir = join(tempDir(), 'not-yet');
    const error = refusal(() =>
      loadConfig({
        BK_DATA_DIR: dataDir,
        BK_PORT: '80a',
        BK_LOG_LEVEL: 'loud',
        BK_SIMULATOR: 'disabled',
        BK_MQTT_URL: 'http://broker',
        BK_DATABASE_URL: 'mysql://u:p@h/db',
        BK_ACCESS_TOKEN_TTL: '1e3',
        BK_MQTT_WS_PORT: '-2',
      }),
    );
    expect(error.issues.map((issue) => issue.variable).sort()).toEqual([
      'BK_ACCESS_TOKEN_TTL',
      'BK_DATABASE_URL',
      'BK_LOG_LEVEL',
      'BK_MQTT_URL',
      'BK_MQTT_WS_PORT',
      'BK_PORT',
      'BK_SIMULATOR',
    ]);
    expect(existsSync(dataDir)).toBe(false);
  });

  it('takes a flag over its variable, and names the flag when its value is refused', () => {
    const dataDir = tempDir();
    const flags = parseCommandLine(['--port', '9001']).flags;
    expect(loadConfig({ BK_DATA_DIR: dataDir, BK_PORT: '9000' }, flags).port).toBe(9001);
    const error = refusal(() => loadConfig({ BK_DATA_DIR: dataDir, BK_PORT: '9000' }, { BK_PORT: 'x' }));
    expect(error.issues[0]?.source).toBe('--port');
    expect(error.message).toContain('--port');
  });

  it('connects to the PostgreSQL URL of --database-url, query string included', () => {
    const url = 'postgres://u:p@h/db?sslmode=require';
    const { flags } = parseCommandLine([`--database-url=${url}`]);
    const secret = 'x'.repeat(32);
    expect(loadConfig({ BK_DATA_DIR: tempDir(), BK_TOKEN_SECRET: secret }, flags).database).toEqual({
      kind: 'postgres',
      url,
    });
  });

  it('refuses PostgreSQL without BK_TOKEN_SECRET: instances sharing the database must accept each other’s tokens', () => {
    const error = refusal(() => loadConfig({ BK_DATA_DIR: tempDir(), BK_DATABASE_URL: 'postgres://u:p@h/db' }));
    expect(error.issues[0]?.variable).toBe('BK_TOKEN_SECRET');
  });

  it('uses the defaults for unset and empty variables', () => {
    const dataDir = tempDir();
    const config = loadConfig({ BK_DATA_DIR: dataDir, BK_PORT: '', BK_HOST: '  ', BK_DATABASE_URL: '' });
    expect(config).toMatchObject({
      port: 8080,
      host: '127.0.0.1',
      dataDir,
      database: { kind: 'sqlite', url: join(dataDir, 'brightkitchen.db') },
      wechat: { apiBase: 'https://api.weixin.qq.com', appId: '', secret: '' },
      accessTokenTtl: 900,
      refreshTokenTtl: 2_592_000,
      bodyLimit: 8 * 1024 * 1024,
      logLevel: 'info',
      devices: {
        enabled: true,
        adapterModules: [],
        mqttUrl: '',
        mqttHost: '127.0.0.1',
        mqttShareGroup: 'bk',
        flushRows: 500,
        flushMs: 200,
        tickMs: 1000,
        offlineGraceMs: 60_000,
        runGraceMs: 600_000,
        simulator: true,
      },
    });
  });

  it('reads switches, lists and URLs as documented', () => {
    const config = loadConfig({
      BK_DATA_DIR: tempDir(),
      BK_HOST: '0.0.0.0',
      BK_DEVICES: 'off',
      BK_SIMULATOR: 'NO',
      BK_ADAPTERS: ' ./a.js , @acme/bk-adapters ,',
      BK_WECHAT_API_BASE: 'http://127.0.0.1:9000//',
      BK_MQTT_WS_PORT: '-1',
    });
    expect(config.devices).toMatchObject({
      enabled: false,
      simulator: false,
      adapterModules: ['./a.js', '@acme/bk-adapters'],
      mqttHost: '0.0.0.0',
      mqttWsPort: -1,
    });
    expect(config.wechat.apiBase).toBe('http://127.0.0.1:9000');
  });

  it('reads BK_CORS_ORIGINS as origins, and refuses anything else (a path, a wildcard, a scheme other than http/s)', () => {
    const config = loadConfig({
      BK_DATA_DIR: tempDir(),
      BK_CORS_ORIGINS: ' https://partner.example.com/ , http://localhost:10086,',
    });
    expect(config.corsOrigins).toEqual(['https://partner.example.com', 'http://localhost:10086']);
    expect(loadConfig({ BK_DATA_DIR: tempDir() }).corsOrigins).toEqual([]);
    for (const value of ['*', 'https://partner.example.com/app', 'partner.example.com', 'ftp://x.example.com']) {
      const error = refusal(() => loadConfig({ BK_DATA_DIR: tempDir(), BK_CORS_ORIGINS: value }));
      expect(
        error.issues.map((i) => i.variable),
        value,
      ).toEqual(['BK_CORS_ORIGINS']);
    }
  });

  it('keeps a generated token secret in the data dir, and never prints a refused secret', () => {
    const dataDir = tempDir();
    const first = loadConfig({ BK_DATA_DIR: dataDir }).tokenSecret;
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(loadConfig({ BK_DATA_DIR: dataDir }).tokenSecret).toBe(first);
    const chosen = 'a'.repeat(32);
    expect(loadConfig({ BK_DATA_DIR: dataDir, BK_TOKEN_SECRET: chosen }).tokenSecret).toBe(chosen);

    const error = refusal(() => loadConfig({ BK_DATA_DIR: dataDir, BK_TOKEN_SECRET: 'hunter2' }));
    expect(error.issues).toEqual([
      { source: 'BK_TOKEN_SECRET', variable: 'BK_TOKEN_SECRET', hidden: true, accepts: expect.any(String) },
    ]);
    expect(error.issues[0]).not.toHaveProperty('value');
    expect(error.message).toContain('BK_TOKEN_SECRET');
    expect(error.message).not.toContain('hunter2');
    expect(JSON.stringify(error)).not.toContain('hunter2');
  });

  it('keeps a generated ledger signing key in the data dir, or takes BK_LEDGER_SIGNING_KEY as PEM or base64 DER', () => {
    const dataDir = tempDir();
    const first = loadConfig({ BK_DATA_DIR: dataDir }).ledgerSigningKey;
    expect(createPrivateKey(first).asymmetricKeyType).toBe('ed25519');
    expect(loadConfig({ BK_DATA_DIR: dataDir }).ledgerSigningKey).toBe(first);

    const { privateKey } = generateKeyPairSync('ed25519');
    const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    const der = privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64');
    expect(loadConfig({ BK_DATA_DIR: dataDir, BK_LEDGER_SIGNING_KEY: pem }).ledgerSigningKey).toBe(pem);
    expect(
      loadConfig({ BK_DATA_DIR: dataDir, BK_LEDGER_SIGNING_KEY: pem.replace(/\n/g, '\\n') }).ledgerSigningKey,
    ).toBe(pem);
    expect(loadConfig({ BK_DATA_DIR: dataDir, BK_LEDGER_SIGNING_KEY: der }).ledgerSigningKey).toBe(pem);

    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ format: 'pem', type: 'pkcs8' });
    for (const refused of [rsa.toString(), 'not-a-key']) {
      const error = refusal(() => loadConfig({ BK_DATA_DIR: dataDir, BK_LEDGER_SIGNING_KEY: refused }));
      expect(error.issues).toEqual([
        {
          source: 'BK_LEDGER_SIGNING_KEY',
          variable: 'BK_LEDGER_SIGNING_KEY',
          hidden: true,
          accepts: expect.any(String),
        },
      ]);
    }
  });

  it('sends SMS codes to the log by default, and refuses Tencent Cloud SMS without its keys, naming each', () => {
    const dataDir = tempDir();
    expect(loadConfig({ BK_DATA_DIR: dataDir }).sms).toMatchObject({ provider: 'log', region: 'ap-guangzhou' });
    const error = refusal(() =>
      loadConfig({
        BK_DATA_DIR: dataDir,
        BK_SMS_PROVIDER: 'tencent',
        BK_SMS_SECRET_ID: 'AKIDx',
        BK_SMS_APP_ID: '1400',
      }),
    );
    expect(error.issues.map((i) => i.variable)).toEqual([
      'BK_SMS_SECRET_KEY',
      'BK_SMS_SIGN_NAME',
      'BK_SMS_TEMPLATE_ID',
    ]);
    expect(error.message).toContain('needed with BK_SMS_PROVIDER=tencent');
  });

  it('is recognised across module copies by its name and code', () => {
    const error = refusal(() => loadConfig({ BK_PORT: 'x' }));
    expect(isConfigError(error)).toBe(true);
    expect(isConfigError({ name: 'ConfigError', code: 'CONFIG_INVALID', issues: [] })).toBe(true);
    expect(isConfigError(new Error('BK_PORT'))).toBe(false);
    expect(error.toJSON()).toMatchObject({ code: 'CONFIG_INVALID', issues: [{ variable: 'BK_PORT' }] });
  });
});
