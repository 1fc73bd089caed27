import { afterEach, describe, expect, it } from 'vitest';
import { fixture } from '../test-fixtures.js';
import { createIsapiReceiver, type IsapiReceiver } from './isapi-receiver.js';
import type { SourceBatch } from './source.js';

let receiver: IsapiReceiver | undefined;
afterEach(() => receiver?.stop());

async function start(batches: SourceBatch[]) {
  receiver = createIsapiReceiver({ host: '127.0.0.1', port: 0, onBatch: (b) => batches.push(b) });
  await receiver.start();
  return `http://127.0.0.1:${receiver.address()!.port}/isapi/events`;
}

describe('ISAPI HTTP receiver', () => {
  it('accepts an XML push and answers 200', async () => {
    const batches: SourceBatch[] = [];
    const url = await start(batches);
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/xml' },
      body: fixture('hikvision-isapi-alert.xml'),
    });
    expect(res.status).toBe(200);
    expect(batches).toHaveLength(1);
    expect(batches[0]?.events.length).toBeGreaterThan(0);
    expect(batches[0]?.message.topic).toBe('/isapi/events');
  });

  it('splits an access terminal form-data push and attaches the picture as snapshot bytes', async () => {
    const batches: SourceBatch[] = [];
    const url = await start(batches);
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0xff, 0xd9]);
    const event = JSON.stringify({
      ipAddress: '192.168.1.80',
      macAddress: 'a4:14:37:00:00:01',
      dateTime: '2024-05-02T07:02:11+08:00',
      eventType: 'AccessControllerEvent',
      eventState: 'active',
      AccessControllerEvent: { employeeNoString: '1007', name: '李师傅', mask: 'no', helmet: 'unknown' },
    });
    const body = Buffer.concat([
      Buffer.from(
        `--MIME<boundary>\r\nContent-Disposition: form-data; name="event_log"\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(event)}\r\n\r\n${event}\r\n--MIME<boundary>\r\nContent-Disposition: form-data; name="Picture"; filename="pic.jpg"\r\nContent-Type: image/jpeg\r\nContent-Length: ${jpeg.length}\r\n\r\n`,
      ),
      jpeg,
      Buffer.from('\r\n--MIME<boundary>--\r\n'),
    ]);
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data; boundary=MIME<boundary>' },
      body,
    });
    expect(res.status).toBe(200);
    expect(batches[0]?.events).toEqual([
      expect.objectContaining({ type: 'violation', violation: 'no_mask', snapshotRef: 'cid:Picture' }),
    ]);
    expect(Buffer.from(batches[0]?.message.attachments?.[0]?.bytes ?? [])).toEqual(jpeg);
  });

  it('answers 400 with the typed rejection for a body it cannot read, and counts it', async () => {
    const batches: SourceBatch[] = [];
    const url = await start(batches);
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/xml' }, body: '<Event' });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: 'ADAPTER_MALFORMED_XML' });
    expect(batches).toEqual([]);
    expect(receiver!.stats()).toEqual({ messages: 1, events: 0, rejections: { ADAPTER_MALFORMED_XML: 1 } });
  });
});
