/**
 * A plug's power is a `power` reading in W whatever the vendor (its switch event may carry it too), so the
 * platform's disinfection and energy rules read one metric for every brand of smart plug.
 */
import type { NormalizedEvent } from '@brightkitchen/sdk';
import { describe, expect, it } from 'vitest';
import { ADAPTERS } from './registry.js';
import { fixture, RECEIVED_AT } from './test-fixtures.js';

const PLUGS: readonly (readonly [vendor: string, topic: string, file: string, watts: number])[] = [
  ['shelly', 'shellyplusplugs-e86beae9a7c0/events/rpc', 'shelly-plug-status.json', 31.6],
  ['tasmota', 'tele/uv_lamp_1/SENSOR', 'tasmota-energy.json', 36],
  ['zigbee2mqtt', 'zigbee2mqtt/uv_plug', 'z2m-plug.json', 31.5],
];

describe('plug power, every vendor alike', () => {
  it.each(PLUGS)('%s: a power reading in W', (vendor, topic, file, watts) => {
    const result = ADAPTERS[vendor]!.convert({ topic, payload: fixture(file), receivedAt: RECEIVED_AT });
    if (!result.ok) throw new Error(result.rejection.code);
    const power = result.events.filter(
      (e): e is Extract<NormalizedEvent, { type: 'reading' }> => e.type === 'reading' && e.metric === 'power',
    );
    expect(power.map(({ value, unit }) => ({ value, unit }))).toEqual([{ value: watts, unit: 'W' }]);
    for (const event of result.events)
      if (event.type === 'switch' && event.powerW !== undefined) expect(event.powerW).toBe(watts);
  });
});
