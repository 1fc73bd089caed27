import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MOSQUITTO, startTestBroker, type TestBroker } from '../sources/test-broker.js';
import { fixture } from '../test-fixtures.js';
import { parseGatewayConfig } from './config.js';
import { createGateway } from './gateway.js';

let site: TestBroker | undefined;
let platform: TestBroker | undefined;
beforeAll(async () => {
  site = await startTestBroker();
  platform = await startTestBroker();
});
afterAll(async () => {
  await site?.stop();
  await platform?.stop();
});

const until = async (check: () => boolean | Promise<boolean>, ms = 8000) => {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
};

function config(outboxPath: string) {
  const parsed = parseGatewayConfig({
    platform: { baseURL: 'http://127.0.0.1:9', mqtt: { url: platform!.url } },
    outboxPath,
    sources: [{ type: 'mqtt', url: site!.url, vendors: ['zigbee2mqtt', 'tasmota'] }],
    retry: { baseMs: 50, maxMs: 200 },
  });
  if (!parsed.ok) throw new Error(parsed.issues.join('\n'));
  return parsed.config;
}

describe('gateway config', () => {
  it('names the field at fault', () => {
    const parsed = parseGatewayConfig({ platform: {}, outboxPath: '', sources: [{ type: 'sip', port: 70000 }] });
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.issues).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^platform\.baseURL: /),
        expect.stringMatching(/^sources\.0\.port: /),
      ]),
    );
  });
});

describe.skipIf(!MOSQUITTO)('edge gateway over real brokers (Mosquitto)', () => {
  it('keeps what it read while the uplink is down, and delivers each message once when it is back, in order', async () => {
    const outboxPath = join(mkdtempSync(join(tmpdir(), 'bk-gateway-')), 'outbox.json');
    const gateway = createGateway(config(outboxPath));
    await gateway.start();

    const received: string[] = [];
    // The platform's ingestion: a persistent session, so nothing sent while it reconnects is missed.
    const watcher = await mqtt.connectAsync(platform!.url, {
      clean: false,
      clientId: 'platform-ingest',
      reconnectPeriod: 100,
    });
    await watcher.subscribeAsync('#', { qos: 1 });
    watcher.on('message', (topic, payload) => received.push(`${topic} ${payload}`));

    const device = await mqtt.connectAsync(site!.url);
    await device.publishAsync('zigbee2mqtt/fridge_1', '{"temperature":3.9}', { qos: 1 });
    await until(() => received.length === 1);

    // The uplink goes down: what the devices send waits in the outbox file.
    await platform!.stop();
    for (const t of [4.1, 4.3, 4.6])
      await device.publishAsync('zigbee2mqtt/fridge_1', `{"temperature":${t}}`, { qos: 1 });
    await device.publishAsync('tele/freezer_1/SENSOR', Buffer.from(fixture('tasmota-sensor.json')), { qos: 1 });
    await until(async () => (await gateway.outbox.pending()).length === 4);
    expect(readFileSync(outboxPath, 'utf8')).toContain('/gateway/mqtt-relay');

    // Back: delivered once each, in the order read.
    await platform!.start();
    await until(async () => (await gateway.outbox.pending()).length === 0, 10_000);
    await until(() => received.length === 5);
    await new Promise((r) => setTimeout(r, 300));
    expect(received.slice(1, 4)).toEqual([
      'zigbee2mqtt/fridge_1 {"temperature":4.1}',
      'zigbee2mqtt/fridge_1 {"temperature":4.3}',
      'zigbee2mqtt/fridge_1 {"temperature":4.6}',
    ]);
    expect(received[4]).toMatch(/^tele\/freezer_1\/SENSOR /);
    expect(received).toHaveLength(5);
    expect(gateway.stats().sources[0]).toMatchObject({ kind: 'mqtt', messages: 5, rejections: {} });

    await device.endAsync();
    await watcher.endAsync();
    await gateway.stop();
  });

  it('a gateway restarted while the uplink is down still delivers what the previous run queued', async () => {
    const outboxPath = join(mkdtempSync(join(tmpdir(), 'bk-gateway-')), 'outbox.json');
    await platform!.stop();
    const first = createGateway(config(outboxPath));
    await first.start();
    const device = await mqtt.connectAsync(site!.url);
    await device.publishAsync('zigbee2mqtt/sample_fridge', '{"temperature":4.4}', { qos: 1 });
    await until(async () => (await first.outbox.pending()).length === 1);
    await first.stop();
    await device.endAsync();

    await platform!.start();
    const received: string[] = [];
    const watcher = await mqtt.connectAsync(platform!.url);
    watcher.on('message', (topic, payload) => received.push(`${topic} ${payload}`));
    await watcher.subscribeAsync('zigbee2mqtt/#', { qos: 1 });
    const second = createGateway(config(outboxPath));
    await second.start();
    await until(() => received.length === 1);
    expect(received).toEqual(['zigbee2mqtt/sample_fridge {"temperature":4.4}']);
    await second.stop();
    await watcher.endAsync();
  });
});
