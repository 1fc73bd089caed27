import { describe, expect, it } from 'vitest';
import { fixture, RECEIVED_AT } from '../../test-fixtures.js';
import { zigbee2mqtt } from './definition.js';

const convert = (topic: string, payload: Uint8Array | string) =>
  zigbee2mqtt.convert({ topic, payload, receivedAt: RECEIVED_AT });
const time = '2024-05-01T12:35:00+08:00';

describe('zigbee2mqtt', () => {
  it('reads the Aqara sample whole (voltage mV → V)', () => {
    const at = { time, deviceId: 'kitchen/fridge_1' };
    expect(convert('zigbee2mqtt/kitchen/fridge_1', fixture('z2m-aqara.json'))).toEqual({
      ok: true,
      events: [
        { type: 'reading', ...at, metric: 'temperature', value: 3.86, unit: '°C' },
        { type: 'reading', ...at, metric: 'humidity', value: 71.42, unit: '%' },
        { type: 'reading', ...at, metric: 'pressure', value: 1012.4, unit: 'hPa' },
        { type: 'reading', ...at, metric: 'battery', value: 91, unit: '%' },
        { type: 'reading', ...at, metric: 'voltage', value: 2.985, unit: 'V' },
        { type: 'reading', ...at, metric: 'linkquality', value: 87, unit: 'lqi' },
      ],
    });
  });

  it('reads the smart plug sample whole: power in W as a reading, and on the switch event', () => {
    const at = { time, deviceId: 'uv_plug' };
    expect(convert('zigbee2mqtt/uv_plug', fixture('z2m-plug.json'))).toEqual({
      ok: true,
      events: [
        { type: 'reading', ...at, metric: 'voltage', value: 229, unit: 'V' },
        { type: 'reading', ...at, metric: 'current', value: 0.14, unit: 'A' },
        { type: 'reading', ...at, metric: 'power', value: 31.5, unit: 'W' },
        { type: 'reading', ...at, metric: 'energy', value: 3.21, unit: 'kWh' },
        { type: 'reading', ...at, metric: 'linkquality', value: 116, unit: 'lqi' },
        { type: 'switch', ...at, on: true, powerW: 31.5 },
      ],
    });
  });

  it('reads availability as JSON and as the legacy plain strings', () => {
    const offline = { ok: true, events: [{ type: 'availability', time, deviceId: 'fridge_1', online: false }] };
    expect(convert('zigbee2mqtt/fridge_1/availability', fixture('z2m-availability.json'))).toEqual(offline);
    expect(convert('zigbee2mqtt/fridge_1/availability', 'offline')).toEqual(offline);
    expect(convert('zigbee2mqtt/fridge_1/availability', 'online')).toMatchObject({ events: [{ online: true }] });
    expect(convert('zigbee2mqtt/bridge/state', '{"state":"online"}')).toMatchObject({
      events: [{ deviceId: 'bridge/state', online: true }],
    });
    expect(convert('zigbee2mqtt/fridge_1/availability', '{"state":"sleeping"}')).toMatchObject({
      rejection: { code: 'ADAPTER_INVALID_VALUE' },
    });
  });

  it('reads a door contact (false = open), a plug with power, and last_seen as the time', () => {
    const door = convert(
      'zigbee2mqtt/freezer_door',
      '{"contact":false,"battery":100,"last_seen":"2024-05-01T12:30:00+08:00"}',
    );
    expect(door).toMatchObject({
      events: [
        { metric: 'battery' },
        { metric: 'door_open', value: 1, unit: 'bool', time: '2024-05-01T12:30:00+08:00' },
      ],
    });
    const plug = convert('zigbee2mqtt/uv_plug', '{"state":"ON","power":31.5,"voltage":229,"energy":1.2}');
    expect(plug.ok && plug.events.at(-1)).toEqual({
      type: 'switch',
      time,
      deviceId: 'uv_plug',
      on: true,
      powerW: 31.5,
    });
    expect(plug.ok && plug.events.find((e) => e.type === 'reading' && e.metric === 'voltage')).toMatchObject({
      value: 229,
    });
  });

  it('refuses bridge and command topics, and broken JSON, with typed rejections', () => {
    expect(convert('zigbee2mqtt/bridge/devices', '[]')).toMatchObject({ rejection: { code: 'ADAPTER_UNKNOWN_TOPIC' } });
    expect(convert('zigbee2mqtt/uv_plug/set', '{"state":"ON"}')).toMatchObject({
      rejection: { code: 'ADAPTER_UNKNOWN_TOPIC' },
    });
    expect(convert('zigbee2mqtt/fridge_1', '{"temperature":')).toMatchObject({
      rejection: { code: 'ADAPTER_MALFORMED_JSON' },
    });
  });

  it('encodes power commands, and refuses schedules it cannot run', () => {
    expect(zigbee2mqtt.encodeCommand?.({ type: 'power', on: true }, { deviceId: 'uv_plug' })).toEqual({
      ok: true,
      messages: [{ topic: 'zigbee2mqtt/uv_plug/set', payload: '{"state":"ON"}' }],
    });
    expect(zigbee2mqtt.encodeCommand?.({ type: 'schedule', runs: [] }, { deviceId: 'uv_plug' })).toMatchObject({
      ok: false,
      rejection: { code: 'ADAPTER_UNSUPPORTED_COMMAND' },
    });
  });
});
