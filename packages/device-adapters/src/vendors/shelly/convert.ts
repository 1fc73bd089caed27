/**
 * Shelly Gen2/Gen3 over MQTT: `<prefix>/events/rpc` (NotifyFullStatus, NotifyStatus, NotifyEvent) and
 * `<prefix>/online`. The last full status per device travels in and out as `state`, so the converter
 * stays pure: a NotifyStatus emits events for the components it touches, read from the merged status.
 */
import {
  accept,
  availability,
  type ConvertContext,
  type ConvertResult,
  eventTime,
  type NormalizedEvent,
  payloadJson,
  payloadText,
  type RawMessage,
  reject,
} from '@brightkitchen/sdk';
import { isRecord, type JsonRecord, num, str } from '../../shared/coerce.js';
import { componentEvents } from './components.js';
import { mergeStatus, type ShellyState } from './merge.js';

export function convertShelly(message: RawMessage, context: ConvertContext<ShellyState>): ConvertResult<ShellyState> {
  const topic = message.topic;
  const state: ShellyState = context.state ?? {};
  if (topic?.endsWith('/online')) {
    const text = payloadText(message.payload);
    if (!text.ok) return text;
    const word = text.text.trim().toLowerCase();
    if (word !== 'true' && word !== 'false') return reject('ADAPTER_INVALID_VALUE', { payload: word.slice(0, 40) });
    const time = eventTime(message.receivedAt, context.timeZone) ?? message.receivedAt;
    return accept([availability({ time, deviceId: topic.slice(0, -'/online'.length) }, word === 'true')], state);
  }
  if (topic !== undefined && topic !== '' && !topic.endsWith('/events/rpc')) {
    return reject('ADAPTER_UNKNOWN_TOPIC', { topic });
  }
  const json = payloadJson(message.payload);
  if (!json.ok) return json;
  const body = json.value;
  if (!isRecord(body)) return reject('ADAPTER_UNSUPPORTED_EVENT', { reason: 'not an object' });
  const method = str(body.method);
  const src = str(body.src) ?? context.deviceId;
  if (src === undefined) return reject('ADAPTER_MISSING_FIELD', { field: 'src' });
  if (method === 'NotifyEvent') return accept([], state);
  if (method !== 'NotifyStatus' && method !== 'NotifyFullStatus') {
    return reject('ADAPTER_UNSUPPORTED_EVENT', { method: method ?? '' });
  }
  if (!isRecord(body.params)) return reject('ADAPTER_MISSING_FIELD', { field: 'params' });
  const params: JsonRecord = body.params;
  const merged = method === 'NotifyFullStatus' ? params : mergeStatus(state[src] ?? {}, params);
  const time =
    eventTime(num(params.ts), context.timeZone) ??
    eventTime(message.receivedAt, context.timeZone) ??
    message.receivedAt;
  const events: NormalizedEvent[] = [];
  for (const key of Object.keys(params)) {
    if (key === 'ts') continue;
    events.push(...componentEvents(key, merged[key], { time, deviceId: src }));
  }
  return accept(events, { ...state, [src]: merged });
}
