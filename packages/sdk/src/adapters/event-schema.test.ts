import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { NormalizedEventListSchema, NormalizedEventSchema } from './event-schema.js';

const time = '2024-05-01T12:34:56+08:00';

describe('NormalizedEventSchema', () => {
  it('accepts each event type as converters produce it', () => {
    const events = [
      { type: 'reading', time, deviceId: 'fridge_1', metric: 'temperature', value: 3.4, unit: '°C' },
      { type: 'switch', time, deviceId: 'uv_lamp_1', on: true, powerW: 36, channel: '1' },
      { type: 'availability', time, deviceId: '34020000001310000001', online: true },
      {
        type: 'violation',
        time,
        deviceId: '44:47:cc:12:34:56',
        violation: 'no_hat',
        confidence: 0.91,
        cameraId: '44:47:cc:12:34:56',
        details: { sn: 17430, zone: '热菜间', known: null },
      },
      { type: 'alarm', time, deviceId: 'cam', code: 'hikvision.shelteralarm', description: '遮挡', phase: 'start' },
    ];
    for (const event of events) expect(v.safeParse(NormalizedEventSchema, event).success).toBe(true);
    expect(v.safeParse(NormalizedEventListSchema, events).success).toBe(true);
  });

  it('refuses what no converter makes: times without offset, unknown types or violations, extra fields', () => {
    const bad = [
      { type: 'reading', time: '2024-05-01 12:34', deviceId: 'x', metric: 'temperature', value: 3, unit: '°C' },
      { type: 'reading', time, deviceId: 'x', metric: 'temperature', value: Number.NaN, unit: '°C' },
      { type: 'gossip', time, deviceId: 'x' },
      { type: 'violation', time, deviceId: 'x', violation: 'jaywalking', cameraId: 'x' },
      { type: 'violation', time, deviceId: 'x', violation: 'no_hat', cameraId: 'x', confidence: 1.5 },
      { type: 'switch', time, deviceId: 'x', on: true, extra: 1 },
      { type: 'availability', time, deviceId: '', online: true },
    ];
    for (const event of bad) expect(v.safeParse(NormalizedEventSchema, event).success).toBe(false);
    expect(v.safeParse(NormalizedEventListSchema, []).success).toBe(false);
  });
});
