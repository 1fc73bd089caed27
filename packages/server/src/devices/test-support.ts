/**
 * Test helpers of the devices suites (not shipped): a test server with a manual clock and a chosen
 * broker (embedded, or the external Mosquitto of BK_TEST_MQTT_URL), MQTT clients, polling.
 */
import { randomBytes } from 'node:crypto';
import mqtt, { type MqttClient } from 'mqtt';
import { expect } from 'vitest';
import type { DialectKind } from '../db/index.js';
import { startTestServer, TEST_CLUSTER, type TestServer } from '../testing/test-server.js';
import { type ManualClock, manualClock } from './clock.js';

export type BrokerKind = 'embedded' | 'external';

/** Embedded always; external when a Mosquitto is available (tests/setup/mosquitto.ts). */
export const BROKERS: readonly BrokerKind[] = process.env.BK_TEST_MQTT_URL ? ['embedded', 'external'] : ['embedded'];

export interface DeviceTestServer extends TestServer {
  readonly clock: ManualClock;
  readonly broker: BrokerKind;
  /** Where devices and users connect (TCP). */
  readonly mqttUrl: string;
}

/**
 * The broker a suite gets unless it asks: embedded — but two instances (TEST_CLUSTER on PostgreSQL) share
 * one external broker, as a cluster does (each embedded broker would be an island).
 */
function defaultBroker(kind: DialectKind): BrokerKind {
  const cluster = kind === 'postgres' && TEST_CLUSTER && process.env.BK_TEST_MQTT_URL;
  return cluster ? 'external' : 'embedded';
}

export async function startDeviceServer(
  kind: DialectKind,
  broker: BrokerKind = defaultBroker(kind),
  env: Record<string, string> = {},
): Promise<DeviceTestServer> {
  const external = process.env.BK_TEST_MQTT_URL ?? '';
  const server = await startTestServer(kind, {
    BK_MQTT_PORT: '0',
    BK_MQTT_WS_PORT: '0',
    BK_DEVICES_TICK_MS: '3600000',
    BK_INGEST_FLUSH_MS: '50',
    ...(broker === 'external'
      ? { BK_MQTT_URL: external, BK_MQTT_SHARE_GROUP: `bk${randomBytes(4).toString('hex')}` }
      : {}),
    ...env,
  });
  const clock = manualClock(Date.now());
  for (const instance of server.instances) instance.devices.useClock(clock);
  const mqttUrl = broker === 'external' ? external : (server.app.devices.endpoints()?.tcp ?? '');
  return { ...server, clock, broker, mqttUrl };
}

export async function connectMqtt(
  url: string,
  credentials: { username?: string; password?: string } = {},
): Promise<MqttClient> {
  return mqtt.connectAsync(url, { ...credentials, reconnectPeriod: 0, connectTimeout: 5000, clean: true });
}

/** Polls `probe` until it returns a value (not undefined/false) or the timeout passes. */
export async function eventually<T>(
  probe: () => Promise<T | undefined | false> | T | undefined | false,
  timeoutMs = 5000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** A unique, topic-safe name (suites share one external broker). */
export function uniqueKey(prefix: string): string {
  return `${prefix}_${randomBytes(4).toString('hex')}`;
}

/** The QoS the broker granted for a subscription: 128 when it refused it. */
export async function subscribeQos(client: MqttClient, topic: string): Promise<number> {
  try {
    const granted = await client.subscribeAsync(topic, { qos: 1 });
    return granted[0]?.qos ?? 128;
  } catch (error) {
    const packet = (error as { packet?: { granted?: (number | { qos: number })[] } }).packet;
    const first = packet?.granted?.[0];
    if (first === undefined) throw error;
    return typeof first === 'number' ? first : first.qos;
  }
}

/** Collects the JSON messages of a topic. */
export async function collect(
  client: MqttClient,
  topic: string,
): Promise<{ messages: Record<string, unknown>[]; granted: number }> {
  const messages: Record<string, unknown>[] = [];
  client.on('message', (t, payload) => {
    if (t === topic) messages.push(JSON.parse(payload.toString('utf8')) as Record<string, unknown>);
  });
  return { messages, granted: await subscribeQos(client, topic) };
}

/** A device registered through the API by `token` (its 201 checked): its id and its broker password. */
export async function registerTestDevice(
  server: TestServer,
  venueId: string,
  token: string,
  body: Record<string, unknown>,
): Promise<{ id: string; password: string }> {
  const res = await server.request<{ device: { id: string }; credentials: { password: string } }>(
    `/v1/venues/${venueId}/devices`,
    { token, body },
  );
  expect(res.status).toBe(201);
  return { id: res.body.device.id, password: res.body.credentials.password };
}

/** A Tasmota UV lamp's broker identity: its device id, password and the binding topic it publishes under. */
export interface LampCredentials {
  readonly id: string;
  readonly password: string;
  readonly key: string;
}

/** Registers a Tasmota UV lamp at the venue (the broker-isolation probes' device) under a fresh topic. */
export async function registerTestLamp(server: TestServer, venueId: string, token: string): Promise<LampCredentials> {
  const key = uniqueKey('plug');
  const res = await registerTestDevice(server, venueId, token, {
    kind: 'switch',
    vendor: 'tasmota',
    locationKind: 'uv_lamp',
    name: '紫外线灯',
    binding: { topic: key },
  });
  return { id: res.id, password: res.password, key };
}
