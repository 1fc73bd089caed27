import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MOSQUITTO, startTestBroker, type TestBroker } from '../sources/test-broker.js';
import { tasmota } from '../vendors/tasmota/index.js';
import { createKitchenSimulator } from './simulator.js';

let broker: TestBroker | undefined;
beforeAll(async () => {
  broker = await startTestBroker();
});
afterAll(() => broker?.stop());

const START = Date.parse('2024-05-01T12:00:00+08:00');
const until = async (check: () => boolean, ms = 4000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe.skipIf(!MOSQUITTO)('kitchen simulator over a real broker (Mosquitto)', () => {
  it('publishes the kitchen’s traffic, obeys UV commands and keeps its births retained', async () => {
    const watcher = await mqtt.connectAsync(broker!.url);
    const seen: { topic: string; payload: string; retain: boolean }[] = [];
    watcher.on('message', (topic, payload, packet) =>
      seen.push({ topic, payload: payload.toString(), retain: packet.retain }),
    );
    await watcher.subscribeAsync(['zigbee2mqtt/#', 'tele/#', 'stat/#', 'frigate/#', 'shellyhtg3-84fce63ad204/#'], {
      qos: 1,
    });

    let now = START;
    const simulator = createKitchenSimulator({
      broker: { url: broker!.url },
      clock: { now: () => now },
      scenario: 'normal',
      seed: 3,
    });
    await simulator.connect();
    now += 5 * 60_000;
    await simulator.sync();
    await until(() => seen.filter((m) => m.topic === 'zigbee2mqtt/fridge_1').length === 6);
    expect(seen.map((m) => m.topic)).toEqual(
      expect.arrayContaining([
        'zigbee2mqtt/fridge_1/availability',
        'tele/freezer_1/LWT',
        'tele/freezer_1/SENSOR',
        'tele/uv_lamp_1/STATE',
        'tele/uv_lamp_1/SENSOR',
        'shellyhtg3-84fce63ad204/events/rpc',
        'frigate/available',
        'frigate/events',
        'frigate/tracked_object_update',
      ]),
    );

    // The platform sends a schedule and a POWER command; the plug answers like Tasmota does.
    const encoded = tasmota.encodeCommand!({ type: 'power', on: false }, { deviceId: 'uv_lamp_1' });
    if (!encoded.ok) throw new Error('encode');
    for (const m of encoded.messages) await watcher.publishAsync(m.topic, m.payload, { qos: 1 });
    await until(() => seen.some((m) => m.topic === 'stat/uv_lamp_1/RESULT'));
    expect(seen.find((m) => m.topic === 'stat/uv_lamp_1/RESULT')?.payload).toBe('{"POWER":"OFF"}');
    expect(simulator.stats()).toMatchObject({ failed: 0, commands: 1 });

    await simulator.stop();
    // A late subscriber gets the retained births.
    const late = await mqtt.connectAsync(broker!.url);
    const retained: string[] = [];
    late.on('message', (topic, payload) => retained.push(`${topic} ${payload}`));
    await late.subscribeAsync('tele/+/LWT', { qos: 1 });
    await until(() => retained.length === 2);
    expect(retained.sort()).toEqual(['tele/freezer_1/LWT Online', 'tele/uv_lamp_1/LWT Online']);
    await late.endAsync();
    await watcher.endAsync();
  });
});
