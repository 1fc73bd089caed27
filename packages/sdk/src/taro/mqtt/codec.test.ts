import { describe, expect, it } from 'vitest';
import { topicMatches } from '../../adapters/topic.js';
import { createPacketReader, encodeConnect, encodePublish, encodeSubscribe } from './codec.js';

describe('MQTT codec', () => {
  it('encodes CONNECT as MQTT 3.1.1 with credentials', () => {
    const bytes = encodeConnect({ clientId: 'c1', username: 'u', password: 'p', keepaliveSec: 30 });
    expect([...bytes.subarray(0, 12)]).toEqual([0x10, 20, 0, 4, 77, 81, 84, 84, 4, 0xc2, 0, 30]);
  });

  it('encodes SUBSCRIBE with the packet id and QoS 0', () => {
    expect([...encodeSubscribe(7, 'a/b')]).toEqual([0x82, 8, 0, 7, 0, 3, 97, 47, 98, 0]);
  });

  it('reads PUBLISH packets split across and packed into frames, with Chinese payloads and long lengths', () => {
    const read = createPacketReader();
    const payload = JSON.stringify({ title: '冷藏柜温度过高', pad: 'x'.repeat(300) });
    const one = encodePublish('bk/venues/v1/alerts', payload);
    const two = encodePublish('bk/venues/v1/alerts', '{"n":2}');
    const joined = new Uint8Array([...one, ...two]);
    expect(read(joined.subarray(0, 5))).toEqual([]);
    const packets = read(joined.subarray(5));
    expect(packets).toEqual([
      { type: 'publish', topic: 'bk/venues/v1/alerts', payload },
      { type: 'publish', topic: 'bk/venues/v1/alerts', payload: '{"n":2}' },
    ]);
  });

  it('matches topic filters with + and #', () => {
    expect(topicMatches('bk/venues/+/alerts', 'bk/venues/v1/alerts')).toBe(true);
    expect(topicMatches('bk/venues/#', 'bk/venues/v1/alerts/a1')).toBe(true);
    expect(topicMatches('bk/venues/+/alerts', 'bk/venues/v1/readings')).toBe(false);
    expect(topicMatches('bk/venues/v1', 'bk/venues/v1/alerts')).toBe(false);
  });

  it('passes over a PUBLISH whose topic or payload is not UTF-8', () => {
    const read = createPacketReader();
    const bad = Uint8Array.from([0x30, 6, 0, 1, 0x61, 0xc3, 0x28, 0x7b]);
    expect(read(bad)).toEqual([{ type: 'other', code: 3 }]);
  });
});
