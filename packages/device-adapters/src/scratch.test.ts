import { readFileSync } from 'node:fs';
import { test } from 'vitest';
import { ADAPTERS } from './registry.js';
const cases: [string, string, string?][] = [
  ['gb28181', 'gb28181-alarm.xml'], ['gb28181', 'gb28181-keepalive.xml'], ['frigate', 'frigate-event.json', 'frigate/events'],
  ['shelly', 'shelly-notify.json', 'shellyhtg3-84fce63ad204/events/rpc'], ['tasmota', 'tasmota-energy.json', 'tele/uv_lamp_1/SENSOR'],
  ['tasmota', 'tasmota-sensor.json', 'tele/fridge_probe/SENSOR'], ['zigbee2mqtt', 'z2m-aqara.json', 'zigbee2mqtt/fridge_1'], ['zigbee2mqtt', 'z2m-availability.json', 'zigbee2mqtt/fridge_1/availability'],
];
test('x', () => {
  for (const [v, f, topic] of cases) {
    const payload = readFileSync(`/work/main/packages/device-adapters/fixtures/${f}`);
    console.log(f, JSON.stringify(ADAPTERS[v]!.convert({ payload: new Uint8Array(payload), receivedAt: '2024-05-01T04:35:00Z', ...(topic ? { topic } : {}) })));
  }
});
