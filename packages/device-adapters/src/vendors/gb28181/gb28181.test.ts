import { describe, expect, it } from 'vitest';
import { fixture, RECEIVED_AT } from '../../test-fixtures.js';
import { gb28181 } from './definition.js';
import { buildSipOk, parseSipRequest } from './sip.js';

type Context = Parameters<typeof gb28181.convert>[1];
const convert = (payload: Uint8Array | string, context: Context = {}) =>
  gb28181.convert({ payload, receivedAt: RECEIVED_AT }, context);

/** GB2312 bytes of a MANSCDP body (the encoder is the inverse of the platform's decoder). */
function gbk(text: string): Uint8Array {
  const bytes: number[] = [];
  const decoder = new TextDecoder('gbk');
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) {
      bytes.push(ch.charCodeAt(0));
      continue;
    }
    // Search the GB2312 table for the character: slow but only for test bodies.
    let found = false;
    for (let hi = 0xb0; hi <= 0xf7 && !found; hi++) {
      for (let lo = 0xa1; lo <= 0xfe; lo++) {
        if (decoder.decode(new Uint8Array([hi, lo])) === ch) {
          bytes.push(hi, lo);
          found = true;
          break;
        }
      }
    }
    if (!found) throw new Error(`not in GB2312: ${ch}`);
  }
  return new Uint8Array(bytes);
}

const alarm = (inner: string) =>
  `<?xml version="1.0" encoding="GB2312"?>\r\n<Notify>\r\n<CmdType>Alarm</CmdType>\r\n<SN>1</SN>\r\n<DeviceID>34020000001310000009</DeviceID>\r\n${inner}\r\n</Notify>\r\n`;

function sipMessage(body: Uint8Array, method = 'MESSAGE'): Uint8Array {
  const head = [
    `${method} sip:34020000002000000001@3402000000 SIP/2.0`,
    'Via: SIP/2.0/UDP 192.168.1.64:5060;rport;branch=z9hG4bK1234',
    'Via: SIP/2.0/UDP 10.0.0.2:5060;branch=z9hG4bK5678',
    'From: <sip:34020000001310000001@3402000000>;tag=abc',
    't: <sip:34020000002000000001@3402000000>',
    'i: 77@192.168.1.64',
    'CSeq: 20 MESSAGE',
    'Content-Type: Application/MANSCDP+xml',
    `Content-Length: ${body.length}`,
    '',
    '',
  ].join('\r\n');
  return new Uint8Array([...Buffer.from(head, 'latin1'), ...body]);
}

describe('gb28181', () => {
  it('reads the GB2312 alarm sample whole, AlarmTime in the venue zone', () => {
    expect(convert(fixture('gb28181-alarm.xml'))).toEqual({
      ok: true,
      events: [
        {
          type: 'alarm',
          time: '2024-05-01T12:34:56+08:00',
          deviceId: '34020000001310000001',
          code: 'gb28181.video.intrusion',
          description: '后厨热菜间区域入侵',
          level: 'critical',
          details: {
            alarmMethod: '5',
            alarmType: '6',
            priority: '1',
            sn: '17430',
            eventType: 'enter',
            longitude: 121.4737,
            latitude: 31.2304,
          },
        },
      ],
    });
    const utc = convert(fixture('gb28181-alarm.xml'), { timeZone: 'UTC' });
    expect(utc.ok && utc.events[0]?.time).toBe('2024-05-01T12:34:56Z');
  });

  it('reads the keepalive sample as online', () => {
    expect(convert(fixture('gb28181-keepalive.xml'))).toEqual({
      ok: true,
      events: [
        { type: 'availability', time: '2024-05-01T12:35:00+08:00', deviceId: '34020000001320000001', online: true },
      ],
    });
  });

  it('maps a video alarm to a violation by per-device configuration or by its description', () => {
    const configured = convert(fixture('gb28181-alarm.xml'), { violationMap: { 'video:6': 'stranger' } });
    expect(configured.ok && configured.events[0]).toMatchObject({
      type: 'violation',
      violation: 'stranger',
      vendorCode: 'video:6',
      cameraId: '34020000001310000001',
    });
    const body = gbk(
      alarm(
        '<AlarmPriority>2</AlarmPriority><AlarmMethod>5</AlarmMethod><AlarmTime>2024-05-01T11:00:00</AlarmTime><AlarmDescription>厨师未戴帽子</AlarmDescription><Info><AlarmType>11</AlarmType></Info>',
      ),
    );
    const described = convert(body);
    expect(described.ok && described.events[0]).toMatchObject({
      type: 'violation',
      violation: 'no_hat',
      vendorCode: 'video:11',
    });
  });

  it('reads AlarmType by method, and at the top level too', () => {
    const device = convert(
      alarm(
        '<AlarmPriority>3</AlarmPriority><AlarmMethod>2</AlarmMethod><AlarmTime>2024-05-01T11:00:00</AlarmTime><AlarmType>4</AlarmType>',
      ),
    );
    expect(device.ok && device.events[0]).toMatchObject({
      code: 'gb28181.device.high_temperature',
      level: 'warning',
      description: '设备高温报警',
    });
    const fault = convert(
      alarm('<AlarmPriority>4</AlarmPriority><AlarmMethod>6</AlarmMethod><Info><AlarmType>2</AlarmType></Info>'),
    );
    expect(fault.ok && fault.events[0]).toMatchObject({ code: 'gb28181.fault.fan', level: 'info' });
    const video = convert(alarm('<AlarmMethod>5</AlarmMethod><Info><AlarmType>2</AlarmType></Info>'));
    expect(video.ok && video.events[0]).toMatchObject({ code: 'gb28181.video.motion' });
  });

  it('reads the MANSCDP inside a SIP MESSAGE and builds the 200 OK answer', () => {
    const request = sipMessage(fixture('gb28181-alarm.xml'));
    const result = convert(request);
    expect(result.ok && result.events[0]).toMatchObject({
      code: 'gb28181.video.intrusion',
      description: '后厨热菜间区域入侵',
    });
    const parsed = parseSipRequest(request);
    if (!parsed.ok) throw new Error('parse');
    const answer = buildSipOk(parsed.value);
    expect(answer).toBe(
      [
        'SIP/2.0 200 OK',
        'Via: SIP/2.0/UDP 192.168.1.64:5060;rport;branch=z9hG4bK1234',
        'Via: SIP/2.0/UDP 10.0.0.2:5060;branch=z9hG4bK5678',
        'From: <sip:34020000001310000001@3402000000>;tag=abc',
        `To: <sip:34020000002000000001@3402000000>;tag=${/tag=([0-9a-f]{8})/.exec(answer)?.[1]}`,
        'Call-ID: 77@192.168.1.64',
        'CSeq: 20 MESSAGE',
        'User-Agent: BrightKitchen',
        'Content-Length: 0',
        '',
        '',
      ].join('\r\n'),
    );
    expect(buildSipOk(parsed.value)).toBe(answer); // a retransmission gets the same tag
    expect(buildSipOk(parsed.value, { toTag: 'x1' })).toContain(';tag=x1\r\n');
  });

  it('accepts NOTIFY, refuses other methods and truncated SIP', () => {
    expect(convert(sipMessage(fixture('gb28181-keepalive.xml'), 'NOTIFY')).ok).toBe(true);
    expect(convert(sipMessage(fixture('gb28181-keepalive.xml'), 'INVITE'))).toMatchObject({
      rejection: { code: 'ADAPTER_UNSUPPORTED_EVENT' },
    });
    const cut = sipMessage(fixture('gb28181-alarm.xml')).subarray(0, 420);
    expect(convert(cut)).toMatchObject({ rejection: { code: 'ADAPTER_MALFORMED_SIP' } });
  });

  it('reads a Catalog response: channel status with GBK names', () => {
    const body = gbk(
      '<?xml version="1.0" encoding="GB2312"?><Response><CmdType>Catalog</CmdType><SN>5</SN><DeviceID>34020000001110000001</DeviceID><SumNum>2</SumNum><DeviceList Num="2"><Item><DeviceID>34020000001310000001</DeviceID><Name>热菜间</Name><Status>ON</Status></Item><Item><DeviceID>34020000001310000002</DeviceID><Name>凉菜间</Name><Status>OFF</Status></Item></DeviceList></Response>',
    );
    const time = '2024-05-01T12:35:00+08:00';
    expect(convert(body)).toEqual({
      ok: true,
      events: [
        {
          type: 'availability',
          time,
          deviceId: '34020000001310000001',
          online: true,
          details: { name: '热菜间', parentId: '34020000001110000001' },
        },
        {
          type: 'availability',
          time,
          deviceId: '34020000001310000002',
          online: false,
          details: { name: '凉菜间', parentId: '34020000001110000001' },
        },
      ],
    });
  });

  it('tolerates a bare & and answers a Query, bad bytes and a missing CmdType with typed rejections', () => {
    const amp = convert(
      alarm(
        '<AlarmMethod>5</AlarmMethod><AlarmDescription>A&B 区入侵</AlarmDescription><Info><AlarmType>6</AlarmType></Info>',
      ),
    );
    expect(amp.ok && amp.events[0]).toMatchObject({ description: 'A&B 区入侵' });
    expect(convert('<Query><CmdType>Catalog</CmdType><SN>1</SN><DeviceID>1</DeviceID></Query>')).toMatchObject({
      rejection: { code: 'ADAPTER_UNSUPPORTED_EVENT' },
    });
    expect(convert(new Uint8Array([0x3c, 0x4e, 0xff, 0xff, 0x80]))).toMatchObject({
      rejection: { code: 'ADAPTER_BAD_ENCODING' },
    });
    expect(convert('<Notify><SN>1</SN></Notify>')).toMatchObject({ rejection: { code: 'ADAPTER_MISSING_FIELD' } });
  });
});
