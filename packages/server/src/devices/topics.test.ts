/**
 * By construction, what the broker lets a device publish and what ingestion attributes to it are the same:
 * every topic a device's publish filters allow carries its own key where ingestion reads the key.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deviceTopics, isValidTopicKey, topicKey } from './topics.js';

const VENDORS = ['tasmota', 'zigbee2mqtt', 'shelly', 'frigate', 'unknown-generic'] as const;
const level = fc.stringMatching(/^[A-Za-z0-9_\-.\u4e00-\u9fa5 ]{1,12}$/).filter((s) => s.trim() === s && s !== '');
// Keys as a user might type them, separators and wildcards included: only the valid ones are registered.
const typed = fc.stringMatching(/^[A-Za-z0-9_/+#$.\u4e00-\u9fa5 -]{1,16}$/);
const key = typed.filter(isValidTopicKey);

/** A concrete topic a filter allows: `+` one level, `#` none or some levels. */
const concrete = (filter: string) =>
  fc.tuple(fc.array(level, { minLength: 1, maxLength: 4 }), fc.nat(3)).map(([levels, extra]) =>
    filter
      .split('/')
      .flatMap((w, i) => (w === '+' ? [levels[i % levels.length]] : w === '#' ? levels.slice(0, extra) : [w]))
      .join('/'),
  );

describe('device topic keys', () => {
  it.each(VENDORS)('%s: every topic a device may publish is attributed to that device', (vendor) => {
    fc.assert(
      fc.property(
        key.chain((k) => fc.tuple(fc.constant(k), fc.constantFrom(...deviceTopics(vendor, k).publish))),
        fc.context(),
        ([k, filter], ctx) => {
          const topics = fc.sample(concrete(filter), 5);
          for (const topic of topics) {
            ctx.log(topic);
            const found = topicKey(vendor, topic);
            expect(found).toBe(k);
          }
        },
      ),
    );
  });

  it('refuses keys that are more than one topic level or name the platform', () => {
    for (const bad of ['a/b', '/a', 'a/', '+', 'a#', '$SYS', 'bk', 'bridge', '', ' ', 'a\u0000b', 'x'.repeat(129)]) {
      expect(isValidTopicKey(bad), bad).toBe(false);
    }
    for (const good of ['uv_lamp_1', 'fridge-2', '冷藏柜一', 'Living Room.1'])
      expect(isValidTopicKey(good), good).toBe(true);
  });
});
