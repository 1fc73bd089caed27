import { describe, expect, it } from 'vitest';
import { fixture, RECEIVED_AT } from '../../test-fixtures.js';
import { shelly } from './definition.js';
import type { ShellyState } from './merge.js';

const convert = (topic: string, payload: Uint8Array | string, state?: ShellyState) =>
  shelly.convert({ topic, payload, receivedAt: RECEIVED_AT }, state ? { state } : {});

describe('shelly', () => {
  it('reads the H&T NotifyStatus sample whole and returns the merged status as state', () => {
    const result = convert('shellyhtg3-84fce63ad204/events/rpc', fixture('shelly-notify.json'));
    const at = { time: '2024-05-01T12:34:56.420+08:00', deviceId: 'shellyhtg3-84fce63ad204' };
    expect(result.ok && result.events).toEqual([
      { type: 'reading', ...at, channel: 'temperature:0', metric: 'temperature', value: 3.9, unit: '°C' },
      { type: 'reading', ...at, channel: 'humidity:0', metric: 'humidity', value: 71.2, unit: '%' },
      { type: 'reading', ...at, channel: 'devicepower:0', metric: 'battery', value: 84, unit: '%' },
    ]);
    expect(result.ok && result.state?.['shellyhtg3-84fce63ad204']?.['humidity:0']).toEqual({ id: 0, rh: 71.2 });
  });

  it('reads the Plus Plug S full status whole: switch (with its power), power in W, voltage, current, energy', () => {
    const result = convert('shellyplusplugs-e86beae9a7c0/events/rpc', fixture('shelly-plug-status.json'));
    const at = { time: '2024-05-01T12:35:00.120+08:00', deviceId: 'shellyplusplugs-e86beae9a7c0', channel: 'switch:0' };
    expect(result).toEqual({
      ok: true,
      events: [
        { type: 'switch', ...at, on: true, powerW: 31.6 },
        { type: 'reading', ...at, metric: 'power', value: 31.6, unit: 'W' },
        { type: 'reading', ...at, metric: 'voltage', value: 228.9, unit: 'V' },
        { type: 'reading', ...at, metric: 'current', value: 0.162, unit: 'A' },
        { type: 'reading', ...at, metric: 'energy', value: 5.3215, unit: 'kWh' },
      ],
      state: {
        'shellyplusplugs-e86beae9a7c0': JSON.parse(Buffer.from(fixture('shelly-plug-status.json')).toString()).params,
      },
    });
  });

  it('merges a partial NotifyStatus onto the last full status: power change keeps the known output', () => {
    const full = JSON.stringify({
      src: 'shellyplusplugs-uv1',
      method: 'NotifyFullStatus',
      params: {
        ts: 1714599000,
        'switch:0': { id: 0, output: true, apower: 0, voltage: 229.1, aenergy: { total: 1200 } },
        sys: {},
      },
    });
    const first = convert('shellyplusplugs-uv1/events/rpc', full);
    if (!first.ok) throw new Error('full status');
    expect(first.events[0]).toEqual({
      type: 'switch',
      time: '2024-05-02T05:30:00+08:00',
      deviceId: 'shellyplusplugs-uv1',
      channel: 'switch:0',
      on: true,
      powerW: 0,
    });
    const change = JSON.stringify({
      src: 'shellyplusplugs-uv1',
      method: 'NotifyStatus',
      params: { ts: 1714599060, 'switch:0': { id: 0, apower: 36.2 } },
    });
    const second = convert('shellyplusplugs-uv1/events/rpc', change, first.state);
    if (!second.ok) throw new Error('status');
    expect(second.events).toEqual([
      {
        type: 'switch',
        time: '2024-05-02T05:31:00+08:00',
        deviceId: 'shellyplusplugs-uv1',
        channel: 'switch:0',
        on: true,
        powerW: 36.2,
      },
      {
        type: 'reading',
        time: '2024-05-02T05:31:00+08:00',
        deviceId: 'shellyplusplugs-uv1',
        channel: 'switch:0',
        metric: 'power',
        value: 36.2,
        unit: 'W',
      },
      {
        type: 'reading',
        time: '2024-05-02T05:31:00+08:00',
        deviceId: 'shellyplusplugs-uv1',
        channel: 'switch:0',
        metric: 'voltage',
        value: 229.1,
        unit: 'V',
      },
      {
        type: 'reading',
        time: '2024-05-02T05:31:00+08:00',
        deviceId: 'shellyplusplugs-uv1',
        channel: 'switch:0',
        metric: 'energy',
        value: 1.2,
        unit: 'kWh',
      },
    ]);
    // Without the state the change alone says power but not whether the switch is on.
    const alone = convert('shellyplusplugs-uv1/events/rpc', change);
    expect(alone.ok && alone.events).toEqual([
      {
        type: 'reading',
        time: '2024-05-02T05:31:00+08:00',
        deviceId: 'shellyplusplugs-uv1',
        channel: 'switch:0',
        metric: 'power',
        value: 36.2,
        unit: 'W',
      },
    ]);
  });

  it('reads online, ignores NotifyEvent, refuses other methods and topics', () => {
    expect(convert('shellyplusplugs-uv1/online', 'false')).toEqual({
      ok: true,
      events: [
        { type: 'availability', time: '2024-05-01T12:35:00+08:00', deviceId: 'shellyplusplugs-uv1', online: false },
      ],
      state: {},
    });
    expect(convert('x/events/rpc', '{"src":"x","method":"NotifyEvent","params":{"events":[]}}')).toMatchObject({
      ok: true,
      events: [],
    });
    expect(convert('x/events/rpc', '{"src":"x","method":"Switch.Set","params":{}}')).toMatchObject({
      rejection: { code: 'ADAPTER_UNSUPPORTED_EVENT' },
    });
    expect(convert('x/status/sys', '{}')).toMatchObject({ rejection: { code: 'ADAPTER_UNKNOWN_TOPIC' } });
  });

  it('encodes Switch.Set and a schedule as cron jobs that switch off after the run', () => {
    expect(shelly.encodeCommand?.({ type: 'power', on: true }, { deviceId: 'shellyplusplugs-uv1' })).toEqual({
      ok: true,
      messages: [
        {
          topic: 'shellyplusplugs-uv1/rpc',
          payload: '{"id":1,"src":"brightkitchen","method":"Switch.Set","params":{"id":0,"on":true}}',
        },
      ],
    });
    const schedule = shelly.encodeCommand?.(
      { type: 'schedule', runs: [{ time: '22:30', durationMin: 30, days: [1, 2, 3, 4, 5] }] },
      { deviceId: 'p' },
    );
    if (!schedule?.ok) throw new Error('schedule');
    expect(schedule.messages.map((m) => JSON.parse(m.payload).method)).toEqual([
      'Schedule.DeleteAll',
      'Schedule.Create',
    ]);
    expect(JSON.parse(schedule.messages[1]!.payload).params).toEqual({
      enable: true,
      timespec: '0 30 22 * * MON,TUE,WED,THU,FRI',
      calls: [{ method: 'Switch.Set', params: { id: 0, on: true, toggle_after: 1800 } }],
    });
  });
});
