/**
 * A minimal MQTT 3.1.1 client for load generation: CONNECT, QoS 1 PUBLISH with a window of
 * unacknowledged packets, SUBSCRIBE and PUBACK of received QoS 1 messages. A full client (mqtt.js)
 * costs several times the broker's own work per message, so with it the benchmark would measure the
 * publishers; this one keeps the generator cheap, and both runs use the same one.
 */
import { connect, type Socket } from 'node:net';

function remainingLength(n: number): number[] {
  const out: number[] = [];
  do {
    let byte = n % 128;
    n = Math.floor(n / 128);
    if (n > 0) byte |= 128;
    out.push(byte);
  } while (n > 0);
  return out;
}

function utf8Field(text: string): Buffer {
  const bytes = Buffer.from(text, 'utf8');
  const out = Buffer.allocUnsafe(2 + bytes.length);
  out.writeUInt16BE(bytes.length, 0);
  bytes.copy(out, 2);
  return out;
}

function packet(first: number, body: Buffer): Buffer {
  return Buffer.concat([Buffer.from([first, ...remainingLength(body.length)]), body]);
}

function connectPacket(clientId: string, username?: string, password?: string): Buffer {
  let flags = 0x02; // clean session
  if (username !== undefined) flags |= 0x80;
  if (password !== undefined) flags |= 0x40;
  const header = Buffer.from([0, 4, 0x4d, 0x51, 0x54, 0x54, 4, flags, 0, 60]);
  const fields = [utf8Field(clientId)];
  if (username !== undefined) fields.push(utf8Field(username));
  if (password !== undefined) fields.push(utf8Field(password));
  return packet(0x10, Buffer.concat([header, ...fields]));
}

/** A QoS 1 PUBLISH. */
export function publishPacket(topic: Buffer, payload: string, id: number): Buffer {
  const payloadLength = Buffer.byteLength(payload, 'utf8');
  const bodyLength = 2 + topic.length + 2 + payloadLength;
  const lengthBytes = remainingLength(bodyLength);
  const out = Buffer.allocUnsafe(1 + lengthBytes.length + bodyLength);
  let o = 0;
  out[o++] = 0x32;
  for (const b of lengthBytes) out[o++] = b;
  out.writeUInt16BE(topic.length, o);
  o += 2;
  topic.copy(out, o);
  o += topic.length;
  out.writeUInt16BE(id, o);
  o += 2;
  out.write(payload, o, 'utf8');
  return out;
}

export interface RawClient {
  /** Packets of type PUBACK received so far. */
  readonly acked: () => number;
  /** QoS 1 messages received (and acknowledged) so far. */
  readonly received: () => number;
  onAck(listener: (count: number) => void): void;
  onMessage(listener: () => void): void;
  write(bytes: Buffer): void;
  subscribe(filter: string): Promise<void>;
  end(): Promise<void>;
}

/** Connects and resolves once the broker accepted the connection (CONNACK 0). */
export function rawConnect(
  host: string,
  port: number,
  options: { clientId: string; username?: string; password?: string },
): Promise<RawClient> {
  return new Promise((resolve, reject) => {
    const socket: Socket = connect({ host, port, noDelay: true });
    let pending: Buffer = Buffer.alloc(0);
    let acked = 0;
    let received = 0;
    let connected = false;
    let ackListener: (count: number) => void = () => {};
    let messageListener: () => void = () => {};
    let subscribed: (() => void) | undefined;
    const client: RawClient = {
      acked: () => acked,
      received: () => received,
      onAck: (l) => {
        ackListener = l;
      },
      onMessage: (l) => {
        messageListener = l;
      },
      write: (bytes) => void socket.write(bytes),
      subscribe: (filter) =>
        new Promise((done) => {
          subscribed = done;
          socket.write(packet(0x82, Buffer.concat([Buffer.from([0, 1]), utf8Field(filter), Buffer.from([1])])));
        }),
      end: () =>
        new Promise((done) => {
          socket.end(Buffer.from([0xe0, 0]), () => done());
          socket.once('close', () => done());
        }),
    };
    socket.on('error', reject);
    socket.on('connect', () => socket.write(connectPacket(options.clientId, options.username, options.password)));
    socket.on('data', (chunk: Buffer) => {
      const buf: Buffer = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
      let o = 0;
      let acks = 0;
      const replies: Buffer[] = [];
      for (;;) {
        if (buf.length - o < 2) break;
        let length = 0;
        let multiplier = 1;
        let i = o + 1;
        let complete = false;
        while (i < buf.length) {
          const byte = buf[i++] as number;
          length += (byte & 127) * multiplier;
          multiplier *= 128;
          if ((byte & 128) === 0) {
            complete = true;
            break;
          }
        }
        if (!complete || buf.length - i < length) break;
        const type = (buf[o] as number) >> 4;
        if (type === 4) acks++;
        else if (type === 3) {
          const qos = ((buf[o] as number) >> 1) & 3;
          if (qos > 0) {
            const topicLength = buf.readUInt16BE(i);
            replies.push(
              Buffer.from([0x40, 2, buf[i + 2 + topicLength] as number, buf[i + 3 + topicLength] as number]),
            );
          }
          received++;
          messageListener();
        } else if (type === 2 && !connected) {
          if (buf[i + 1] !== 0) {
            reject(new Error(`CONNACK ${buf[i + 1]}`));
            socket.destroy();
            return;
          }
          connected = true;
          resolve(client);
        } else if (type === 9) subscribed?.();
        o = i + length;
      }
      pending = o === buf.length ? Buffer.alloc(0) : buf.subarray(o);
      if (replies.length > 0) socket.write(Buffer.concat(replies));
      if (acks > 0) {
        acked += acks;
        ackListener(acks);
      }
    });
  });
}

/** At most `window` messages unacknowledged, or one every `intervalMs` (a steady offered load, whatever the acks). */
export type Pacing = { readonly window: number } | { readonly intervalMs: number };

/** Publishes `count` QoS 1 messages on `topic` as `pacing` says; resolves when all are acknowledged. */
export function publishMany(
  client: RawClient,
  topic: string,
  count: number,
  pacing: Pacing,
  payload: (index: number) => string,
): Promise<void> {
  const topicBytes = Buffer.from(topic, 'utf8');
  let sent = 0;
  let done = 0;
  /** Sends until `upTo` messages (at most `count`) are out, in one write. */
  const sendUpTo = (upTo: number) => {
    const batch: Buffer[] = [];
    for (; sent < Math.min(upTo, count); sent++) {
      batch.push(publishPacket(topicBytes, payload(sent), (sent % 65535) + 1));
    }
    if (batch.length > 0) client.write(batch.length === 1 ? (batch[0] as Buffer) : Buffer.concat(batch));
  };
  return new Promise((resolve) => {
    if (count === 0) return resolve();
    client.onAck((n) => {
      done += n;
      if (done >= count) resolve();
      else if ('window' in pacing) sendUpTo(done + pacing.window);
    });
    if ('window' in pacing) return sendUpTo(pacing.window);
    const { intervalMs } = pacing;
    const started = performance.now();
    // Catches up after a late timer, so the rate holds on average.
    const tick = () => {
      sendUpTo(Math.floor((performance.now() - started) / intervalMs) + 1);
      if (sent < count) setTimeout(tick, Math.max(0, started + sent * intervalMs - performance.now()));
    };
    tick();
  });
}
