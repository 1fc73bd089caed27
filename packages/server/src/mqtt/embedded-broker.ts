/**
 * The embedded broker (aedes): MQTT over TCP and over WebSocket, with the platform's own
 * authentication and topic ACL (see broker-authority.ts). The server itself subscribes and
 * publishes in-process, bypassing the ACL.
 */
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createServer as createTcpServer, type Server as TcpServer } from 'node:net';
import { Aedes, type AedesPublishPacket, type AuthenticateError, type Client } from 'aedes';
import { createWebSocketStream, WebSocketServer } from 'ws';
import type { BrokerAuthority, BrokerIdentity } from './broker-authority.js';
import type { ConnectionHandler, MessageHandler, MqttBus, MqttEndpoints, PublishOptions } from './bus.js';
import { guardPacketSize, MAX_MQTT_PACKET_BYTES } from './packet-size-guard.js';

export interface EmbeddedBrokerOptions {
  readonly host: string;
  readonly port: number;
  /** -1: no WebSocket listener. */
  readonly wsPort: number;
  readonly authority: BrokerAuthority;
  readonly onConnection?: ConnectionHandler;
  readonly log?: (message: string, error?: unknown) => void;
}

function listen(server: TcpServer | HttpServer, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function close(server: TcpServer | HttpServer | undefined): Promise<void> {
  return new Promise((resolve) => (server?.listening ? server.close(() => resolve()) : resolve()));
}

function refused(): AuthenticateError {
  return Object.assign(new Error('bad username or password'), { returnCode: 4 }) as AuthenticateError;
}

/** Publish decisions remembered per connected device (bounded: a device probing topics starts over). */
const MAX_DECISIONS = 64;

export function createEmbeddedBroker(options: EmbeddedBrokerOptions): MqttBus {
  const identities = new WeakMap<Client, BrokerIdentity>();
  const decisions = new WeakMap<BrokerIdentity, Map<string, boolean>>();
  // A device's topics are fixed for its connection, so its answer per topic is asked once; other
  // identities' rights can change while connected (a gateway's venue gets a new device).
  const mayPublish = (identity: BrokerIdentity, topic: string): boolean => {
    if (identity.kind !== 'device') return options.authority.mayPublish(identity, topic);
    let decided = decisions.get(identity);
    if (!decided) {
      decided = new Map();
      decisions.set(identity, decided);
    }
    const known = decided.get(topic);
    if (known !== undefined) return known;
    const allowed = options.authority.mayPublish(identity, topic);
    if (decided.size >= MAX_DECISIONS) decided.clear();
    decided.set(topic, allowed);
    return allowed;
  };
  let broker: Aedes | undefined;
  let tcp: TcpServer | undefined;
  let http: HttpServer | undefined;
  let wss: WebSocketServer | undefined;
  let tcpPort = 0;
  let wsPort = 0;
  let disconnect: (deviceId: string) => void = () => {};

  return {
    kind: 'embedded',
    async start() {
      const { authority } = options;
      broker = await Aedes.createBroker({ heartbeatInterval: 60_000, drainTimeout: 10_000, concurrency: 1000 });
      broker.authenticate = (client, username, password, done) => {
        authority
          .authenticate(username, password?.toString('utf8'))
          .then((identity) => {
            if (!identity) return done(refused(), false);
            identities.set(client, identity);
            done(null, true);
          })
          .catch(() => done(refused(), false));
      };
      broker.authorizePublish = (client, packet, done) => {
        // client is null for a stale will published by the broker itself.
        const identity = client ? identities.get(client) : undefined;
        if (!client) return done(null);
        if (!identity || !mayPublish(identity, packet.topic)) return done(new Error('not authorized'));
        done(null);
      };
      broker.authorizeSubscribe = (client, subscription, done) => {
        const identity = identities.get(client);
        if (!identity) return done(null, null);
        authority
          .maySubscribe(identity, subscription.topic)
          .then((ok) => done(null, ok ? subscription : null))
          .catch(() => done(null, null));
      };
      // A user's access token lasts minutes: past it, the connection ends instead of going on receiving.
      broker.authorizeForward = (client, packet) => {
        const identity = identities.get(client);
        if (identity?.kind === 'user' && identity.expiresAtMs <= Date.now()) {
          client.close();
          return null;
        }
        return packet;
      };
      // Devices connected now, so a removed one's connection can be ended.
      const devices = new Set<Client>();
      disconnect = (deviceId) => {
        for (const client of devices) {
          const identity = identities.get(client);
          if (identity?.kind === 'device' && identity.entry.device.id === deviceId) client.close();
        }
      };
      broker.on('clientReady', (client) => {
        const identity = identities.get(client);
        if (identity?.kind !== 'device') return;
        devices.add(client);
        options.onConnection?.(identity.entry.device.id, true);
      });
      broker.on('clientDisconnect', (client) => {
        const identity = identities.get(client);
        if (identity?.kind !== 'device') return;
        devices.delete(client);
        options.onConnection?.(identity.entry.device.id, false);
      });
      broker.on('clientError', (client, error) => options.log?.(`mqtt client ${client?.id ?? '?'}: ${error.message}`));

      const handle = broker.handle;
      tcp = createTcpServer((socket) => handle(guardPacketSize(socket)));
      tcpPort = await listen(tcp, options.port, options.host);
      if (options.wsPort >= 0) {
        http = createHttpServer((_req, res) => res.writeHead(426).end('MQTT over WebSocket only'));
        wss = new WebSocketServer({
          server: http,
          maxPayload: MAX_MQTT_PACKET_BYTES + 8,
          handleProtocols: (protocols) => protocols.values().next().value ?? false,
        });
        wss.on('connection', (socket, req) => handle(guardPacketSize(createWebSocketStream(socket)), req));
        wsPort = await listen(http, options.wsPort, options.host);
      }
    },
    async subscribe(filters, onMessage: MessageHandler) {
      const b = broker;
      if (!b) throw new Error('broker not started');
      await Promise.all(
        filters.map(
          (filter) =>
            new Promise<void>((resolve) =>
              b.subscribe(
                filter,
                (packet: AedesPublishPacket, cb: () => void) => {
                  try {
                    onMessage(
                      packet.topic,
                      Buffer.isBuffer(packet.payload) ? packet.payload : Buffer.from(packet.payload),
                    );
                  } finally {
                    cb();
                  }
                },
                resolve,
              ),
            ),
        ),
      );
    },
    publish(topic, payload, publishOptions: PublishOptions = {}) {
      const b = broker;
      if (!b) return Promise.reject(new Error('broker not started'));
      return new Promise((resolve, reject) =>
        b.publish(
          {
            cmd: 'publish',
            topic,
            payload: typeof payload === 'string' ? Buffer.from(payload) : payload,
            qos: publishOptions.qos ?? 0,
            retain: publishOptions.retain ?? false,
            dup: false,
          },
          (error) => (error ? reject(error) : resolve()),
        ),
      );
    },
    endpoints(): MqttEndpoints {
      return {
        tcp: `mqtt://${options.host}:${tcpPort}`,
        ...(http ? { ws: `ws://${options.host}:${wsPort}` } : {}),
      };
    },
    reachable() {
      return broker !== undefined && !broker.closed && tcp?.listening === true;
    },
    disconnectDevice(deviceId) {
      disconnect(deviceId);
    },
    async close() {
      for (const client of wss?.clients ?? []) client.terminate();
      wss?.close();
      await new Promise<void>((resolve) => (broker ? broker.close(() => resolve()) : resolve()));
      await Promise.all([close(tcp), close(http)]);
    },
  };
}
