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
  /** A stable id: MQTT 5 persistent session, so a restarted instance finds its subscriptions and queued share. */
  readonly clientId?: string;
  readonly sessionExpirySeconds?: number;
  /**
   * Resolves once everything received so far is stored (the reading buffer's flush). Given, a QoS 1 message is
   * acknowledged to the broker only after that: an instance killed before storing leaves it with the broker,
   * which hands it over again (to this instance's persistent session when it returns).
   */
  readonly storedSoFar?: () => Promise<void>;
  /** How often held acknowledgements are settled (ms). */
  readonly ackEveryMs?: number;
  readonly log?: (message: string, error?: unknown) => void;
}

export function createExternalBus(options: ExternalBusOptions): MqttBus {
  let client: MqttClient | undefined;
  const handlers: { filters: readonly string[]; onMessage: MessageHandler }[] = [];
  const early: [string, Buffer][] = [];
  /** PUBACKs not sent yet: their messages are not known to be stored. */
  let held: unknown[] = [];
  let settling: Promise<void> | undefined;
  let ackTimer: NodeJS.Timeout | undefined;
  let send: ((packet: unknown, done?: (error?: Error) => void) => void) | undefined;
  const settle = () => {
    if (settling || held.length === 0 || !options.storedSoFar) return settling;
    const batch = held;
    held = [];
    settling = options
      .storedSoFar()
      .catch((error) => options.log?.('mqtt: storing before acknowledging failed', error))
      .then(() => {
        for (const packet of batch) send?.(packet);
      })
      .finally(() => {
        settling = undefined;
      });
    return settling;
  };

  return {
    kind: 'external',
    async start() {
      const persistent = Boolean(options.clientId);
      client = await mqtt.connectAsync(options.url, {
        clientId: options.clientId || `bk-server-${randomBytes(6).toString('hex')}`,
        protocolVersion: 5,
        clean: !persistent,
        ...(persistent ? { properties: { sessionExpiryInterval: options.sessionExpirySeconds ?? 300 } } : {}),
        reconnectPeriod: 2000,
        connectTimeout: 10_000,
      });
      if (options.storedSoFar) {
        // mqtt.js sends a QoS 1 message's PUBACK as soon as its handler returned; hold it until the message is stored.
        const internal = client as unknown as Record<string, unknown>;
        const original = internal._sendPacket as (packet: unknown, done?: (error?: Error) => void) => void;
        send = original.bind(client);
        internal._sendPacket = (packet: { cmd?: string }, done?: (error?: Error) => void, ...rest: unknown[]) => {
          if (packet.cmd !== 'puback')
            return (original as (...a: unknown[]) => void).call(client, packet, done, ...rest);
          held.push(packet);
          done?.();
        };
        ackTimer = setInterval(() => void settle(), options.ackEveryMs ?? 200);
        ackTimer.unref();
      }
      client.on('message', (topic, payload) => {
        // A persistent session's queued share arrives right after connecting, before ingestion subscribes.
        if (handlers.length === 0) {
          early.push([topic, payload]);
          return;
        }
        for (const h of handlers) if (h.filters.some((f) => topicMatches(f, topic))) h.onMessage(topic, payload);
      });
      client.on('error', (error) => options.log?.('mqtt: external broker error', error));
    },
    async subscribe(filters, onMessage) {
      if (!client) throw new Error('bus not started');
      handlers.push({ filters, onMessage });
      for (const [topic, payload] of early.splice(0))
        if (filters.some((f) => topicMatches(f, topic))) onMessage(topic, payload);
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
      // What devices are told (their registration's credentials): the broker's address, not the platform's login.
      return { tcp: options.url.replace(/\/\/[^@/]*@/, '//') };
    },
    reachable() {
      return client?.connected === true;
    },
    async close() {
      if (ackTimer) clearInterval(ackTimer);
      await settle();
      await client?.endAsync();
    },
  };
}
