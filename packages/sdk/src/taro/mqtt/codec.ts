/**
 * The few MQTT 3.1.1 packets a subscriber needs (CONNECT, SUBSCRIBE, PINGREQ, DISCONNECT out; CONNACK, SUBACK,
 * PUBLISH, PINGRESP in), QoS 0 only. Pure: bytes in, packets out. mqtt.js would add ~350 KB to the mini-program.
 */
import { decodeUtf8, encodeUtf8 } from '../../utf8.js';

/** What an MQTT CONNECT packet carries. */
export interface ConnectOptions {
  readonly clientId: string;
  readonly username?: string;
  readonly password?: string;
  readonly keepaliveSec: number;
}

/** A packet the subscriber reads from the broker; narrow on `type`. */
export type MqttPacket =
  | { readonly type: 'connack'; readonly returnCode: number }
  | { readonly type: 'suback'; readonly packetId: number; readonly granted: readonly number[] }
  | { readonly type: 'publish'; readonly topic: string; readonly payload: string }
  | { readonly type: 'pingresp' }
  | { readonly type: 'other'; readonly code: number };

function lengthBytes(length: number): number[] {
  const out: number[] = [];
  let x = length;
  do {
    let digit = x % 128;
    x = Math.floor(x / 128);
    if (x > 0) digit |= 0x80;
    out.push(digit);
  } while (x > 0);
  return out;
}

function str(text: string): number[] {
  const bytes = encodeUtf8(text);
  return [bytes.length >> 8, bytes.length & 0xff, ...bytes];
}

function packet(first: number, body: readonly number[]): Uint8Array {
  return Uint8Array.from([first, ...lengthBytes(body.length), ...body]);
}

/**
 * An MQTT 3.1.1 CONNECT packet (clean session).
 * @example socket.send(encodeConnect({ clientId: 'bk-mp-1', username, password, keepaliveSec: 30 }))
 */
export function encodeConnect(options: ConnectOptions): Uint8Array {
  let flags = 0x02; // clean session
  if (options.username !== undefined) flags |= 0x80;
  if (options.password !== undefined) flags |= 0x40;
  const body = [
    ...str('MQTT'),
    4,
    flags,
    options.keepaliveSec >> 8,
    options.keepaliveSec & 0xff,
    ...str(options.clientId),
    ...(options.username !== undefined ? str(options.username) : []),
    ...(options.password !== undefined ? str(options.password) : []),
  ];
  return packet(0x10, body);
}

/** An MQTT SUBSCRIBE packet for one topic filter at QoS 0. */
export function encodeSubscribe(packetId: number, topic: string): Uint8Array {
  return packet(0x82, [packetId >> 8, packetId & 0xff, ...str(topic), 0]);
}

/** An MQTT UNSUBSCRIBE packet for one topic filter. */
export function encodeUnsubscribe(packetId: number, topic: string): Uint8Array {
  return packet(0xa2, [packetId >> 8, packetId & 0xff, ...str(topic)]);
}

/** An MQTT PUBLISH packet at QoS 0 with a UTF-8 text payload. */
export function encodePublish(topic: string, payload: string): Uint8Array {
  return packet(0x30, [...str(topic), ...encodeUtf8(payload)]);
}

/** The MQTT PINGREQ packet (keepalive). */
export const PINGREQ = Uint8Array.from([0xc0, 0]);
/** The MQTT DISCONNECT packet. */
export const DISCONNECT = Uint8Array.from([0xe0, 0]);

/** Reassembles packets from WebSocket frames (a frame may hold part of a packet, or several). */
export function createPacketReader(): (chunk: Uint8Array) => MqttPacket[] {
  let buffer = new Uint8Array(0);
  return (chunk) => {
    const joined = new Uint8Array(buffer.length + chunk.length);
    joined.set(buffer, 0);
    joined.set(chunk, buffer.length);
    buffer = joined;
    const packets: MqttPacket[] = [];
    for (;;) {
      const header = readHeader(buffer);
      if (!header) break;
      const end = header.offset + header.length;
      packets.push(decode(buffer[0] ?? 0, buffer.subarray(header.offset, end)));
      buffer = buffer.slice(end);
    }
    return packets;
  };
}

function readHeader(buffer: Uint8Array): { offset: number; length: number } | null {
  let length = 0;
  let multiplier = 1;
  for (let i = 1; i < 5; i++) {
    const byte = buffer[i];
    if (byte === undefined) return null;
    length += (byte & 0x7f) * multiplier;
    multiplier *= 128;
    if ((byte & 0x80) === 0) return buffer.length >= i + 1 + length ? { offset: i + 1, length } : null;
  }
  throw new Error('MQTT: malformed remaining length');
}

function decode(first: number, body: Uint8Array): MqttPacket {
  const code = first >> 4;
  switch (code) {
    case 2:
      return { type: 'connack', returnCode: body[1] ?? 0xff };
    case 9:
      return { type: 'suback', packetId: ((body[0] ?? 0) << 8) | (body[1] ?? 0), granted: [...body.subarray(2)] };
    case 3: {
      const topicLength = ((body[0] ?? 0) << 8) | (body[1] ?? 0);
      const topic = decodeUtf8(body.subarray(2, 2 + topicLength));
      const qos = (first >> 1) & 0x03;
      const payloadStart = 2 + topicLength + (qos > 0 ? 2 : 0);
      const payload = decodeUtf8(body.subarray(payloadStart));
      // Not UTF-8 (MQTT requires it of topics; our events are JSON text): passed over like any unknown packet.
      if (topic === undefined || payload === undefined) return { type: 'other', code };
      return { type: 'publish', topic, payload };
    }
    case 13:
      return { type: 'pingresp' };
    default:
      return { type: 'other', code };
  }
}
