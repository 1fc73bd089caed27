/**
 * MQTT over WebSocket on the API's own origin, at `/mqtt`: the mini-program's default realtime URL
 * (`wss://<api host>/mqtt` behind TLS) works with no extra port or proxy rule. Only while the embedded
 * broker runs; the broker's own authentication and topic ACL apply unchanged (users: access token as
 * password, read-only `bk/venues/{venueId}/events` of their venues).
 *
 * Each WebSocket is bridged byte for byte to the embedded broker's TCP listener on loopback, so the
 * broker sees an ordinary MQTT connection and nothing of it needs to change.
 */
import type { IncomingMessage } from 'node:http';
import { connect as connectTcp, type Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { createWebSocketStream, type WebSocket, WebSocketServer } from 'ws';
import { MAX_MQTT_PACKET_BYTES } from './packet-size-guard.js';

export const MQTT_WS_PATH = '/mqtt';

/** Larger WebSocket messages are refused: the platform's MQTT traffic is small JSON. */
// One MQTT packet of the broker's limit, with its fixed header, fits one WebSocket message.
const MAX_MESSAGE_BYTES = MAX_MQTT_PACKET_BYTES + 8;

export interface BrokerAddress {
  readonly host: string;
  readonly port: number;
}

/**
 * Where to reach the embedded broker from this process, given its `mqtt://host:port` endpoint:
 * a wildcard listen address is reached on loopback; port 0 means it is not listening (yet).
 */
export function brokerAddress(tcpUrl: string): BrokerAddress | undefined {
  let url: URL;
  try {
    url = new URL(tcpUrl);
  } catch {
    return undefined;
  }
  const port = Number(url.port);
  if (url.protocol !== 'mqtt:' || !Number.isInteger(port) || port <= 0) return undefined;
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  if (host === '0.0.0.0' || host === '') return { host: '127.0.0.1', port };
  if (host === '::') return { host: '::1', port };
  return { host, port };
}

/** The path of an upgrade request, without its query. */
export function upgradePath(url: string | undefined): string {
  const raw = url ?? '';
  const q = raw.indexOf('?');
  return q < 0 ? raw : raw.slice(0, q);
}

function refuse(socket: Duplex, status: 404 | 503, text: string): void {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

function bridge(ws: WebSocket, target: BrokerAddress, open: Set<Socket>): void {
  const stream = createWebSocketStream(ws);
  const tcp = connectTcp(target.port, target.host);
  tcp.setNoDelay(true);
  open.add(tcp);
  const shut = () => {
    open.delete(tcp);
    tcp.destroy();
    stream.destroy();
  };
  stream.on('error', shut);
  tcp.on('error', shut);
  tcp.on('close', shut);
  ws.on('close', () => tcp.end());
  // The broker closing the connection (refused login, ACL violation) ends the stream, which closes the socket.
  stream.pipe(tcp);
  tcp.pipe(stream);
}

/**
 * Registers the `/mqtt` upgrade handler on the app's HTTP server. Other upgrade paths are left to other
 * handlers; when none exists they are answered 404.
 *
 * @example
 * registerMqttOverWebSocket(app); // ws://127.0.0.1:8080/mqtt, subprotocol `mqtt`
 */
export function registerMqttOverWebSocket(app: FastifyInstance): void {
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_MESSAGE_BYTES,
    // Browsers and WeChat ask for the `mqtt` subprotocol; accept whatever the client offers first.
    handleProtocols: (protocols) => protocols.values().next().value ?? false,
  });
  const open = new Set<Socket>();

  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (upgradePath(request.url) !== MQTT_WS_PATH) {
      if (app.server.listenerCount('upgrade') === 1) refuse(socket, 404, 'Not Found');
      return;
    }
    const bus = app.devices?.bus;
    const endpoint = bus?.kind === 'embedded' ? bus.endpoints().tcp : undefined;
    const target = endpoint ? brokerAddress(endpoint) : undefined;
    if (!target) {
      refuse(socket, 503, 'Service Unavailable');
      return;
    }
    socket.on('error', () => socket.destroy());
    wss.handleUpgrade(request, socket, head, (ws) => bridge(ws, target, open));
  };

  app.server.on('upgrade', onUpgrade);
  // Before the HTTP server waits for its connections: upgraded sockets would keep it open.
  app.addHook('preClose', async () => {
    app.server.off('upgrade', onUpgrade);
    for (const client of wss.clients) client.terminate();
    for (const tcp of open) tcp.destroy();
    open.clear();
    await new Promise<void>((resolve) => wss.close(() => resolve()));
  });
}
