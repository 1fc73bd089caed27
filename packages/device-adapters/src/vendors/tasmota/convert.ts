/** Tasmota over MQTT: tele SENSOR/STATE/LWT, stat RESULT/POWER/STATUS10. */
import {
  accept,
  availability,
  type ConvertContext,
  type ConvertResult,
  eventTime,
  payloadText,
  type RawMessage,
  reject,
  switchState,
} from '@brightkitchen/sdk';
import { isRecord, type JsonRecord } from '../../shared/coerce.js';
import { powerEvents, powerWord, sensorEvents } from './telemetry.js';
import { parseTasmotaTopic } from './topic.js';

export function convertTasmota(message: RawMessage, context: ConvertContext): ConvertResult {
  const topic = message.topic ? parseTasmotaTopic(message.topic) : undefined;
  if (message.topic && (!topic || topic.prefix === 'cmnd')) {
    return reject('ADAPTER_UNKNOWN_TOPIC', { topic: message.topic });
  }
  const deviceId = topic?.device ?? context.deviceId ?? 'tasmota';
  const name = topic?.name.toUpperCase();
  const text = payloadText(message.payload);
  if (!text.ok) return text;
  const body = text.text.trim();
  const receivedTime = eventTime(message.receivedAt, context.timeZone) ?? message.receivedAt;

  if (name === 'LWT' || (name === undefined && /^(online|offline)$/i.test(body))) {
    const word = body.toLowerCase();
    if (word !== 'online' && word !== 'offline') return reject('ADAPTER_INVALID_VALUE', { payload: body.slice(0, 40) });
    return accept([availability({ time: receivedTime, deviceId }, word === 'online')]);
  }
  const power = name === undefined ? undefined : /^POWER(\d?)$/.exec(name);
  if (power || (name === undefined && powerWord(body) !== undefined && !body.startsWith('{'))) {
    const on = powerWord(body);
    if (on === undefined) return reject('ADAPTER_INVALID_VALUE', { payload: body.slice(0, 40) });
    const origin = { time: receivedTime, deviceId, ...(power?.[1] ? { channel: power[1] } : {}) };
    return accept([switchState(origin, on)]);
  }
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    return reject('ADAPTER_MALFORMED_JSON', { reason: error instanceof Error ? error.message.slice(0, 200) : 'parse' });
  }
  if (!isRecord(value)) return reject('ADAPTER_UNSUPPORTED_EVENT', { reason: 'not an object' });
  const kind = name ?? guessKind(value);
  const source: JsonRecord = kind === 'STATUS10' && isRecord(value.StatusSNS) ? value.StatusSNS : value;
  const origin = { time: eventTime(source.Time, context.timeZone) ?? receivedTime, deviceId };
  switch (kind) {
    case 'SENSOR':
    case 'STATUS10':
      return accept(sensorEvents(source, origin));
    case 'STATE':
    case 'RESULT':
      return accept(powerEvents(source, origin));
    default:
      return reject('ADAPTER_UNKNOWN_TOPIC', { topic: message.topic ?? '' });
  }
}

function guessKind(value: JsonRecord): string | undefined {
  if (isRecord(value.StatusSNS)) return 'STATUS10';
  if ('Uptime' in value || 'Wifi' in value) return 'STATE';
  if (Object.keys(value).some((k) => /^POWER\d?$/.test(k))) return 'RESULT';
  if (Object.values(value).some(isRecord)) return 'SENSOR';
  return undefined;
}
