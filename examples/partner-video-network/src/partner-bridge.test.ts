import { createSocket } from 'node:dgram';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PartnerViolationSchema, parse } from '@brightkitchen/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPartnerBridge, PARTNER_VIOLATIONS_PATH } from './partner-bridge.js';
import { type Platform, startPlatform } from './test-platform.js';

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../../../packages/device-adapters/fixtures/${name}`, import.meta.url)));

const until = async (check: () => Promise<boolean>) => {
  for (let i = 0; i < 500 && !(await check()); i++) await new Promise((r) => setTimeout(r, 10));
};

function sipMessage(body: Uint8Array, callId: string, deviceId = '34020000001310000001'): Buffer {
  const xml = Buffer.from(body).toString('latin1').replace('34020000001310000001', deviceId);
  const bytes = Buffer.from(xml, 'latin1');
  const head = [
    'MESSAGE sip:34020000002000000001@3402000000 SIP/2.0',
    `Via: SIP/2.0/UDP 127.0.0.1:5062;rport;branch=z9hG4bK-${callId}`,
    `From: <sip:${deviceId}@3402000000>;tag=77`,
    'To: <sip:34020000002000000001@3402000000>',
    `Call-ID: ${callId}`,
    'CSeq: 1 MESSAGE',
    'Content-Type: Application/MANSCDP+xml',
    `Content-Length: ${bytes.length}`,
    '',
    '',
  ].join('\r\n');
  return Buffer.concat([Buffer.from(head, 'latin1'), bytes]);
}

describe('partner video network bridge', () => {
  it('answers the GB/T 28181 alarm 200 OK and keeps the signed push in the outbox while the platform is unreachable', async () => {
    const bridge = createPartnerBridge({
      // Nothing listens there: the push must wait in the outbox file, not be lost.
      platform: { baseURL: 'http://127.0.0.1:9', keyId: 'pk_city_video', secret: 'city-secret' },
      sip: { host: '127.0.0.1', port: 0 },
      cameras: { '34020000001310000001': { venueId: 'venue-school-1', name: '热菜间' } },
      violationMap: { 'video:6': 'stranger' },
      outboxPath: join(mkdtempSync(join(tmpdir(), 'bk-partner-')), 'outbox.json'),
    });
    await bridge.start();
    const port = bridge.sip.address()!.port;
    const client = createSocket('udp4');
    const send = (packet: Buffer) =>
      new Promise<string>((resolve) => {
        client.once('message', (m) => resolve(m.toString('latin1')));
        client.send(packet, port, '127.0.0.1');
      });

    const answer = await send(sipMessage(fixture('gb28181-alarm.xml'), 'call-1'));
    expect(answer.split('\r\n')[0]).toBe('SIP/2.0 200 OK');
    await send(sipMessage(fixture('gb28181-alarm.xml'), 'call-2', '34020000001310000099'));
    await send(sipMessage(fixture('gb28181-keepalive.xml'), 'call-3'));

    await until(async () => bridge.counts.pushed === 1 && bridge.counts.notOurs === 1);
    const [item] = await bridge.client.outbox.pending();
    expect(item).toMatchObject({
      path: PARTNER_VIOLATIONS_PATH,
      body: {
        venueId: 'venue-school-1',
        violation: 'stranger',
        time: '2024-05-01T12:34:56+08:00',
        source: 'gb28181',
        cameraId: '34020000001310000001',
        cameraName: '热菜间',
        externalId: expect.stringMatching(/^34020000001310000001:/),
      },
    });
    // What the platform's route takes: the SDK's contract.
    expect(parse(PartnerViolationSchema, item?.body)).toMatchObject({ ok: true });
    expect(bridge.counts).toEqual({ pushed: 1, notOurs: 1, notViolations: expect.any(Number) });
    client.close();
    await bridge.stop();
  });
});

describe('partner video network bridge against the platform', () => {
  let platform: Platform;
  beforeAll(async () => {
    platform = await startPlatform();
  });
  afterAll(() => platform?.close());

  it('pushes a GB/T 28181 intrusion through POST /v1/partner/violations: one alert at the venue, resends recognised', async () => {
    const bridge = createPartnerBridge({
      platform: { baseURL: platform.baseUrl, keyId: platform.partner.keyId, secret: platform.partner.secret },
      sip: { host: '127.0.0.1', port: 0 },
      cameras: { '34020000001310000001': { venueId: platform.venueId, name: '热菜间' } },
      violationMap: { 'video:6': 'stranger' },
      outboxPath: join(mkdtempSync(join(tmpdir(), 'bk-partner-')), 'outbox.json'),
    });
    await bridge.start();
    const client = createSocket('udp4');
    const port = bridge.sip.address()!.port;
    const send = (packet: Buffer) =>
      new Promise<string>((resolve) => {
        client.once('message', (m) => resolve(m.toString('latin1')));
        client.send(packet, port, '127.0.0.1');
      });
    try {
      await send(sipMessage(fixture('gb28181-alarm.xml'), 'call-a'));
      // The camera resends the same alarm (same SN) in a new transaction: the platform recognises it.
      await send(sipMessage(fixture('gb28181-alarm.xml'), 'call-b'));
      await until(async () => bridge.counts.pushed === 2 && (await bridge.client.outbox.pending()).length === 0);
      expect(await bridge.client.outbox.pending()).toEqual([]);
      expect(await bridge.client.outbox.rejected()).toEqual([]);

      const alerts = await platform.alerts();
      expect(alerts).toHaveLength(1);
      expect(alerts[0]).toMatchObject({
        venueId: platform.venueId,
        source: 'violation',
        type: 'stranger',
        state: 'open',
      });
    } finally {
      client.close();
      await bridge.stop();
    }
  });
});
