import { describe, expect, it } from 'vitest';
import { fixture, RECEIVED_AT } from '../../test-fixtures.js';
import { hikvisionIsapi } from './definition.js';
import { splitIsapiBody } from './split.js';

// A body as `curl --digest … alertStream -o FILE` records it: a CRLF before each delimiter, binary JPEG bytes.
const recording = fixture('hikvision-alertstream-jpeg.bin');
const jpeg = fixture('snapshot.jpg');
const at = { time: '2024-05-01T12:34:56+08:00', deviceId: '44:47:cc:12:34:56', channel: '1' };
const events = [
  {
    type: 'alarm',
    ...at,
    code: 'hikvision.linedetection',
    description: 'linedetection alarm',
    phase: 'start',
    snapshotRef: 'cid:image_1',
    details: { channelName: 'Back door', detectionTarget: 'human', targetRect: '0.412,0.238,0.105,0.351' },
  },
  { type: 'availability', ...at, time: '2024-05-01T12:35:06+08:00', online: true },
];
const concat = (...parts: (Uint8Array | string)[]) =>
  new Uint8Array(Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : p))));

describe('splitIsapiBody', () => {
  it('splits a recorded alertStream on its boundary as bytes, the real JPEG attached to its event', () => {
    const split = splitIsapiBody({
      payload: recording,
      receivedAt: RECEIVED_AT,
      topic: '/ISAPI/Event/notification/alertStream',
    });
    expect(split.ok).toBe(true);
    expect(split.messages.map((m) => [m.topic, m.contentType, m.attachments])).toEqual([
      [
        '/ISAPI/Event/notification/alertStream',
        'application/xml; charset="UTF-8"',
        [{ id: 'image_1', contentType: 'image/jpeg', bytes: jpeg }],
      ],
      ['/ISAPI/Event/notification/alertStream', 'application/xml; charset="UTF-8"', undefined],
    ]);
    // A valid JPEG, byte for byte: SOI … EOI, with bytes no text encoding reads.
    expect([...jpeg.subarray(0, 2), ...jpeg.subarray(-2)]).toEqual([0xff, 0xd8, 0xff, 0xd9]);
    expect(hikvisionIsapi.convert({ payload: recording, receivedAt: RECEIVED_AT })).toEqual({ ok: true, events });
  });

  it('skips the HTTP heads of a `curl -i` recording (the 401 before the digest answer, then the 200)', () => {
    const heads =
      'HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Digest realm="DS-2CD", nonce="x", qop="auth"\r\nContent-Length: 13\r\n\r\nUnauthorized\n' +
      'HTTP/1.1 200 OK\r\nContent-Type: multipart/mixed; boundary=MIME_boundary\r\nConnection: close\r\n\r\n';
    expect(hikvisionIsapi.convert({ payload: concat(heads, recording), receivedAt: RECEIVED_AT })).toEqual({
      ok: true,
      events,
    });
  });

  it('keeps what a recording cut inside the JPEG held, and says where it broke', () => {
    const cut = recording.subarray(0, Buffer.from(recording).indexOf(Buffer.from(jpeg.subarray(0, 4))) + 100);
    const split = splitIsapiBody({ payload: cut, receivedAt: RECEIVED_AT });
    expect(split).toMatchObject({
      ok: false,
      rejection: { code: 'ADAPTER_MALFORMED_MULTIPART', details: { reason: 'the stream ended inside a part' } },
    });
    expect(split.messages).toHaveLength(1);
    expect(split.messages[0]?.attachments).toBeUndefined();
  });

  it('passes a body that is not multipart through as one message, and refuses a multipart one without events', () => {
    const xml = {
      payload: fixture('hikvision-isapi-alert.xml'),
      receivedAt: RECEIVED_AT,
      contentType: 'application/xml',
    };
    expect(splitIsapiBody(xml)).toEqual({ ok: true, messages: [xml] });
    const onlyImage = concat(
      '--b\r\nContent-Type: image/jpeg\r\nContent-Length: ',
      String(jpeg.length),
      '\r\n\r\n',
      jpeg,
      '\r\n--b--\r\n',
    );
    expect(splitIsapiBody({ payload: onlyImage, receivedAt: RECEIVED_AT })).toMatchObject({
      ok: false,
      rejection: { code: 'ADAPTER_MALFORMED_MULTIPART', details: { reason: 'no event part' } },
    });
  });
});
