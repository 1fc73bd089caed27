/**
 * The gateway's uplink as an SDK `Transport` (the client's HTTP seam), so every forward goes through
 * the SDK outbox: stored in its file, sent in order, retried with backoff, never lost to a broken link.
 * - MQTT relay writes are published (QoS 1) to the platform's broker; no broker connection = a network
 *   error, so the outbox waits and retries.
 * - ISAPI relay writes become the raw body (multipart with the snapshots) the platform's receiver
 *   reads, with the device's Basic credentials.
 * - Normalized events go to `/v1/ingest/events` with the gateway's Basic credentials (when configured).
 *   An older platform without that route answers 404: that is turned into 503 so the events wait for
 *   it instead of being dropped as refused.
 * - Anything else goes over HTTP as is.
 */
import type { Transport, TransportResponse } from '@brightkitchen/sdk';
import type { MqttClient } from 'mqtt';
import { basicAuthorization } from '../sources/basic-auth.js';
import { EVENTS_PATH, type IsapiRelayBody, MQTT_RELAY_PATH, type MqttRelayBody } from './forward.js';
import { isapiHttpBody } from './multipart-body.js';

export interface UplinkTransportOptions {
  /** The ordinary HTTP transport (axios from `@brightkitchen/sdk/node`). */
  readonly http: Transport;
  /** The connected platform broker client, when there is one. */
  readonly mqtt: () => MqttClient | undefined;
  /** Platform device id → its password (ISAPI receiver Basic auth). */
  readonly devicePassword: (platformDeviceId: string) => string | undefined;
  /** The gateway's own credentials for `/v1/ingest/events` (HTTP Basic). */
  readonly gateway?: { readonly id: string; readonly password: string };
  readonly publishTimeoutMs?: number;
}

const json = (status: number, body: unknown): TransportResponse => ({
  status,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

export function createUplinkTransport(options: UplinkTransportOptions): Transport {
  const timeoutMs = options.publishTimeoutMs ?? 10_000;

  async function publish(body: MqttRelayBody): Promise<TransportResponse> {
    const client = options.mqtt();
    if (!client?.connected) throw new Error('platform broker unreachable');
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('platform broker did not acknowledge')), timeoutMs);
    });
    try {
      await Promise.race([
        client.publishAsync(body.topic, Buffer.from(body.payloadBase64, 'base64'), { qos: 1 }),
        timeout,
      ]);
    } finally {
      clearTimeout(timer);
    }
    return json(202, { published: body.topic });
  }

  async function pushIsapi(url: string, platformDeviceId: string, relay: IsapiRelayBody): Promise<TransportResponse> {
    const password = options.devicePassword(platformDeviceId);
    if (password === undefined)
      return json(400, { code: 'GATEWAY_NO_CREDENTIALS', message: `no password for ${platformDeviceId}` });
    const { contentType, body } = isapiHttpBody(relay);
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': contentType,
        authorization: basicAuthorization(platformDeviceId, password),
      },
      body,
    });
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      headers[name] = value;
    });
    return { status: response.status, headers, body: await response.text() };
  }

  return async (request) => {
    const path = new URL(request.url).pathname;
    if (path.endsWith(MQTT_RELAY_PATH)) return publish(JSON.parse(request.body ?? '{}') as MqttRelayBody);
    const isapi = /\/v1\/ingest\/isapi\/([^/]+)$/.exec(path);
    if (isapi)
      return pushIsapi(request.url, decodeURIComponent(isapi[1]!), JSON.parse(request.body ?? '{}') as IsapiRelayBody);
    const events = path.endsWith(EVENTS_PATH);
    const gateway = options.gateway;
    const response = await options.http(
      events && gateway
        ? {
            ...request,
            headers: {
              ...request.headers,
              authorization: basicAuthorization(gateway.id, gateway.password),
            },
          }
        : request,
    );
    if (events && response.status === 404) {
      return json(503, { code: 'GATEWAY_ROUTE_MISSING', message: `${EVENTS_PATH} is not served by this platform yet` });
    }
    return response;
  };
}
