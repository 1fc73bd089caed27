import { readFileSync } from 'node:fs';
import { adapterForTopic } from '@brightkitchen/device-adapters/sources';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kt3Probe } from './kt3-probe.js';
import { ALL_ADAPTERS, VENDOR_ADAPTERS } from './registry.js';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../fixtures/${name}`, import.meta.url)));
const RECEIVED_AT = '2024-05-01T04:35:00Z';

describe('Lengguang KT-3 adapter', () => {
  it('converts the telemetry fixture: both probes in °C, battery, door', () => {
    expect(
      kt3Probe.convert({
        topic: 'kt3/KT3-00042/telemetry',
        payload: fixture('kt3-telemetry.json'),
        receivedAt: RECEIVED_AT,
      }),
    ).toEqual({
      ok: true,
      events: [
        {
          type: 'reading',
          time: '2024-05-01T12:35:00+08:00',
          deviceId: 'KT3-00042',
          channel: '1',
          metric: 'temperature',
          value: 3.5,
          unit: '°C',
        },
        {
          type: 'reading',
          time: '2024-05-01T12:35:00+08:00',
          deviceId: 'KT3-00042',
          channel: '2',
          metric: 'temperature',
          value: -18,
          unit: '°C',
        },
        {
          type: 'reading',
          time: '2024-05-01T12:35:00+08:00',
          deviceId: 'KT3-00042',
          metric: 'battery',
          value: 87,
          unit: '%',
        },
        {
          type: 'reading',
          time: '2024-05-01T12:35:00+08:00',
          deviceId: 'KT3-00042',
          metric: 'door_open',
          value: 1,
          unit: 'bool',
        },
      ],
    });
  });

  it('converts the last will to offline', () => {
    expect(
      kt3Probe.convert({ topic: 'kt3/KT3-00042/status', payload: fixture('kt3-status.json'), receivedAt: RECEIVED_AT }),
    ).toEqual({
      ok: true,
      events: [{ type: 'availability', time: '2024-05-01T12:36:00+08:00', deviceId: 'KT3-00042', online: false }],
    });
  });

  it('answers wrong input with typed rejections', () => {
    const convert = (topic: string, payload: string) => kt3Probe.convert({ topic, payload, receivedAt: RECEIVED_AT });
    expect(convert('kt3/x/other', '{}')).toMatchObject({ ok: false, rejection: { code: 'ADAPTER_UNKNOWN_TOPIC' } });
    expect(convert('kt3/x/telemetry', '{"probes":')).toMatchObject({
      ok: false,
      rejection: { code: 'ADAPTER_MALFORMED_JSON' },
    });
    expect(convert('kt3/x/telemetry', '{"probes":[{"ch":1,"t":"warm"}]}')).toMatchObject({
      ok: false,
      rejection: { code: 'ADAPTER_INVALID_VALUE', details: { field: 'probes.0.t' } },
    });
    expect(convert('kt3/x/status', '{"event":"lwt"}')).toMatchObject({
      ok: false,
      rejection: { code: 'ADAPTER_MISSING_FIELD' },
    });
  });

  it('is registered beside the built-in adapters and found by its topics', () => {
    expect(ALL_ADAPTERS['lengguang-kt3']).toBe(kt3Probe);
    expect(ALL_ADAPTERS.tasmota).toBeDefined();
    expect(adapterForTopic([...Object.values(ALL_ADAPTERS)], 'kt3/KT3-00042/telemetry')?.vendor).toBe('lengguang-kt3');
    expect(adapterForTopic(VENDOR_ADAPTERS, 'tele/x/SENSOR')).toBeUndefined();
  });

  it('never throws and never hangs on random bytes or truncated payloads', () => {
    const whole = new TextDecoder().decode(fixture('kt3-telemetry.json'));
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 512 }), fc.nat({ max: whole.length }), (bytes, cut) => {
        for (const payload of [bytes, whole.slice(0, cut)]) {
          const result = kt3Probe.convert({ topic: 'kt3/KT3-1/telemetry', payload, receivedAt: RECEIVED_AT });
          expect(result.ok || result.rejection.code.startsWith('ADAPTER_')).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
