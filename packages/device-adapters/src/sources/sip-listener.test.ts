import { createSocket, type Socket } from 'node:dgram';
import { afterEach, describe, expect, it } from 'vitest';
import { fixture } from '../test-fixtures.js';
import { createSipListener, type SipListener } from './sip-listener.js';
import type { SourceBatch, SourceRejection } from './source.js';

/** The GB2312 alarm fixture inside the SIP MESSAGE a camera or a lower platform sends. */
function sipMessage(body: Uint8Array, callId = 'a84b4c76e66710@192.168.1.64'): Buffer {
  const head = [
    'MESSAGE sip:34020000002000000001@3402000000 SIP/2.0',
    'Via: SIP/2.0/UDP 127.0.0.1:5061;rport;branch=z9hG4bK776asdhds',
    'From: <sip:34020000001310000001@3402000000>;tag=1928301774',
    'To: <sip:34020000002000000001@3402000000>',
    `Call-ID: ${callId}`,
    'CSeq: 20 MESSAGE',
    'Max-Forwards: 70',
    'Content-Type: Application/MANSCDP+xml',
    `Content-Length: ${body.length}`,
    '',
    '',
  ].join('\r\n');
  return Buffer.concat([Buffer.from(head, 'latin1'), body]);
}

let listener: SipListener | undefined;
let client: Socket | undefined;
afterEach(async () => {
  await listener?.stop();
  client?.close();
});

async function exchange(packet: Buffer, expectAnswer = true): Promise<string | undefined> {
  const address = listener!.address()!;
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(undefined), expectAnswer ? 2000 : 200);
    client!.once('message', (answer) => {
      clearTimeout(timer);
      resolve(answer.toString('latin1'));
    });
    client!.send(packet, address.port, '127.0.0.1');
  });
}

describe('GB/T 28181 SIP listener (UDP)', () => {
  it('answers 200 OK and converts the GB2312 alarm; a retransmission is answered but not counted twice', async () => {
    const batches: SourceBatch[] = [];
    listener = createSipListener({ host: '127.0.0.1', port: 0, onBatch: (b) => batches.push(b) });
    await listener.start();
    client = createSocket('udp4');
    await new Promise<void>((r) => client!.bind(0, '127.0.0.1', r));

    const packet = sipMessage(fixture('gb28181-alarm.xml'));
    const answer = await exchange(packet);
    const lines = answer?.split('\r\n') ?? [];
    expect(lines[0]).toBe('SIP/2.0 200 OK');
    expect(lines).toContain('Via: SIP/2.0/UDP 127.0.0.1:5061;rport;branch=z9hG4bK776asdhds');
    expect(lines).toContain('Call-ID: a84b4c76e66710@192.168.1.64');
    expect(lines).toContain('CSeq: 20 MESSAGE');
    expect(lines.find((l) => l.startsWith('To: '))).toMatch(/^To: <sip:34020000002000000001@3402000000>;tag=\w+$/);

    expect(batches).toHaveLength(1);
    expect(batches[0]?.events).toEqual([
      expect.objectContaining({
        type: 'alarm',
        deviceId: '34020000001310000001',
        time: '2024-05-01T12:34:56+08:00',
        description: expect.stringContaining('后厨热菜间区域入侵'),
      }),
    ]);

    const again = await exchange(packet);
    expect(again).toBe(answer);
    expect(batches).toHaveLength(1);
    expect(listener.stats()).toEqual({ messages: 1, events: 1, rejections: {} });
  });

  it('counts what is no SIP request and answers nothing', async () => {
    const rejected: SourceRejection[] = [];
    listener = createSipListener({
      host: '127.0.0.1',
      port: 0,
      onBatch: () => {},
      onRejection: (r) => rejected.push(r),
    });
    await listener.start();
    client = createSocket('udp4');
    await new Promise<void>((r) => client!.bind(0, '127.0.0.1', r));
    expect(await exchange(Buffer.from('\u0000\u0001 not sip at all'), false)).toBeUndefined();
    expect(rejected.map((r) => r.rejection.code)).toEqual(['ADAPTER_MALFORMED_SIP']);
    expect(listener.stats().rejections).toEqual({ ADAPTER_MALFORMED_SIP: 1 });
  });
});
