/**
 * An external broker (Mosquitto, EMQX…): the server is one client among others. Ingestion uses
 * shared subscriptions (`$share/<group>/<filter>`), so several server instances split the load.
 * Device credentials and ACLs are the broker operator's business there.
 */
import { randomBytes } from 'node:crypto';
import { topicMatches } from '@brightkitchen/sdk';
import mqtt, { type MqttClient } from 'mqtt';
import type { MessageHandler, MqttBus, MqttEndpoints } from './bus.js';

export interface ExternalBusOptions {
  readonly url: string;
  readonly shareGroup: string;
  readonly log?: (message: string, error?: unknown) => void;
}

export function createExternalBus(options: ExternalBusOptions): MqttBus {
  let client: MqttClient | undefined;
  const handlers: { filters: readonly string[]; onMessage: MessageHandler }[] = [];

  return {
    kind: 'external',
    async start() {
      client = await mqtt.connectAsync(options.url, {
        clientId: `bk-server-${randomBytes(6).toString('hex')}`,
        clean: true,
        reconnectPeriod: 2000,
        connectTimeout: 10_000,
      });
      client.on('message', (topic, payload) => {
        for (const h of handlers) if (h.filters.some((f) => topicMatches(f, topic))) h.onMessage(topic, payload);
      });
      client.on('error', (error) => options.log?.('mqtt: external broker error', error));
    },
    async subscribe(filters, onMessage) {
      if (!client) throw new Error('bus not started');
      handlers.push({ filters, onMessage });
      const shared = filters.map((f) => `$share/${options.shareGroup}/${f}`);
      await client.subscribeAsync(shared, { qos: 1 });
    },
    async publish(topic, payload, publishOptions = {}) {
      if (!client) throw new Error('bus not started');
      await client.publishAsync(topic, payload, {
        qos: publishOptions.qos ?? 0,
        retain: publishOptions.retain ?? false,
      });
    },
    endpoints(): MqttEndpoints {
      return { tcp: options.url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@') };
    },
    reachable() {
      return client?.connected === true;
    },
    async close() {
      await client?.endAsync();
    },
  };
}
