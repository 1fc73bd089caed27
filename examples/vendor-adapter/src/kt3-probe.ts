/**
 * "Lengguang KT-3" (冷光 KT-3), an invented two-probe fridge/freezer sensor with a door contact, publishing
 * over MQTT:
 * - `kt3/<serial>/telemetry`: `{"sn","ts" (epoch s),"unit":"C"|"F","probes":[{"ch","t"}],"bat","door":"open"|"closed"}`
 * - `kt3/<serial>/status`: `{"sn","ts","event":"lwt"|"boot","online"}` (the last will says offline)
 * Data plus a tiny pure converter, the same contract as the built-in adapters.
 */
import {
  accept,
  availability,
  type ConvertResult,
  defineAdapter,
  eventTime,
  type NormalizedEvent,
  payloadJson,
  type RawMessage,
  reading,
  reject,
  temperatureReading,
} from '@brightkitchen/sdk';

const TOPIC = /^kt3\/([A-Za-z0-9-]{1,32})\/(telemetry|status)$/;

interface Telemetry {
  readonly ts?: unknown;
  readonly unit?: unknown;
  readonly probes?: unknown;
  readonly bat?: unknown;
  readonly door?: unknown;
  readonly online?: unknown;
}

function convertKt3(message: RawMessage, timeZone: string | undefined): ConvertResult {
  const topic = TOPIC.exec(message.topic ?? '');
  if (!topic) return reject('ADAPTER_UNKNOWN_TOPIC', { topic: message.topic ?? '' });
  const deviceId = topic[1]!;
  const json = payloadJson(message.payload);
  if (!json.ok) return json;
  if (typeof json.value !== 'object' || json.value === null)
    return reject('ADAPTER_INVALID_VALUE', { field: '(root)' });
  const body = json.value as Telemetry;
  const time = eventTime(body.ts, timeZone) ?? message.receivedAt;
  if (topic[2] === 'status') {
    if (typeof body.online !== 'boolean') return reject('ADAPTER_MISSING_FIELD', { field: 'online' });
    return accept([availability({ time, deviceId }, body.online)]);
  }
  if (!Array.isArray(body.probes)) return reject('ADAPTER_MISSING_FIELD', { field: 'probes' });
  const unit = body.unit === 'F' ? 'F' : 'C';
  const events: NormalizedEvent[] = [];
  for (const [index, probe] of (body.probes as unknown[]).entries()) {
    const { ch, t } = (probe ?? {}) as { ch?: unknown; t?: unknown };
    if (typeof t !== 'number') return reject('ADAPTER_INVALID_VALUE', { field: `probes.${index}.t` });
    const channel = typeof ch === 'number' || typeof ch === 'string' ? String(ch) : String(index + 1);
    events.push(temperatureReading({ time, deviceId, channel }, t, unit));
  }
  if (typeof body.bat === 'number') events.push(reading({ time, deviceId }, 'battery', body.bat));
  if (body.door === 'open' || body.door === 'closed') {
    events.push(reading({ time, deviceId }, 'door_open', body.door === 'open' ? 1 : 0));
  }
  return accept(events);
}

export const kt3Probe = defineAdapter({
  vendor: 'lengguang-kt3',
  models: ['Lengguang KT-3 (invented example)'],
  description: {
    zh: '冷光 KT-3 双探头冷柜传感器（含门磁）',
    en: 'Lengguang KT-3 two-probe cold-storage sensor with door contact',
  },
  inputs: [{ transport: 'mqtt', topics: ['kt3/+/telemetry', 'kt3/+/status'] }],
  convert: (message, context) => convertKt3(message, context.timeZone),
});
