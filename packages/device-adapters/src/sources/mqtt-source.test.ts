import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture } from '../test-fixtures.js';
import { createMqttSource } from './mqtt-source.js';
import type { SourceBatch, SourceRejection } from './source.js';
import { MOSQUITTO, startTestBroker, type TestBroker } from './test-broker.js';

let broker: TestBroker | undefined;
beforeAll(async () => {
  broker = await startTestBroker();
});
afterAll(() => broker?.stop());

const until = async (check: () => boolean, ms = 4000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe.skipIf(!MOSQUITTO)('MQTT source (Mosquitto)', () => {
  it('subscribes to the adapters’ topics and converts what devices publish; bad payloads are counted', async () => {
    const batches: SourceBatch[] = [];
    const rejected: SourceRejection[] = [];
    const source = createMqttSource({
      url: broker!.url,
      vendors: ['zigbee2mqtt', 'tasmota'],
      onBatch: (b) => batches.push(b),
      onRejection: (r) => rejected.push(r),
    });
    await source.start();
    expect(source.filters).toContain('zigbee2mqtt/#');
    expect(source.filters).toContain('tele/+/SENSOR');
    const device = await mqtt.connectAsync(broker!.url);
    await device.publishAsync('zigbee2mqtt/fridge_1', Buffer.from(fixture('z2m-aqara.json')), { qos: 1 });
    await device.publishAsync('tele/freezer_1/SENSOR', Buffer.from(fixture('tasmota-sensor.json')), { qos: 1 });
    await device.publishAsync('tele/freezer_1/SENSOR', '{"Time":', { qos: 1 });
    await device.publishAsync('shellyhtg3-1/events/rpc', '{}', { qos: 1 }); // shelly not chosen: not read
    await until(() => batches.length === 2 && rejected.length === 1);
    await device.endAsync();
    await source.stop();
    expect(batches.map((b) => [b.vendor, b.message.topic])).toEqual([
      ['zigbee2mqtt', 'zigbee2mqtt/fridge_1'],
      ['tasmota', 'tele/freezer_1/SENSOR'],
    ]);
    expect(batches[0]?.events).toContainEqual(
      expect.objectContaining({ type: 'reading', deviceId: 'fridge_1', metric: 'temperature', unit: '°C' }),
    );
    expect(rejected[0]?.rejection.code).toBe('ADAPTER_MALFORMED_JSON');
    expect(source.stats()).toMatchObject({ messages: 3, rejections: { ADAPTER_MALFORMED_JSON: 1 } });
  });
});
