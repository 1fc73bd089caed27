import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { describeConfig } from './describe-config.js';
import { loadConfig } from './load-config.js';

const dataDir = mkdtempSync(join(tmpdir(), 'bk-describe-config-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('describeConfig', () => {
  it('prints the settings with every secret and password masked', () => {
    const secrets = [
      'token-secret-0123456789abcdef0123456789',
      'wx-secret-value',
      'hook-secret-value',
      'p%40ss%2Fw%3Ard',
      'metrics-token-0123456789',
    ];
    const config = loadConfig({
      BK_DATA_DIR: dataDir,
      BK_TOKEN_SECRET: secrets[0],
      BK_WECHAT_APPID: 'wx-app',
      BK_WECHAT_SECRET: secrets[1],
      BK_WEBHOOK_URL: 'https://hooks.example.com/bk',
      BK_WEBHOOK_SECRET: secrets[2],
      BK_DATABASE_URL: `postgres://bk:${secrets[3]}@db.example.com:5432/bk?sslmode=require`,
      BK_MQTT_URL: `mqtts://broker-user:${secrets[3]}@broker.example.com:8883`,
      BK_METRICS_TOKEN: secrets[4],
    });
    const described = describeConfig(config);
    const text = JSON.stringify(described);
    for (const secret of secrets) expect(text).not.toContain(secret);
    expect(text).not.toContain(config.ledgerSigningKey.split('\n')[1]);
    expect(described).toMatchObject({
      port: 8080,
      database: { kind: 'postgres', url: 'postgres://bk:***@db.example.com:5432/bk?sslmode=require' },
      wechat: { appId: 'wx-app', secret: '***' },
      tokenSecret: '***',
      ledgerSigningKey: '***',
      metricsToken: '***',
      devices: {
        mqttUrl: 'mqtts://broker-user:***@broker.example.com:8883',
        webhookUrl: 'https://hooks.example.com/bk',
        webhookSecret: '***',
      },
    });
  });

  it('shows an unset secret as empty', () => {
    const described = describeConfig(loadConfig({ BK_DATA_DIR: dataDir }));
    expect(described).toMatchObject({ wechat: { secret: '' }, devices: { webhookSecret: '', mqttUrl: '' } });
  });
});
