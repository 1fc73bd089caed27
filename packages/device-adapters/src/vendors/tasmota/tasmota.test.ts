import { describe, expect, it } from 'vitest';
import { fixture, RECEIVED_AT } from '../../test-fixtures.js';
import { tasmota } from './definition.js';

const convert = (topic: string | undefined, payload: Uint8Array | string) =>
  tasmota.convert({ payload, receivedAt: RECEIVED_AT, ...(topic ? { topic } : {}) });
const time = '2024-05-01T12:35:00+08:00';

describe('tasmota telemetry', () => {
  it('reads the ENERGY sample whole, local Time read in the venue zone', () => {
    const at = { time, deviceId: 'uv_lamp_1' };
    expect(convert('tele/uv_lamp_1/SENSOR', fixture('tasmota-energy.json'))).toEqual({
      ok: true,
      events: [
        { type: 'reading', ...at, metric: 'power', value: 36, unit: 'W' },
        { type: 'reading', ...at, metric: 'voltage', value: 227, unit: 'V' },
        { type: 'reading', ...at, metric: 'current', value: 0.229, unit: 'A' },
        { type: 'reading', ...at, metric: 'energy', value: 132.294, unit: 'kWh' },
        { type: 'reading', ...at, metric: 'energy_today', value: 0.954, unit: 'kWh' },
      ],
    });
  });

  it('reads a two-relay ENERGY sample whole: array values per relay, on the POWER<n> channels', () => {
    const at = { time, deviceId: 'dish_cabinet' };
    expect(convert('tele/dish_cabinet/SENSOR', fixture('tasmota-energy-2ch.json'))).toEqual({
      ok: true,
      events: [
        { type: 'reading', ...at, channel: '1', metric: 'power', value: 0, unit: 'W' },
        { type: 'reading', ...at, channel: '2', metric: 'power', value: 12, unit: 'W' },
        { type: 'reading', ...at, metric: 'voltage', value: 229, unit: 'V' },
        { type: 'reading', ...at, channel: '1', metric: 'current', value: 0, unit: 'A' },
        { type: 'reading', ...at, channel: '2', metric: 'current', value: 0.061, unit: 'A' },
        { type: 'reading', ...at, metric: 'energy', value: 0.041, unit: 'kWh' },
        { type: 'reading', ...at, metric: 'energy_today', value: 0.041, unit: 'kWh' },
      ],
    });
    expect(convert('stat/dish_cabinet/POWER2', 'ON')).toMatchObject({ events: [{ type: 'switch', channel: '2' }] });
  });

  it('reads several DS18B20 probes, each its own channel by Id', () => {
    expect(convert('tele/cold_room/SENSOR', fixture('tasmota-sensor.json'))).toEqual({
      ok: true,
      events: [
        {
          type: 'reading',
          time,
          deviceId: 'cold_room',
          channel: '00000566CC39',
          metric: 'temperature',
          value: 3.4,
          unit: '°C',
        },
        {
          type: 'reading',
          time,
          deviceId: 'cold_room',
          channel: '0000059352D4',
          metric: 'temperature',
          value: -18.6,
          unit: '°C',
        },
      ],
    });
  });

  it('converts °F to °C (temperature and dew point)', () => {
    const payload =
      '{"Time":"2024-05-01T12:35:00","SHT3X-0x44":{"Temperature":38.1,"Humidity":70.5,"DewPoint":29.3},"TempUnit":"F"}';
    const result = convert('tele/prep/SENSOR', payload);
    const probe = { time, deviceId: 'prep', channel: 'SHT3X-0x44' };
    expect(result).toEqual({
      ok: true,
      events: [
        { type: 'reading', ...probe, metric: 'temperature', value: 3.39, unit: '°C' },
        { type: 'reading', ...probe, metric: 'humidity', value: 70.5, unit: '%' },
        { type: 'reading', ...probe, metric: 'dew_point', value: -1.5, unit: '°C' },
      ],
    });
  });

  it('reads STATE, RESULT, stat POWER and LWT', () => {
    const state = '{"Time":"2024-05-01T22:30:05","Uptime":"0T01:00:00","POWER":"ON","Wifi":{"AP":1,"RSSI":76}}';
    expect(convert('tele/uv_lamp_1/STATE', state)).toEqual({
      ok: true,
      events: [{ type: 'switch', time: '2024-05-01T22:30:05+08:00', deviceId: 'uv_lamp_1', on: true }],
    });
    expect(convert('stat/uv_lamp_1/RESULT', '{"POWER":"OFF"}')).toMatchObject({
      events: [{ type: 'switch', on: false }],
    });
    expect(convert('stat/relay_4/POWER2', 'ON')).toMatchObject({
      events: [{ type: 'switch', channel: '2', on: true }],
    });
    expect(convert('tele/uv_lamp_1/LWT', 'Offline')).toEqual({
      ok: true,
      events: [{ type: 'availability', time, deviceId: 'uv_lamp_1', online: false }],
    });
    expect(convert('tele/uv_lamp_1/LWT', 'Online')).toMatchObject({ events: [{ online: true }] });
    expect(convert('stat/uv_lamp_1/RESULT', '{"Timer1":{"Enable":1}}')).toEqual({ ok: true, events: [] });
  });

  it('refuses command topics and unknown telemetry', () => {
    expect(convert('cmnd/uv_lamp_1/POWER', 'ON')).toMatchObject({ rejection: { code: 'ADAPTER_UNKNOWN_TOPIC' } });
    expect(convert('tele/uv_lamp_1/INFO1', '{"Info1":{}}')).toMatchObject({
      rejection: { code: 'ADAPTER_UNKNOWN_TOPIC' },
    });
    expect(convert('tele/uv_lamp_1/LWT', 'Maybe')).toMatchObject({ rejection: { code: 'ADAPTER_INVALID_VALUE' } });
  });
});

describe('tasmota commands', () => {
  const target = { deviceId: 'uv_lamp_1' };

  it('switches power', () => {
    expect(tasmota.encodeCommand?.({ type: 'power', on: false }, target)).toEqual({
      ok: true,
      messages: [{ topic: 'cmnd/uv_lamp_1/POWER', payload: 'OFF' }],
    });
  });

  it('writes a UV schedule as on/off Timer pairs, disables the rest and arms the timers', () => {
    const result = tasmota.encodeCommand?.({ type: 'schedule', runs: [{ time: '22:30', durationMin: 30 }] }, target);
    if (!result?.ok) throw new Error('expected messages');
    expect(result.messages.slice(0, 3)).toEqual([
      {
        topic: 'cmnd/uv_lamp_1/Timer1',
        payload: '{"Enable":1,"Mode":0,"Time":"22:30","Window":0,"Days":"1111111","Repeat":1,"Output":1,"Action":1}',
      },
      {
        topic: 'cmnd/uv_lamp_1/Timer2',
        payload: '{"Enable":1,"Mode":0,"Time":"23:00","Window":0,"Days":"1111111","Repeat":1,"Output":1,"Action":0}',
      },
      { topic: 'cmnd/uv_lamp_1/Timer3', payload: '{"Enable":0}' },
    ]);
    expect(result.messages).toHaveLength(17);
    expect(result.messages.at(-1)).toEqual({ topic: 'cmnd/uv_lamp_1/Timers', payload: '1' });
  });

  it('switches a run crossing midnight off on the next day', () => {
    const result = tasmota.encodeCommand?.(
      { type: 'schedule', runs: [{ time: '23:45', durationMin: 30, days: [5] }] },
      target,
    );
    if (!result?.ok) throw new Error('expected messages');
    expect(JSON.parse(result.messages[0]!.payload)).toMatchObject({ Time: '23:45', Days: '0000010', Action: 1 });
    expect(JSON.parse(result.messages[1]!.payload)).toMatchObject({ Time: '00:15', Days: '0000001', Action: 0 });
  });

  it('refuses a bad time, a bad duration and more runs than timers', () => {
    expect(
      tasmota.encodeCommand?.({ type: 'schedule', runs: [{ time: '24:00', durationMin: 30 }] }, target),
    ).toMatchObject({
      ok: false,
      rejection: { code: 'ADAPTER_INVALID_VALUE', details: { field: 'runs.0.time' } },
    });
    expect(
      tasmota.encodeCommand?.({ type: 'schedule', runs: [{ time: '10:00', durationMin: 0 }] }, target),
    ).toMatchObject({
      rejection: { code: 'ADAPTER_INVALID_VALUE' },
    });
    const nine = Array.from({ length: 9 }, (_, i) => ({ time: `0${i}:00`, durationMin: 30 }));
    expect(tasmota.encodeCommand?.({ type: 'schedule', runs: nine }, target)).toMatchObject({
      rejection: { code: 'ADAPTER_UNSUPPORTED_COMMAND' },
    });
  });
});
