/**
 * Whatever arrives — random bytes, truncated XML/JSON, wrong encodings, 10 MB — every converter answers
 * with events or a typed rejection: never a throw (the guard would turn it into ADAPTER_INTERNAL_ERROR),
 * never a hang.
 */
import { ADAPTER_REJECTION_CODES, type ConvertResult } from '@brightkitchen/sdk';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ADAPTERS } from './registry.js';
import { AlertStreamReader } from './shared/alert-stream.js';
import { fixture, RECEIVED_AT } from './test-fixtures.js';

const TOPICS: Readonly<Record<string, readonly (string | undefined)[]>> = {
  'hikvision-isapi': [undefined],
  gb28181: [undefined],
  frigate: [undefined, 'frigate/events', 'frigate/reviews', 'frigate/tracked_object_update', 'frigate/available'],
  zigbee2mqtt: [undefined, 'zigbee2mqtt/fridge', 'zigbee2mqtt/fridge/availability'],
  tasmota: [undefined, 'tele/x/SENSOR', 'tele/x/STATE', 'tele/x/LWT', 'stat/x/RESULT'],
  shelly: [undefined, 's/events/rpc', 's/online'],
  onvif: [undefined],
};

const FIXTURES: readonly [string, string, string | undefined][] = [
  ['hikvision-isapi', 'hikvision-isapi-alert.xml', undefined],
  ['hikvision-isapi', 'hikvision-alertstream-multipart.txt', undefined],
  ['hikvision-isapi', 'hikvision-alertstream-jpeg.bin', undefined],
  ['gb28181', 'gb28181-alarm.xml', undefined],
  ['gb28181', 'gb28181-keepalive.xml', undefined],
  ['frigate', 'frigate-event.json', 'frigate/events'],
  ['shelly', 'shelly-notify.json', 's/events/rpc'],
  ['shelly', 'shelly-plug-status.json', 's/events/rpc'],
  ['tasmota', 'tasmota-energy.json', 'tele/x/SENSOR'],
  ['tasmota', 'tasmota-energy-2ch.json', 'tele/x/SENSOR'],
  ['tasmota', 'tasmota-sensor.json', 'tele/x/SENSOR'],
  ['zigbee2mqtt', 'z2m-aqara.json', 'zigbee2mqtt/fridge'],
  ['zigbee2mqtt', 'z2m-availability.json', 'zigbee2mqtt/fridge/availability'],
  ['zigbee2mqtt', 'z2m-plug.json', 'zigbee2mqtt/fridge'],
];

function expectTyped(result: ConvertResult) {
  if (result.ok) {
    expect(Array.isArray(result.events)).toBe(true);
    for (const event of result.events)
      expect(event.time).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?(Z|[+-]\d{2}:\d{2})$/);
    return;
  }
  expect(ADAPTER_REJECTION_CODES).toContain(result.rejection.code);
  expect(result.rejection.code).not.toBe('ADAPTER_INTERNAL_ERROR');
  expect(result.rejection.message.zh.length).toBeGreaterThan(0);
}

describe.each(Object.keys(ADAPTERS))('%s under fuzzing', (vendor) => {
  const adapter = ADAPTERS[vendor]!;
  const topics = TOPICS[vendor]!;

  it('answers random bytes with events or a typed rejection', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), fc.constantFrom(...topics), (payload, topic) => {
        expectTyped(adapter.convert({ payload, receivedAt: RECEIVED_AT, ...(topic ? { topic } : {}) }));
      }),
      { numRuns: 300 },
    );
  });

  it('answers markup-like and JSON-like text with events or a typed rejection', () => {
    const alphabet = fc.constantFrom(...'<>/&;="\' {}[]:,.-0123456789abcEventTypeCmdTyptrueON\r\n'.split(''));
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 300 }), fc.constantFrom(...topics), (chars, topic) => {
        expectTyped(adapter.convert({ payload: chars.join(''), receivedAt: RECEIVED_AT, ...(topic ? { topic } : {}) }));
      }),
      { numRuns: 300 },
    );
  });

  it('refuses 10 MB at once', () => {
    const huge = new Uint8Array(10 * 1024 * 1024).fill(0x3c);
    const result = adapter.convert({ payload: huge, receivedAt: RECEIVED_AT });
    expect(result).toMatchObject({ ok: false, rejection: { code: 'ADAPTER_PAYLOAD_TOO_LARGE' } });
    const text = adapter.convert({ payload: '{"a":'.repeat(2_200_000), receivedAt: RECEIVED_AT });
    expect(text).toMatchObject({ ok: false, rejection: { code: 'ADAPTER_PAYLOAD_TOO_LARGE' } });
  });

  // A hang shows as the test's own timeout, not as a timing assertion.
  it('survives pathological input under the size limit without hanging', () => {
    for (const payload of ['<a>'.repeat(1_000_000), '['.repeat(3_000_000), `--b\r\n${'x'.repeat(3_000_000)}`]) {
      expectTyped(adapter.convert({ payload, receivedAt: RECEIVED_AT, ...(topics[1] ? { topic: topics[1] } : {}) }));
    }
  }, 60_000);
});

describe('truncated samples', () => {
  it.each(FIXTURES)('%s %s: every prefix converts or is refused with a type', (vendor, name, topic) => {
    const bytes = fixture(name);
    const adapter = ADAPTERS[vendor]!;
    for (let cut = 0; cut < bytes.length; cut += Math.max(1, Math.floor(bytes.length / 150))) {
      const result = adapter.convert({
        payload: bytes.subarray(0, cut),
        receivedAt: RECEIVED_AT,
        ...(topic ? { topic } : {}),
      });
      expectTyped(result);
      // A document cut before its end is never mistaken for a complete one.
      if (/\.(xml|json)$/.test(name) && cut < bytes.length - 4) expect(result.ok, `${name} cut at ${cut}`).toBe(false);
    }
  });

  it('refuses a GBK payload where UTF-8 is expected', () => {
    const gbkName = new Uint8Array([...Buffer.from('{"name":"'), 0xba, 0xf3, 0xb3, 0xf8, ...Buffer.from('"}')]);
    expect(
      ADAPTERS.zigbee2mqtt!.convert({ topic: 'zigbee2mqtt/x', payload: gbkName, receivedAt: RECEIVED_AT }),
    ).toMatchObject({
      rejection: { code: 'ADAPTER_BAD_ENCODING' },
    });
  });
});

describe('alertStream reader', () => {
  it.each(['hikvision-alertstream-multipart.txt', 'hikvision-alertstream-jpeg.bin'])(
    'yields the same messages for any cutting of %s into reads',
    (name) => {
      const stream = fixture(name);
      const read = (cuts: number[]) => {
        const reader = new AlertStreamReader();
        const points = [0, ...cuts.sort((a, b) => a - b), stream.length];
        const out = points
          .slice(1)
          .flatMap((end, i) => reader.feed(stream.subarray(points[i], end), RECEIVED_AT).messages);
        return [...out, ...reader.end(RECEIVED_AT).messages];
      };
      const whole = read([]);
      fc.assert(
        fc.property(fc.array(fc.integer({ min: 0, max: stream.length }), { maxLength: 12 }), (cuts) => {
          expect(read(cuts)).toEqual(whole);
        }),
        { numRuns: 200 },
      );
    },
  );

  it('never throws on random bytes fed in random chunks', () => {
    fc.assert(
      fc.property(
        fc.array(fc.uint8Array({ maxLength: 200 }), { maxLength: 10 }),
        fc.option(fc.string({ maxLength: 10 })),
        (chunks, boundary) => {
          const reader = new AlertStreamReader(boundary ? { boundary } : {});
          for (const chunk of chunks) reader.feed(chunk, RECEIVED_AT);
          const ended = reader.end(RECEIVED_AT);
          if (ended.error) expect(ADAPTER_REJECTION_CODES).toContain(ended.error.code);
        },
      ),
      { numRuns: 300 },
    );
  });
});
