import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { parseXml } from '../xml/reader.js';
import { childText, descendant } from '../xml/tree.js';
import { createOnvifPoller } from './onvif-poller.js';
import type { SourceBatch } from './source.js';
import { passwordDigest } from './ws-security.js';

const MOTION = `<?xml version="1.0" encoding="UTF-8"?>
<env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope" xmlns:tev="http://www.onvif.org/ver10/events/wsdl" xmlns:wsnt="http://docs.oasis-open.org/wsn/b-2" xmlns:tt="http://www.onvif.org/ver10/schema" xmlns:tns1="http://www.onvif.org/ver10/topics">
<env:Body><tev:PullMessagesResponse><tev:CurrentTime>2024-05-01T04:34:56Z</tev:CurrentTime><tev:TerminationTime>2024-05-01T04:44:56Z</tev:TerminationTime>
<wsnt:NotificationMessage><wsnt:Topic Dialect="http://www.onvif.org/ver10/tev/topicExpression/ConcreteSet">tns1:RuleEngine/CellMotionDetector/Motion</wsnt:Topic>
<wsnt:Message><tt:Message UtcTime="2024-05-01T04:34:56Z" PropertyOperation="Changed"><tt:Source><tt:SimpleItem Name="VideoSourceConfigurationToken" Value="VideoSourceToken0"/><tt:SimpleItem Name="Rule" Value="MyMotionDetectorRule"/></tt:Source><tt:Data><tt:SimpleItem Name="IsMotion" Value="true"/></tt:Data></tt:Message></wsnt:Message>
</wsnt:NotificationMessage></tev:PullMessagesResponse></env:Body></env:Envelope>`;

const EMPTY = `<?xml version="1.0"?><env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope" xmlns:tev="http://www.onvif.org/ver10/events/wsdl"><env:Body><tev:PullMessagesResponse><tev:CurrentTime>2024-05-01T04:35:00Z</tev:CurrentTime></tev:PullMessagesResponse></env:Body></env:Envelope>`;

const FAULT = `<?xml version="1.0"?><env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope"><env:Body><env:Fault><env:Code><env:Value>env:Sender</env:Value></env:Code><env:Reason><env:Text xml:lang="en">Not Authorized</env:Text></env:Reason></env:Fault></env:Body></env:Envelope>`;

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((r) => server?.close(r));
});

/** A camera's event service: checks the UsernameToken digest, hands out a pull point, answers pulls. */
async function camera(password: string) {
  const log: string[] = [];
  let pulls = 0;
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (c) => {
      body += c;
    });
    request.on('end', () => {
      const xml = parseXml(body);
      const token = xml.ok ? descendant(xml.root, 'UsernameToken') : undefined;
      const nonce = Buffer.from(childText(token, 'Nonce') ?? '', 'base64');
      const created = childText(token, 'Created') ?? '';
      const valid =
        childText(token, 'Username') === 'onvif' &&
        childText(token, 'Password') === passwordDigest(nonce, created, password);
      const soap = (status: number, text: string) =>
        response.writeHead(status, { 'content-type': 'application/soap+xml' }).end(text);
      if (!valid) {
        log.push('refused');
        return soap(400, FAULT);
      }
      const action = xml.ok ? childText(descendant(xml.root, 'Header'), 'Action') : undefined;
      log.push(`${request.url} ${action?.split('/').pop()}`);
      const address = `http://127.0.0.1:${(server!.address() as AddressInfo).port}/onvif/pullpoint/1`;
      if (action?.endsWith('CreatePullPointSubscriptionRequest')) {
        return soap(
          200,
          `<env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope" xmlns:tev="http://www.onvif.org/ver10/events/wsdl" xmlns:wsa="http://www.w3.org/2005/08/addressing"><env:Body><tev:CreatePullPointSubscriptionResponse><tev:SubscriptionReference><wsa:Address>${address}</wsa:Address></tev:SubscriptionReference></tev:CreatePullPointSubscriptionResponse></env:Body></env:Envelope>`,
        );
      }
      pulls++;
      setTimeout(() => soap(200, pulls === 1 ? MOTION : EMPTY), pulls === 1 ? 0 : 50);
    });
  });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/onvif/event_service`, log };
}

const until = async (check: () => boolean, ms = 4000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe('ONVIF PullPoint poller', () => {
  it('subscribes and pulls with a WS-Security digest, converting the notifications', async () => {
    const { url, log } = await camera('secret-1');
    const batches: SourceBatch[] = [];
    const poller = createOnvifPoller({
      eventServiceUrl: url,
      username: 'onvif',
      password: 'secret-1',
      deviceId: 'cam-pass-1',
      onBatch: (b) => batches.push(b),
    });
    await poller.start();
    await until(() => batches.length >= 2);
    await poller.stop();
    expect(log.slice(0, 3)).toEqual([
      '/onvif/event_service CreatePullPointSubscriptionRequest',
      '/onvif/pullpoint/1 PullMessagesRequest',
      '/onvif/pullpoint/1 PullMessagesRequest',
    ]);
    expect(batches[0]?.events).toEqual([
      expect.objectContaining({
        type: 'alarm',
        deviceId: 'cam-pass-1',
        channel: 'VideoSourceToken0',
        phase: 'start',
        time: '2024-05-01T12:34:56+08:00',
      }),
    ]);
    expect(batches[1]?.events).toEqual([]);
  });

  it('keeps retrying a camera that refuses the password, without events', async () => {
    const { url, log } = await camera('right');
    const statuses: string[] = [];
    const poller = createOnvifPoller({
      eventServiceUrl: url,
      username: 'onvif',
      password: 'wrong',
      deviceId: 'cam',
      retryMs: 100,
      onBatch: () => {},
      onStatus: (s) => statuses.push(s.state === 'error' ? s.reason : s.state),
    });
    await poller.start();
    await until(() => log.length >= 2);
    await poller.stop();
    expect(statuses[0]).toBe('HTTP 400 SOAP fault');
    expect(log.every((l) => l === 'refused')).toBe(true);
    expect(poller.stats().messages).toBe(0);
  });
});
