/**
 * What the gateway sends upstream for one source batch (pure): MQTT-native traffic is relayed raw to the
 * platform's broker, ISAPI events raw to the platform's ISAPI receiver (the platform converts with the
 * device's registered adapter and its per-device mapping), and other sources' normalized events to
 * `/v1/ingest/events`. Each becomes one outbox write.
 */
import type { Attachment, GatewayEventsBatch, RawMessage } from '@brightkitchen/sdk';
import type { SourceBatch } from '../sources/source.js';
import type { GatewayConfig } from './config.js';

/** The virtual path of an MQTT relay write: the uplink transport publishes it, nothing goes over HTTP. */
export const MQTT_RELAY_PATH = '/gateway/mqtt-relay';
/** Normalized events from the gateway (its Basic credentials; see `platform.gateway`). */
export const EVENTS_PATH = '/v1/ingest/events';

export interface MqttRelayBody {
  readonly topic: string;
  readonly payloadBase64: string;
}

export interface IsapiRelayBody {
  readonly contentType: string;
  readonly payloadBase64: string;
  readonly attachments: readonly { id: string; contentType: string; bytesBase64: string }[];
}

/** The SDK's `GatewayEventsBatch`, always with the source and the time the message came in. */
export type EventsBody = GatewayEventsBatch & { readonly source: string; readonly receivedAt: string };

export type Forward =
  | { readonly ok: true; readonly path: string; readonly body: MqttRelayBody | IsapiRelayBody | EventsBody }
  | { readonly ok: false; readonly reason: string };

const base64 = (payload: Uint8Array | string) =>
  (typeof payload === 'string' ? Buffer.from(payload, 'utf8') : Buffer.from(payload)).toString('base64');

function isapiBody(message: RawMessage): IsapiRelayBody {
  return {
    contentType: message.contentType ?? 'application/xml',
    payloadBase64: base64(message.payload),
    attachments: (message.attachments ?? []).map((a: Attachment) => ({
      id: a.id,
      contentType: a.contentType,
      bytesBase64: base64(a.bytes),
    })),
  };
}

export function forwardOf(batch: SourceBatch, config: GatewayConfig): Forward {
  if (batch.source === 'mqtt') {
    if (!config.platform.mqtt) return { ok: false, reason: 'platform.mqtt is not configured' };
    if (batch.message.topic === undefined) return { ok: false, reason: 'MQTT message without topic' };
    return {
      ok: true,
      path: MQTT_RELAY_PATH,
      body: { topic: batch.message.topic, payloadBase64: base64(batch.message.payload) },
    };
  }
  if (batch.source === 'isapi-push' || batch.source === 'isapi-stream') {
    // Heartbeats and other messages without events need not travel.
    const deviceId = batch.events[0]?.deviceId;
    if (deviceId === undefined) return { ok: false, reason: 'no event' };
    const device = config.platform.devices?.[deviceId];
    if (!device) return { ok: false, reason: `no platform credentials for device ${deviceId}` };
    return { ok: true, path: `/v1/ingest/isapi/${encodeURIComponent(device.id)}`, body: isapiBody(batch.message) };
  }
  if (batch.events.length === 0) return { ok: false, reason: 'no event' };
  return {
    ok: true,
    path: EVENTS_PATH,
    body: { source: batch.source, vendor: batch.vendor, receivedAt: batch.message.receivedAt, events: batch.events },
  };
}
