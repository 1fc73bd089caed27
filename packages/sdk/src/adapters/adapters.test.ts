import { describe, expect, it } from 'vitest';
import { minutesOfDay, scheduleIssue, timeOfDay } from './command.js';
import { defineAdapter } from './definition.js';
import { eventTime } from './event-time.js';
import { fahrenheitToCelsius, reading, temperatureReading } from './metrics.js';
import { payloadJson, payloadText } from './payload.js';
import { accept, reject } from './result.js';
import { topicMatches } from './topic.js';

const at = { time: '2024-05-01T12:00:00+08:00', deviceId: 'probe' };

describe('defineAdapter', () => {
  const base = {
    vendor: 'acme-probe',
    models: ['P1'],
    description: { zh: '示例', en: 'Example' },
    inputs: [{ transport: 'mqtt' as const, topics: ['acme/+/t'] }],
  };

  it('turns a converter that throws into ADAPTER_INTERNAL_ERROR and an oversize payload into a rejection', () => {
    const adapter = defineAdapter({
      ...base,
      convert: () => {
        throw new Error('boom');
      },
    });
    expect(adapter.convert({ payload: 'x', receivedAt: at.time })).toMatchObject({
      ok: false,
      rejection: { code: 'ADAPTER_INTERNAL_ERROR', details: { reason: 'boom' } },
    });
    expect(adapter.convert({ payload: 'x'.repeat(11), receivedAt: at.time }, { maxPayloadBytes: 10 })).toMatchObject({
      rejection: { code: 'ADAPTER_PAYLOAD_TOO_LARGE', details: { bytes: 11, limit: 10 } },
    });
    expect(adapter.convert({ payload: '温'.repeat(4), receivedAt: at.time }, { maxPayloadBytes: 10 })).toMatchObject({
      rejection: { code: 'ADAPTER_PAYLOAD_TOO_LARGE', details: { bytes: 12 } },
    });
  });

  it('drops readings that are not finite numbers and passes state through', () => {
    const adapter = defineAdapter<number>({
      ...base,
      convert: (_m, context) =>
        accept([reading(at, 'temperature', Number.NaN), reading(at, 'humidity', 50)], (context.state ?? 0) + 1),
    });
    expect(adapter.convert({ payload: '', receivedAt: at.time }, { state: 1 })).toEqual({
      ok: true,
      events: [{ type: 'reading', ...at, metric: 'humidity', value: 50, unit: '%' }],
      state: 2,
    });
  });

  it('refuses a definition with a bad vendor name or no inputs at load time', () => {
    expect(() =>
      defineAdapter({ ...base, vendor: 'Acme Probe', convert: () => reject('ADAPTER_UNSUPPORTED_EVENT') }),
    ).toThrow(TypeError);
    expect(() => defineAdapter({ ...base, inputs: [], convert: () => accept([]) })).toThrow(TypeError);
  });
});

describe('adapter helpers', () => {
  it('matches MQTT topic filters', () => {
    expect(topicMatches('tele/+/SENSOR', 'tele/uv_lamp_1/SENSOR')).toBe(true);
    expect(topicMatches('tele/+/SENSOR', 'tele/a/b/SENSOR')).toBe(false);
    expect(topicMatches('zigbee2mqtt/#', 'zigbee2mqtt/kitchen/fridge/availability')).toBe(true);
    expect(topicMatches('zigbee2mqtt/#', 'zigbee2mqtt')).toBe(true);
    expect(topicMatches('frigate/events', 'frigate/reviews')).toBe(false);
  });

  it('reads vendor times into the venue zone', () => {
    expect(eventTime('2024-05-01T12:35:00')).toBe('2024-05-01T12:35:00+08:00');
    expect(eventTime('2024-05-01T04:35:00Z')).toBe('2024-05-01T12:35:00+08:00');
    expect(eventTime(1714538096.42)).toBe('2024-05-01T12:34:56.420+08:00');
    expect(eventTime(1714538096420)).toBe('2024-05-01T12:34:56.420+08:00');
    expect(eventTime('2024-05-01 12:35:00', 'Asia/Urumqi')).toBe('2024-05-01T12:35:00+06:00');
    for (const bad of [
      'yesterday',
      '',
      Number.NaN,
      -1,
      1e20,
      null,
      '2024-13-45T99:99:99',
      '2024-02-30T10:00:00',
      '2024-02-30T10:00:00+08:00',
    ])
      expect(eventTime(bad)).toBeUndefined();
  });

  it('converts °F and keeps temperature in °C', () => {
    expect(fahrenheitToCelsius(39.2)).toBe(4);
    expect(temperatureReading(at, 39.2, 'F')).toEqual({
      type: 'reading',
      ...at,
      metric: 'temperature',
      value: 4,
      unit: '°C',
    });
  });

  it('decodes payloads strictly: BOM dropped, bad UTF-8 and bad JSON typed', () => {
    expect(payloadText(new Uint8Array([0xef, 0xbb, 0xbf, 0x7b, 0x7d]))).toEqual({ ok: true, text: '{}' });
    expect(payloadText(new Uint8Array([0xc3, 0x28]))).toMatchObject({
      ok: false,
      rejection: { code: 'ADAPTER_BAD_ENCODING' },
    });
    expect(payloadJson('{"a":')).toMatchObject({ ok: false, rejection: { code: 'ADAPTER_MALFORMED_JSON' } });
  });

  it('validates schedules', () => {
    expect(minutesOfDay('22:30')).toBe(1350);
    expect(minutesOfDay('7:30')).toBeUndefined();
    expect(timeOfDay(1350 + 45)).toBe('23:15');
    expect(timeOfDay(1440 + 15)).toBe('00:15');
    expect(scheduleIssue([{ time: '22:30', durationMin: 30, days: [1, 7] }])).toBeUndefined();
    expect(scheduleIssue([{ time: '22:30', durationMin: 30.5 }])).toEqual({ field: 'runs.0.durationMin', value: 30.5 });
  });
});
