/**
 * GB/T 28181 SIP listener on UDP: every MESSAGE/NOTIFY is answered `200 OK` (built by `buildSipOk`)
 * to the address it came from, and its MANSCDP body converted. A retransmission (same Call-ID and
 * CSeq, sent again when our answer was lost) is answered again but not converted twice.
 */
import { createSocket, type Socket } from 'node:dgram';
import type { ConvertContext } from '@brightkitchen/sdk';
import { buildSipOk, gb28181, parseSipRequest, sipHeader } from '../vendors/gb28181/index.js';
import { createTally, receivedNow, type Source, type SourceHandlers } from './source.js';

export interface SipListenerOptions extends SourceHandlers {
  /** Default `0.0.0.0`. */
  readonly host?: string;
  /** Default 5060; 0 picks a free port (see `address()`). */
  readonly port?: number;
  readonly context?: ConvertContext<unknown>;
  /** `User-Agent` of the answers; default `BrightKitchen`. */
  readonly userAgent?: string;
}

export interface SipListener extends Source {
  address(): { host: string; port: number } | undefined;
}

/** How many recent requests are remembered to recognise retransmissions. */
const RECENT = 512;

export function createSipListener(options: SipListenerOptions): SipListener {
  const tally = createTally('sip', options);
  const recent = new Set<string>();
  let socket: Socket | undefined;

  function onMessage(bytes: Buffer, from: { address: string; port: number }) {
    const payload = new Uint8Array(bytes);
    const receivedAt = receivedNow();
    const parsed = parseSipRequest(payload);
    if (!parsed.ok) {
      tally.refuse(gb28181.vendor, { payload, receivedAt }, parsed.rejection);
      return;
    }
    const request = parsed.value;
    const answer = buildSipOk(request, options.userAgent === undefined ? {} : { userAgent: options.userAgent });
    socket?.send(answer, from.port, from.address);
    const key = `${sipHeader(request, 'call-id') ?? ''}\u0000${sipHeader(request, 'cseq') ?? ''}`;
    if (recent.has(key)) return;
    recent.add(key);
    if (recent.size > RECENT) recent.delete(recent.values().next().value as string);
    tally.convert(gb28181, { payload, receivedAt, topic: request.requestUri }, options.context);
  }

  return {
    kind: 'sip',
    async start() {
      if (socket) return;
      const s = createSocket('udp4');
      s.on('message', onMessage);
      await new Promise<void>((resolve, reject) => {
        s.once('error', reject);
        s.bind(options.port ?? 5060, options.host ?? '0.0.0.0', () => resolve());
      });
      socket = s;
    },
    async stop() {
      const s = socket;
      socket = undefined;
      if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
    },
    address() {
      const info = socket?.address();
      return info ? { host: info.address, port: info.port } : undefined;
    },
    stats: () => tally.stats(),
  };
}
