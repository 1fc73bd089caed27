import { describe, expect, it } from 'vitest';
import { AlertStreamReader } from '../../shared/alert-stream.js';
import { fixture, RECEIVED_AT } from '../../test-fixtures.js';
import { hikvisionIsapi } from './definition.js';

const convert = (payload: Uint8Array | string, extra: Record<string, unknown> = {}, contentType?: string) =>
  hikvisionIsapi.convert(
    { payload, receivedAt: RECEIVED_AT, ...(contentType ? { contentType } : {}) },
    extra as Parameters<typeof hikvisionIsapi.convert>[1],
  );

const alert = (inner: string, ns = 'http://www.hikvision.com/ver20/XMLSchema', version = '2.0') =>
  `<?xml version="1.0" encoding="UTF-8"?>
<EventNotificationAlert version="${version}" xmlns="${ns}">
<ipAddress>192.168.10.64</ipAddress><portNo>80</portNo><protocol>HTTP</protocol>
<macAddress>44:47:CC:12:34:56</macAddress><channelID>1</channelID>
<dateTime>2024-05-01T12:34:56+08:00</dateTime><activePostCount>1</activePostCount>
${inner}
</EventNotificationAlert>`;

describe('hikvision-isapi: EventNotificationAlert', () => {
  it('reads the pushed field-detection sample whole', () => {
    expect(convert(fixture('hikvision-isapi-alert.xml'))).toEqual({
      ok: true,
      events: [
        {
          type: 'alarm',
          time: '2024-05-01T12:34:56+08:00',
          deviceId: '44:47:cc:12:34:56',
          channel: '1',
          code: 'hikvision.fielddetection',
          description: 'fielddetection alarm',
          phase: 'start',
          details: { channelName: 'Kitchen-HotLine', detectionTarget: 'human', targetRect: '0.41,0.22,0.13,0.51' },
        },
      ],
    });
  });

  it('compares event types case-insensitively and reads the old PSIA namespace', () => {
    const psia = alert(
      '<eventType>linedetection</eventType><eventState>inactive</eventState><eventDescription>Line crossing</eventDescription>',
      'urn:psialliance-org',
      '1.0',
    );
    const upper = psia.replace('linedetection', 'LineDetection');
    for (const xml of [psia, upper]) {
      const result = convert(xml);
      expect(result.ok && result.events[0]).toMatchObject({
        type: 'alarm',
        code: 'hikvision.linedetection',
        phase: 'end',
      });
    }
  });

  it('keeps a bare & that firmware leaves unescaped', () => {
    const result = convert(
      alert(
        '<eventType>VMD</eventType><eventState>active</eventState><eventDescription>Motion & more</eventDescription>',
      ),
    );
    expect(result.ok && result.events[0]).toMatchObject({ code: 'hikvision.vmd', description: 'Motion & more' });
  });

  it('unwraps a duration event to its relation event', () => {
    const xml = alert(
      '<eventType>duration</eventType><eventState>active</eventState><eventDescription>duration alarm</eventDescription><DurationList><Duration><relationEvent>fielddetection</relationEvent></Duration></DurationList>',
    );
    const result = convert(xml);
    expect(result.ok && result.events[0]).toMatchObject({
      type: 'alarm',
      code: 'hikvision.fielddetection',
      phase: 'start',
    });
  });

  it('reads the videoloss/inactive heartbeat as the channel being online, videoloss/active as an alarm', () => {
    const beat = convert(
      alert(
        '<eventType>videoloss</eventType><eventState>inactive</eventState><eventDescription>videoloss alarm</eventDescription>',
      ),
    );
    expect(beat).toEqual({
      ok: true,
      events: [
        {
          type: 'availability',
          time: '2024-05-01T12:34:56+08:00',
          deviceId: '44:47:cc:12:34:56',
          channel: '1',
          online: true,
        },
      ],
    });
    const loss = convert(
      alert(
        '<eventType>videoloss</eventType><eventState>active</eventState><eventDescription>videoloss alarm</eventDescription>',
      ),
    );
    expect(loss.ok && loss.events[0]).toMatchObject({ type: 'alarm', code: 'hikvision.videoloss', level: 'warning' });
  });

  it('prefers dynChannelID (NVR) and reads the JSON format', () => {
    const json = JSON.stringify({
      ipAddress: '192.168.10.70',
      macAddress: 'AA:BB:CC:00:11:22',
      channelID: 1,
      dynChannelID: 5,
      dateTime: '2024-05-01T12:34:56+08:00',
      eventType: 'smokingDetection',
      eventState: 'active',
      eventDescription: 'Smoking',
    });
    expect(convert(json, {}, 'application/json')).toEqual({
      ok: true,
      events: [
        {
          type: 'violation',
          time: '2024-05-01T12:34:56+08:00',
          deviceId: 'aa:bb:cc:00:11:22',
          channel: '5',
          violation: 'smoking',
          vendorCode: 'smokingDetection',
          cameraId: 'aa:bb:cc:00:11:22',
          phase: 'start',
        },
      ],
    });
  });

  it('maps AIOP kitchen rules per device, with the classifier confidence', () => {
    const aiop = {
      ipAddress: '192.168.10.80',
      macAddress: '44:47:cc:aa:bb:cc',
      channelID: 1,
      dateTime: '2024-05-01T12:40:00+08:00',
      eventType: 'AIOP_Video',
      eventState: 'active',
      eventDescription: 'AIOP_Video',
      AIOP_Video: {
        taskID: 'task-1',
        AIOPData: {
          events: {
            alertInfo: [
              {
                ruleInfo: { ruleID: '3', ruleName: 'rule-3' },
                targets: [{ properties: [{ classify: { attrValue: 'no_chef_hat', attrConf: 0.91 } }] }],
              },
              {
                ruleInfo: { ruleID: '7', ruleName: '抽烟检测' },
                targets: [{ properties: [{ classify: { attrValue: 'smoking', attrConf: 88 } }] }],
              },
              { ruleInfo: { ruleID: '9', ruleName: 'queue' } },
            ],
          },
        },
      },
    };
    const result = convert(JSON.stringify(aiop), { violationMap: { '3': 'no_hat' } });
    expect(result).toEqual({
      ok: true,
      events: [
        expect.objectContaining({
          type: 'violation',
          violation: 'no_hat',
          vendorCode: 'rule-3',
          confidence: 0.91,
          channel: '1',
        }),
        expect.objectContaining({ violation: 'smoking', vendorCode: '抽烟检测', confidence: 0.88 }),
        expect.objectContaining({ violation: 'unknown', vendorCode: 'queue' }),
      ],
    });
    const ignored = convert(JSON.stringify(aiop), { violationMap: { queue: 'ignore', '3': 'no_hat' } });
    expect(ignored.ok && ignored.events).toHaveLength(2);
  });

  it('reads AIOPData embedded as base64 JSON in the XML format', () => {
    const data = Buffer.from(
      JSON.stringify({ events: { alertInfo: [{ ruleInfo: { ruleID: '1', ruleName: '未戴口罩' } }] } }),
    ).toString('base64');
    const result = convert(
      alert(
        `<eventType>AIOP_Polling_Snap</eventType><eventState>active</eventState><AIOP_Polling_Snap><AIOPData>${data}</AIOPData></AIOP_Polling_Snap>`,
      ),
    );
    expect(result.ok && result.events[0]).toMatchObject({ type: 'violation', violation: 'no_mask' });
    const missing = convert(alert('<eventType>AIOP_Video</eventType><eventState>active</eventState>'));
    expect(missing).toMatchObject({ ok: false, rejection: { code: 'ADAPTER_MISSING_FIELD' } });
  });

  it('reads an access terminal check-in (mask, helmet, body temperature) posted as multipart/form-data', () => {
    const eventLog = JSON.stringify({
      ipAddress: '192.168.10.90',
      macAddress: '44:47:cc:99:88:77',
      dateTime: '2024-05-01T07:02:11+08:00',
      eventType: 'AccessControllerEvent',
      eventState: 'active',
      AccessControllerEvent: {
        employeeNoString: '1024',
        name: '李四',
        mask: 'no',
        helmet: 'yes',
        currTemperature: 36.6,
      },
    });
    const body = [
      '--frontier',
      'Content-Disposition: form-data; name="event_log"',
      'Content-Type: application/json',
      '',
      eventLog,
      '--frontier',
      'Content-Disposition: form-data; name="Picture"; filename="face.jpg"',
      'Content-Type: image/jpeg',
      '',
      '\xff\xd8\xff\xd9',
      '--frontier--',
      '',
    ].join('\r\n');
    const result = convert(Buffer.from(body, 'utf8'), {}, 'multipart/form-data; boundary=frontier');
    const base = {
      time: '2024-05-01T07:02:11+08:00',
      deviceId: '44:47:cc:99:88:77',
      details: { employeeNo: '1024', name: '李四' },
    };
    expect(result).toEqual({
      ok: true,
      events: [
        {
          type: 'violation',
          ...base,
          violation: 'no_mask',
          vendorCode: 'mask:no',
          cameraId: '44:47:cc:99:88:77',
          snapshotRef: 'cid:Picture',
        },
        { type: 'reading', ...base, metric: 'body_temperature', value: 36.6, unit: '°C' },
      ],
    });
  });

  it('answers non-alert XML and broken payloads with typed rejections', () => {
    expect(convert('<ResponseStatus><statusCode>1</statusCode></ResponseStatus>')).toMatchObject({
      ok: false,
      rejection: { code: 'ADAPTER_UNSUPPORTED_EVENT' },
    });
    expect(convert(alert('<eventType>VMD</eventType>').slice(0, 200))).toMatchObject({
      rejection: { code: 'ADAPTER_MALFORMED_XML' },
    });
    expect(convert('{"eventType": ')).toMatchObject({ rejection: { code: 'ADAPTER_MALFORMED_JSON' } });
    expect(convert(alert('<eventState>active</eventState>'))).toMatchObject({
      rejection: { code: 'ADAPTER_MISSING_FIELD' },
    });
  });
});

describe('hikvision-isapi: alertStream', () => {
  const stream = fixture('hikvision-alertstream-multipart.txt');
  const expected = [
    {
      type: 'alarm',
      time: '2024-05-01T12:34:56+08:00',
      deviceId: '44:47:cc:12:34:56',
      channel: '1',
      code: 'hikvision.vmd',
      description: 'Motion alarm',
      phase: 'start',
    },
    {
      type: 'availability',
      time: '2024-05-01T12:35:06+08:00',
      deviceId: '44:47:cc:12:34:56',
      channel: '1',
      online: true,
    },
  ];

  it('converts the captured stream (HTTP head, boundary, XML parts, JPEG) whole', () => {
    expect(convert(stream)).toEqual({ ok: true, events: expected });
  });

  it('gives the same messages however the stream is cut into reads', () => {
    const whole = readAll([stream]);
    expect(whole.map((m) => m.attachments?.map((a) => [a.id, a.bytes.length]))).toEqual([undefined, [['image_1', 22]]]);
    for (let cut = 1; cut < stream.length; cut += 7) {
      expect(readAll([stream.subarray(0, cut), stream.subarray(cut)])).toEqual(whole);
    }
    const bytewise = Array.from(stream, (_, i) => stream.subarray(i, i + 1));
    expect(readAll(bytewise)).toEqual(whole);
  });

  it('takes the boundary exactly as written, < and > included, and attaches the JPEG to its event', () => {
    const part = (type: string, body: string) =>
      `--<<frontier>>\r\nContent-Type: ${type}\r\nContent-Length: ${Buffer.byteLength(body, 'latin1')}\r\n\r\n${body}\r\n`;
    const xml = alert(
      '<eventType>fielddetection</eventType><eventState>active</eventState><eventDescription>intrusion</eventDescription>',
    );
    const head = 'HTTP/1.1 200 OK\r\nContent-Type: multipart/mixed; boundary=<<frontier>>\r\n\r\n';
    const text = head + part('application/xml', xml) + part('image/jpeg', '\xff\xd8<<frontier>>\xff\xd9');
    const reader = new AlertStreamReader();
    const first = reader.feed(Buffer.from(text, 'latin1'), RECEIVED_AT);
    expect(first.messages).toEqual([]); // held: its image might still come
    const [message] = reader.flush();
    expect(message?.attachments?.[0]?.bytes).toEqual(
      new Uint8Array(Buffer.from('\xff\xd8<<frontier>>\xff\xd9', 'latin1')),
    );
    const result = hikvisionIsapi.convert(message!);
    expect(result.ok && result.events[0]).toMatchObject({
      code: 'hikvision.fielddetection',
      snapshotRef: 'cid:part-2',
    });
  });

  it('ends the stream with a typed rejection for a part larger than allowed', () => {
    const reader = new AlertStreamReader({ boundary: 'b', maxPartBytes: 1000 });
    const fed = reader.feed(
      Buffer.from('--b\r\nContent-Type: image/jpeg\r\nContent-Length: 5000\r\n\r\n'),
      RECEIVED_AT,
    );
    expect(fed.error?.code).toBe('ADAPTER_PAYLOAD_TOO_LARGE');
  });
});

function readAll(chunks: Uint8Array[]) {
  const reader = new AlertStreamReader();
  const messages = chunks.flatMap((chunk) => reader.feed(chunk, RECEIVED_AT).messages);
  return [...messages, ...reader.end(RECEIVED_AT).messages].map((m) => ({
    text: Buffer.from(m.payload as Uint8Array).toString('utf8'),
    attachments: m.attachments,
  }));
}
