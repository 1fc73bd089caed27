/**
 * Which MQTT topics belong to a device, per vendor, from its binding key (the Tasmota topic, the
 * Zigbee2MQTT friendly name, the Shelly prefix, the Frigate topic prefix): what it may publish and
 * subscribe to on the embedded broker, and how ingestion finds the key again in a topic.
 */
import { adapterFor } from '@brightkitchen/device-adapters';

export interface DeviceTopics {
  readonly publish: readonly string[];
  readonly subscribe: readonly string[];
}

interface VendorTopicRule {
  topics(key: string): DeviceTopics;
  keyOf(levels: readonly string[]): string | undefined;
}

const RULES: Readonly<Record<string, VendorTopicRule>> = {
  tasmota: {
    topics: (k) => ({ publish: [`tele/${k}/+`, `stat/${k}/+`], subscribe: [`cmnd/${k}/#`] }),
    keyOf: (l) => (l.length === 3 && (l[0] === 'tele' || l[0] === 'stat') ? l[1] : undefined),
  },
  zigbee2mqtt: {
    topics: (k) => ({
      publish: [`zigbee2mqtt/${k}`, `zigbee2mqtt/${k}/availability`],
      subscribe: [`zigbee2mqtt/${k}/set`, `zigbee2mqtt/${k}/get`],
    }),
    keyOf: (l) => (l[0] === 'zigbee2mqtt' && l.length >= 2 && l[1] !== 'bridge' ? l[1] : undefined),
  },
  shelly: {
    topics: (k) => ({ publish: [`${k}/events/rpc`, `${k}/online`], subscribe: [`${k}/rpc`, `${k}/command/#`] }),
    keyOf: (l) => l[0],
  },
  frigate: {
    topics: (k) => ({ publish: [`${k}/#`], subscribe: [`${k}/#`] }),
    keyOf: (l) => l[0],
  },
};

const GENERIC: VendorTopicRule = {
  topics: (k) => ({ publish: [k, `${k}/#`], subscribe: [`${k}/#`] }),
  keyOf: (l) => l[0],
};

/**
 * A registered vendor's adapter whose MQTT filters hold a `+` (`kt3/+/telemetry`): the key is the level of
 * the first `+`; the device publishes on its filters with the key in place, and may subscribe below them.
 */
function fromFilters(filters: readonly string[]): VendorTopicRule | undefined {
  const levels = filters.map((f) => f.split('/')).filter((l) => l.includes('+'));
  if (levels.length === 0) return undefined;
  const withKey = (k: string) => levels.map((l) => l.map((w, i) => (i === l.indexOf('+') ? k : w)).join('/'));
  return {
    topics: (k) => ({ publish: withKey(k), subscribe: withKey(k).map((t) => `${t}/#`) }),
    keyOf: (topic) => {
      const match = levels.find((l) => l.length === topic.length || l.at(-1) === '#');
      return match ? topic[match.indexOf('+')] : undefined;
    },
  };
}

const derived = new Map<string, VendorTopicRule>();

function ruleOf(vendor: string): VendorTopicRule {
  const builtIn = RULES[vendor];
  if (builtIn) return builtIn;
  let rule = derived.get(vendor);
  if (!rule) {
    const filters = (adapterFor(vendor)?.inputs ?? []).flatMap((i) => (i.transport === 'mqtt' ? i.topics : []));
    rule = fromFilters(filters) ?? GENERIC;
    derived.set(vendor, rule);
  }
  return rule;
}

const MAX_KEY_LENGTH = 128;
// Names a vendor or the platform keeps for itself at the key's level.
const RESERVED_KEYS = new Set(['bk', 'bridge']);

/**
 * A binding key is exactly one topic level: no `/` (a key `<B's key>/x` would put a device under another
 * venue's topics), no wildcard, no control character, not a broker (`$SYS`) or platform (`bk`) name. Every
 * vendor rule places the key at one level of its filters and reads it back from that level, so what the
 * broker lets a device publish is what ingestion attributes to it (devices/topics.test.ts checks both).
 */
export function isValidTopicKey(key: string): boolean {
  return (
    key.length > 0 &&
    key.length <= MAX_KEY_LENGTH &&
    key.trim() === key &&
    !/[/+#\p{Cc}]/u.test(key) &&
    !key.startsWith('$') &&
    !RESERVED_KEYS.has(key)
  );
}

export function deviceTopics(vendor: string, key: string): DeviceTopics {
  return ruleOf(vendor).topics(key);
}

/** The binding key a vendor's topic carries (`tele/uv_lamp_1/SENSOR` → `uv_lamp_1`), if any. */
export function topicKey(vendor: string, topic: string): string | undefined {
  return ruleOf(vendor).keyOf(topic.split('/'));
}
