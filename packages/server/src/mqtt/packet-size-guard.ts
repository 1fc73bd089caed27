/**
 * Caps the size of the MQTT packets a client may send to the embedded broker. aedes (and the packet
 * parser under it) has no such limit, so a device could push a 10 MB payload; this reads the fixed header
 * of each packet as the bytes pass (type byte, then the remaining length, 1–4 bytes of 7 bits each) and
 * ends the connection when one announces more than `maxBytes`, before the body arrives. The HTTP `/mqtt`
 * route reaches the broker through its TCP listener, so one cap holds for every way in.
 */
import { Duplex, Transform } from 'node:stream';

/** The platform's limit on one MQTT packet from a client (a snapshot JPEG fits; a video does not). */
export const MAX_MQTT_PACKET_BYTES = 1024 * 1024;

class PacketSizeGuard extends Transform {
  // Where the parser is in the current packet: its type byte, its length bytes, or `skip` body bytes left.
  private state: 'type' | 'length' = 'type';
  private length = 0;
  private shift = 0;
  private skip = 0;

  constructor(private readonly maxBytes: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error | null, data?: Buffer) => void) {
    let i = 0;
    while (i < chunk.length) {
      if (this.skip > 0) {
        const step = Math.min(this.skip, chunk.length - i);
        this.skip -= step;
        i += step;
        continue;
      }
      const byte = chunk[i++] as number;
      if (this.state === 'type') {
        this.state = 'length';
        this.length = 0;
        this.shift = 0;
        continue;
      }
      this.length += (byte & 0x7f) * 2 ** this.shift;
      this.shift += 7;
      if (byte & 0x80) {
        if (this.shift > 21) return done(new Error('malformed MQTT remaining length'));
        continue;
      }
      if (this.length > this.maxBytes) {
        return done(new Error(`MQTT packet of ${this.length} bytes refused (limit ${this.maxBytes})`));
      }
      this.state = 'type';
      this.skip = this.length;
    }
    done(null, chunk);
  }
}

/** The connection as the broker should see it: what the client sends passes the guard first. */
export function guardPacketSize(connection: Duplex, maxBytes = MAX_MQTT_PACKET_BYTES): Duplex {
  const guard = new PacketSizeGuard(maxBytes);
  guard.on('error', () => connection.destroy());
  connection.on('error', (error) => guard.destroy(error));
  connection.pipe(guard);
  return Duplex.from({ readable: guard, writable: connection });
}
