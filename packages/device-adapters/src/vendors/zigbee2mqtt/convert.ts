/**
 * Zigbee2MQTT: `<base>/<friendly_name>` JSON state and `<base>/<friendly_name>/availability` (JSON
 * `{"state":…}` or the legacy plain `online`/`offline`). Friendly names may contain `/`.
 * `<base>/bridge/state` is the bridge's own availability; other bridge topics and `/set` `/get` are not events.
 */
import {
  accept,
  availability,
  type ConvertContext,
  type ConvertResult,
  type EventOrigin,
  eventTime,
  type NormalizedEvent,
  payloadText,
  type RawMessage,
  reading,
  reject,
  round,
  switchState,
} from '@brightkitchen/sdk';
import { bool, isRecord, type JsonRecord, num, str } from '../../shared/coerce.js';

export function convertZigbee2mqtt(message: RawMessage, context: ConvertContext): ConvertResult {
  const levels = (message.topic ?? '').split('/');
  const base = levels[0] ?? '';
  let name = levels.slice(1).join('/');
  let isAvailability = false;
  if (name.endsWith('/availability')) {
    name = name.slice(0, -'/availability'.length);
    isAvailability = true;
  } else if (name === 'bridge/state') {
    isAvailability = true;
  }
  if (!message.topic) name = context.deviceId ?? '';
  if (base === '' && message.topic) return reject('ADAPTER_UNKNOWN_TOPIC', { topic: message.topic });
  if (/(^|\/)(set|get)(\/|$)/.test(name) || (name.startsWith('bridge/') && !isAvailability)) {
    return reject('ADAPTER_UNKNOWN_TOPIC', { topic: message.topic ?? '' });
  }
  const text = payloadText(message.payload);
  if (!text.ok) return text;
  const trimmed = text.text.trim();
  const receivedTime = eventTime(message.receivedAt, context.timeZone) ?? message.receivedAt;
  const deviceId = name || context.deviceId || 'unknown';

  // Legacy availability payloads are bare words, on the availability topic or (without a topic) alone.
  if (/^(online|offline)$/i.test(trimmed)) {
    return accept([availability({ time: receivedTime, deviceId }, trimmed.toLowerCase() === 'online')]);
  }
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch (error) {
    return reject('ADAPTER_MALFORMED_JSON', { reason: error instanceof Error ? error.message.slice(0, 200) : 'parse' });
  }
  if (!isRecord(value)) return reject('ADAPTER_UNSUPPORTED_EVENT', { reason: 'not an object' });
  const keys = Object.keys(value);
  if (
    isAvailability ||
    (keys.length === 1 && keys[0] === 'state' && /^(online|offline)$/i.test(str(value.state) ?? ''))
  ) {
    const state = str(value.state)?.toLowerCase();
    if (state !== 'online' && state !== 'offline') return reject('ADAPTER_INVALID_VALUE', { field: 'state' });
    return accept([availability({ time: receivedTime, deviceId }, state === 'online')]);
  }
  const time = eventTime(value.last_seen, context.timeZone) ?? receivedTime;
  return accept(stateEvents(value, { time, deviceId }));
}

/** The exposes a kitchen cares about; anything else in the state is ignored. */
function stateEvents(state: JsonRecord, origin: EventOrigin): NormalizedEvent[] {
  const events: NormalizedEvent[] = [];
  const push = (metric: Parameters<typeof reading>[1], value: number | undefined) => {
    if (value !== undefined) events.push(reading(origin, metric, value));
  };
  push('temperature', num(state.temperature));
  push('humidity', num(state.humidity));
  push('pressure', num(state.pressure));
  push('battery', num(state.battery));
  const millivolts = num(state.voltage);
  // Battery sensors report mV; mains plugs report V (a plug never reads below 50 V, a cell never above 50).
  if (millivolts !== undefined) push('voltage', millivolts > 1000 ? round(millivolts / 1000, 3) : millivolts);
  push('current', num(state.current));
  push('power', num(state.power));
  push('energy', num(state.energy));
  push('illuminance', num(state.illuminance_lux) ?? num(state.illuminance));
  push('co2', num(state.co2));
  push('linkquality', num(state.linkquality));
  const contact = bool(state.contact);
  // `contact: false` means the reed switch is apart: the door is open.
  if (contact !== undefined) events.push(reading(origin, 'door_open', contact ? 0 : 1));
  const on = typeof state.state === 'string' ? bool(state.state) : undefined;
  if (on !== undefined) events.push(switchState(origin, on, num(state.power)));
  return events;
}
