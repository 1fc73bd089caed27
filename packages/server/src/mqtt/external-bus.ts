/**
 * An external broker (Mosquitto, EMQX…): the server is one client among others. Ingestion uses
 * shared subscriptions (`$share/<group>/<filter>`), so several server instances split the load.
 * Device credentials and ACLs are the broker operator's business there.
 */
import { randomBytes } from 'node:crypto';
import { topicMatches } from '@brightkitchen/sdk';
import mqtt, { type MqttClient } from 'mqtt';
import type { StoredGate } from '../ingest/reading-buffer.js';
import type { MessageHandler, MqttBus, MqttEndpoints } from './bus.js';

export interface ExternalBusOptions {
  readonly url: string;
  readonly shareGroup: string;
  /** A stable id: MQTT 5 persistent session, so a restarted instance finds its subscriptions and queued share. */
  readonly clientId?: string;
  readonly sessionExpirySeconds?: number;
  /**
   * Given, a QoS 1 message is acknowledged to the broker only once the readings it produced are written (the
   * reading buffer's gate): an instance killed before writing leaves it with the broker, which hands it over
   * again (to this instance's persistent session when it returns).
   */
  readonly storedGate?: StoredGate;
  readonly log?: (message: string, error?: unknown) => void;
}

export function createExternalBus(options: ExternalBusOptions): MqttBus {
  let client: MqttClient | undefined;
  const handlers: { filters: readonly string[]; onMessage: MessageHandler }[] = [];
  const early: [string, Buffer][] = [];
  /** PUBACKs not sent yet, in order, each with the gate's mark when its message was handled. */
  const held: { packet: unknown; mark: number }[] = [];
  let send: ((packet: unknown) => void) | undefined;
  const release = () => {
    const settled = options.storedGate?.settled() ?? Number.POSITIVE_INFINITY;
    let n = 0;
    while (n < held.length && (held[n]?.mark ?? 0) <= settled) n += 1;
    for (const { packet } of held.splice(0, n)) send?.(packet);
  };
  options.storedGate?.onSettled(release);

  return {
    kind: 'external',
    async start() {
      const persistent = Boolean(options.clientId);
      // Listeners first, then the connection: a persistent session's queued messages may come in the same
      // packet as the CONNACK, before an awaited connect would return.
      const c = mqtt.connect(options.url, {
        clientId: options.clientId || `bk-server-${randomBytes(6).toString('hex')}`,
        protocolVersion: 5,
        clean: !persistent,
        ...(persistent ? { properties: { sessionExpiryInterval: options.sessionExpirySeconds ?? 300 } } : {}),
        reconnectPeriod: 2000,
        connectTimeout: 10_000,
      });
      client = c;
      const gate = options.storedGate;
      if (gate) {
        // mqtt.js sends a QoS 1 message's PUBACK as soon as its handler returned; hold it until its readings are
        // written. One that came before ingestion subscribed waits until it has been handled (mark set then).
        const internal = c as unknown as Record<string, unknown>;
        const original = internal._sendPacket as (...args: unknown[]) => void;
        send = (packet) => original.call(c, packet);
        internal._sendPacket = (packet: { cmd?: string }, done?: (error?: Error) => void, ...rest: unknown[]) => {
          if (packet.cmd !== 'puback') return original.call(c, packet, done, ...rest);
          const mark = handlers.length === 0 ? Number.POSITIVE_INFINITY : gate.mark();
          if (held.length === 0 && gate.settled() >= mark) return original.call(c, packet, done, ...rest);
          held.push({ packet, mark });
          done?.();
        };
      }
      c.on('message', (topic, payload) => {
        // A persistent session's queued share arrives right after connecting, before ingestion subscribes.
        if (handlers.length === 0) {
          early.push([topic, payload]);
          return;
        }
        for (const h of handlers) if (h.filters.some((f) => topicMatches(f, topic))) h.onMessage(topic, payload);
      });
      await new Promise<void>((resolve, reject) => {
        const failed = (error: Error) => {
          c.off('connect', connected);
          c.end(true);
          reject(error);
        };
        const connected = () => {
          c.off('error', failed);
          resolve();
        };
        c.once('connect', connected);
        c.once('error', failed);
      });
      c.on('error', (error) => options.log?.('mqtt: external broker error', error));
    },
    async subscribe(filters, onMessage) {
      if (!client) throw new Error('bus not started');
      handlers.push({ filters, onMessage });
      for (const [topic, payload] of early.splice(0))
        if (filters.some((f) => topicMatches(f, topic))) onMessage(topic, payload);
      // Their readings are pushed now: their acknowledgements wait for the write like any other.
      const mark = options.storedGate?.mark() ?? 0;
      for (const h of held) if (h.mark === Number.POSITIVE_INFINITY) h.mark = mark;
      release();
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
    disconnectDevice() {},
    async close() {
      release();
      await client?.endAsync();
    },
  };
}
