/**
 * A small MQTT subscriber behind the client's `RealtimeSocket` seam: connects on the first subscription,
 * keeps alive with PINGREQ, reconnects with backoff and subscribes again. QoS 0; the app polls as a fallback.
 */

import { topicMatches } from '../../adapters/topic.js';
import { backoffDelay } from '../../client/backoff.js';
import type { Clock } from '../../client/clock.js';
import { systemClock } from '../../client/clock.js';
import type { RealtimeSocket } from '../../client/socket.js';
import {
  createPacketReader,
  DISCONNECT,
  encodeConnect,
  encodePublish,
  encodeSubscribe,
  encodeUnsubscribe,
  type MqttPacket,
  PINGREQ,
} from './codec.js';

/** A binary WebSocket, opened with the handlers it reports to. */
export interface ByteSocket {
  send(bytes: Uint8Array): void;
  close(): void;
}

/** What a {@link ByteSocket} reports to. */
export interface ByteSocketHandlers {
  onOpen(): void;
  onMessage(bytes: Uint8Array): void;
  onClose(): void;
}

/** Opens a binary WebSocket that reports to the given handlers (see {@link taroByteSocket}). */
export type OpenByteSocket = (handlers: ByteSocketHandlers) => ByteSocket;

/** The realtime connection's state. */
export type RealtimeStatus = 'idle' | 'connecting' | 'online' | 'offline';

/** Options of {@link createMqttRealtime}. */
export interface MqttRealtimeOptions {
  readonly open: OpenByteSocket;
  readonly clientId: string;
  /** Asked before each connection (a fresh access token, for instance). */
  readonly credentials?: () => Promise<{ readonly username?: string; readonly password?: string }>;
  readonly keepaliveSec?: number;
  /** First reconnect delay; doubles up to a minute. */
  readonly reconnectMs?: number;
  readonly clock?: Clock;
  readonly onStatus?: (status: RealtimeStatus) => void;
}

/** A small MQTT subscriber: the client's realtime seam, with its connection status. */
export interface MqttRealtime extends RealtimeSocket {
  readonly status: RealtimeStatus;
}

type Handler = (payload: string, topic: string) => void;

/**
 * A small MQTT-over-WebSocket subscriber (QoS 0): reconnects with backoff, resubscribes, pings.
 * @example
 * const realtime = createMqttRealtime({ open: taroByteSocket(Taro, url), clientId: 'bk-mp-1' });
 * const stop = await realtime.subscribe('bk/venues/v1/alerts', (payload) => show(JSON.parse(payload)));
 */
export function createMqttRealtime(options: MqttRealtimeOptions): MqttRealtime {
  const clock = options.clock ?? systemClock;
  const keepalive = options.keepaliveSec ?? 30;
  const firstDelay = options.reconnectMs ?? 3000;
  const subs = new Map<string, Set<Handler>>();
  let socket: ByteSocket | null = null;
  let connected = false;
  let closed = false;
  let status: RealtimeStatus = 'idle';
  let packetId = 0;
  let ping: unknown = null;
  let retry: unknown = null;
  /** Connections lost since the last CONNACK: the reconnect delay doubles with each, up to a minute. */
  let failures = 0;

  function setStatus(next: RealtimeStatus): void {
    if (status === next) return;
    status = next;
    options.onStatus?.(next);
  }

  function nextId(): number {
    packetId = (packetId % 0xffff) + 1;
    return packetId;
  }

  function clearTimers(): void {
    if (ping !== null) clock.clearTimeout(ping);
    if (retry !== null) clock.clearTimeout(retry);
    ping = null;
    retry = null;
  }

  function schedulePing(): void {
    ping = clock.setTimeout(() => {
      if (connected) socket?.send(PINGREQ);
      schedulePing();
    }, keepalive * 1000);
  }

  function onPacket(p: MqttPacket): void {
    if (p.type === 'connack') {
      if (p.returnCode !== 0) {
        socket?.close();
        return;
      }
      connected = true;
      failures = 0;
      setStatus('online');
      for (const filter of subs.keys()) socket?.send(encodeSubscribe(nextId(), filter));
      schedulePing();
    } else if (p.type === 'publish') {
      for (const [filter, handlers] of subs) {
        if (!topicMatches(filter, p.topic)) continue;
        for (const handler of handlers) handler(p.payload, p.topic);
      }
    }
  }

  async function connect(): Promise<void> {
    if (socket || closed) return;
    setStatus('connecting');
    const credentials = options.credentials ? await options.credentials().catch(() => ({})) : {};
    const read = createPacketReader();
    const opened = options.open({
      onOpen: () => opened.send(encodeConnect({ clientId: options.clientId, keepaliveSec: keepalive, ...credentials })),
      onMessage: (bytes) => {
        for (const p of read(bytes)) onPacket(p);
      },
      onClose: () => {
        if (socket !== opened) return;
        socket = null;
        connected = false;
        clearTimers();
        setStatus('offline');
        if (!closed && subs.size > 0) {
          failures += 1;
          retry = clock.setTimeout(
            () => {
              retry = null;
              void connect();
            },
            backoffDelay(failures, { baseMs: firstDelay, maxMs: 60_000 }),
          );
        }
      },
    });
    socket = opened;
  }

  return {
    get status() {
      return status;
    },
    async subscribe(topic, onMessage) {
      closed = false;
      const handlers = subs.get(topic) ?? new Set<Handler>();
      const fresh = handlers.size === 0;
      handlers.add(onMessage);
      subs.set(topic, handlers);
      if (connected && fresh) socket?.send(encodeSubscribe(nextId(), topic));
      else if (!socket) await connect();
      return async () => {
        handlers.delete(onMessage);
        if (handlers.size > 0) return;
        subs.delete(topic);
        if (connected) socket?.send(encodeUnsubscribe(nextId(), topic));
      };
    },
    async publish(topic, payload) {
      if (connected) socket?.send(encodePublish(topic, payload));
    },
    async close() {
      closed = true;
      clearTimers();
      if (connected) socket?.send(DISCONNECT);
      const s = socket;
      socket = null;
      connected = false;
      s?.close();
      setStatus('idle');
    },
  };
}
