import { describe, expect, it } from 'vitest';
import { fixture, RECEIVED_AT } from '../../test-fixtures.js';
import { frigate } from './definition.js';

type Context = Parameters<typeof frigate.convert>[1];
const convert = (topic: string | undefined, payload: Uint8Array | string, context: Context = {}) =>
  frigate.convert({ payload, receivedAt: RECEIVED_AT, ...(topic ? { topic } : {}) }, context);

const event = (type: string, after: Record<string, unknown>) =>
  JSON.stringify({
    type,
    before: {},
    after: {
      id: '1714538095.475377-rat',
      camera: 'storeroom',
      label: 'rat',
      sub_label: null,
      score: 0.71,
      top_score: 0.83,
      start_time: 1714538095.5,
      end_time: null,
      current_zones: ['dry_store'],
      has_snapshot: true,
      false_positive: false,
      ...after,
    },
  });

describe('frigate', () => {
  it('reads the sample (a person, recognised) as nothing to act on, even where persons are strangers', () => {
    expect(convert('frigate/events', fixture('frigate-event.json'))).toEqual({ ok: true, events: [] });
    expect(convert('frigate/events', fixture('frigate-event.json'), { violationMap: { person: 'stranger' } })).toEqual({
      ok: true,
      events: [],
    });
    const unknownFace = JSON.parse(Buffer.from(fixture('frigate-event.json')).toString('utf8'));
    unknownFace.after.sub_label = null;
    const stranger = convert('frigate/events', JSON.stringify(unknownFace), { violationMap: { person: 'stranger' } });
    expect(stranger).toEqual({
      ok: true,
      events: [
        {
          type: 'violation',
          time: '2024-05-01T12:34:55.475+08:00',
          deviceId: 'kitchen_hotline',
          violation: 'stranger',
          vendorCode: 'person',
          confidence: 0.958984375,
          cameraId: 'kitchen_hotline',
          snapshotRef: 'frigate:/api/events/1714538095.475377-mxklsc/snapshot.jpg',
          phase: 'update',
          eventId: '1714538095.475377-mxklsc',
          details: { label: 'person', zones: 'prep_area,hot_line' },
        },
      ],
    });
  });

  it('turns a rat into a rodent violation through its lifecycle, and drops false positives', () => {
    const start = convert('frigate/events', event('new', {}));
    expect(start.ok && start.events[0]).toMatchObject({
      violation: 'rodent',
      phase: 'start',
      confidence: 0.83,
      time: '2024-05-01T12:34:55.500+08:00',
    });
    const end = convert('frigate/events', event('end', { end_time: 1714538125 }));
    expect(end.ok && end.events[0]).toMatchObject({ phase: 'end', time: '2024-05-01T12:35:25+08:00' });
    expect(convert('frigate/events', event('new', { false_positive: true }))).toEqual({ ok: true, events: [] });
  });

  it('reads reviews: one violation per mapped object label', () => {
    const review = JSON.stringify({
      type: 'new',
      before: {},
      after: {
        id: 'review-1',
        camera: 'storeroom',
        start_time: 1714538095,
        end_time: null,
        severity: 'alert',
        data: { detections: ['a', 'b'], objects: ['rat', 'person', 'rat-verified'], zones: ['dry_store'], audio: [] },
      },
    });
    const result = convert('frigate/reviews', review);
    expect(result).toEqual({
      ok: true,
      events: [
        {
          type: 'violation',
          time: '2024-05-01T12:34:55+08:00',
          deviceId: 'storeroom',
          violation: 'rodent',
          vendorCode: 'rat',
          cameraId: 'storeroom',
          snapshotRef: 'frigate:/api/review/review-1/preview',
          eventId: 'review-1',
          phase: 'start',
          details: { label: 'rat', severity: 'alert', zones: 'dry_store' },
        },
      ],
    });
  });

  it('reads a hat classifier answering "no" as no_hat, and "yes" as nothing', () => {
    const update = (attribute: string) =>
      JSON.stringify({
        type: 'classification',
        id: 'obj-9',
        camera: 'kitchen_hotline',
        timestamp: 1714538100.25,
        model: 'chef_hat',
        attribute,
        score: 0.93,
      });
    expect(convert('frigate/tracked_object_update', update('no'))).toEqual({
      ok: true,
      events: [
        {
          type: 'violation',
          time: '2024-05-01T12:35:00.250+08:00',
          deviceId: 'kitchen_hotline',
          violation: 'no_hat',
          vendorCode: 'chef_hat:no',
          confidence: 0.93,
          cameraId: 'kitchen_hotline',
          snapshotRef: 'frigate:/api/events/obj-9/snapshot.jpg',
          eventId: 'obj-9',
          details: { model: 'chef_hat', attribute: 'no' },
        },
      ],
    });
    expect(convert('frigate/tracked_object_update', update('yes'))).toEqual({ ok: true, events: [] });
    // Without a topic the shape decides.
    expect(convert(undefined, update('no')).ok).toBe(true);
    const description = JSON.stringify({ type: 'description', id: 'x', camera: 'c', description: 'a cook' });
    expect(convert('frigate/tracked_object_update', description)).toMatchObject({
      rejection: { code: 'ADAPTER_UNSUPPORTED_EVENT' },
    });
  });

  it('reads availability, and refuses topics it does not know', () => {
    expect(convert('frigate/available', 'offline')).toEqual({
      ok: true,
      events: [{ type: 'availability', time: '2024-05-01T12:35:00+08:00', deviceId: 'frigate', online: false }],
    });
    expect(convert('frigate/available', 'online')).toMatchObject({ ok: true, events: [{ online: true }] });
    expect(convert('frigate/stats', '{}')).toMatchObject({ rejection: { code: 'ADAPTER_UNKNOWN_TOPIC' } });
    expect(convert('frigate/events', '{"type":"new","after":')).toMatchObject({
      rejection: { code: 'ADAPTER_MALFORMED_JSON' },
    });
  });
});
