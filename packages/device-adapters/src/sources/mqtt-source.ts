/**
 * MQTT subscription source: subscribes to the topics the chosen adapters declare, converts each
 * message with the adapter whose filter matches, and keeps each topic's converter state (Shelly's
 * last full status). Reconnects by itself (mqtt.js).
 */
import type { Adapter, ConvertContext } from '@brightkitchen/sdk';
import mqtt, { type MqttClient } from 'mqtt';
import { ADAPTERS } from '../registry.js';
import { adapterForTopic, mqttFilters } from './mqtt-topics.js';
import { createTally, receivedNow, type Source, type SourceHandlers } from './source.js';

export interface MqttSourceOptions extends SourceHandlers {
  /** e.g. `mqtt://127.0.0.1:1883` (the site broker next to the devices). */
  readonly url: string;
  readonly username?: string;
  readonly password?: string;
  readonly clientId?: string;
  /** Built-in vendor names to read; default every built-in adapter with an MQTT input. */
  readonly vendors?: readonly string[];
  /** Further adapters (a vendor's own), tried after the built-in ones. */
  readonly adapters?: readonly Adapter<unknown>[];
  /** Per-message context (time zone, violation map); `state` is managed by the source. */
  readonly context?: (vendor: string, topic: string) => ConvertContext<unknown>;
  /** Subscription QoS; default 1. */
  readonly qos?: 0 | 1;
}

export interface MqttSource extends Source {
  /** The topic filters subscribed to. */
  readonly filters: readonly string[];
}

export function createMqttSource(options: MqttSourceOptions): MqttSource {
  const builtIn = (options.vendors ?? Object.keys(ADAPTERS)).map((name) => {
    const adapter = ADAPTERS[name];
    if (!adapter) throw new TypeError(`createMqttSource: unknown vendor "${name}"`);
    return adapter;
  });
  const adapters = [...builtIn, ...(options.adapters ?? [])];
  const filters = mqttFilters(adapters);
  const tally = createTally('mqtt', options);
  const states = new Map<string, unknown>();
  let client: MqttClient | undefined;

  const onMessage = (topic: string, payload: Buffer) => {
    const adapter = adapterForTopic(adapters, topic);
    if (!adapter) return;
    const key = `${adapter.vendor}\u0000${topic}`;
    const context = { ...options.context?.(adapter.vendor, topic), state: states.get(key) };
    const result = tally.convert(
      adapter,
      { topic, payload: new Uint8Array(payload), receivedAt: receivedNow() },
      context,
    );
    if (result.ok && result.state !== undefined) states.set(key, result.state);
  };

  return {
    kind: 'mqtt',
    filters,
    async start() {
      if (client) return;
      client = await mqtt.connectAsync(options.url, {
        ...(options.username === undefined ? {} : { username: options.username }),
        ...(options.password === undefined ? {} : { password: options.password }),
        ...(options.clientId === undefined ? {} : { clientId: options.clientId }),
        reconnectPeriod: 1000,
      });
      client.on('message', onMessage);
      // mqtt.js subscribes again after each reconnect (`resubscribe`), so a broker restart loses no topic.
      await client.subscribeAsync(filters, { qos: options.qos ?? 1 });
    },
    async stop() {
      const c = client;
      client = undefined;
      await c?.endAsync();
    },
    stats: () => tally.stats(),
  };
}
