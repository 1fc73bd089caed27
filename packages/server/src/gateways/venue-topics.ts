/**
 * What a venue's gateway may do on the broker: publish vendor topics (the adapters' MQTT filters)
 * except those of another venue's registered devices (found the way ingestion finds them: vendor
 * filter, binding key in the topic), and subscribe to its own venue's devices' command topics.
 * Traffic of devices not registered yet is let through: ingestion counts and drops it, and a
 * refused publish would close the gateway's whole uplink connection.
 */
import { topicMatches } from '@brightkitchen/sdk';
import type { DeviceDirectory } from '../devices/directory.js';
import { deviceTopics, topicKey } from '../devices/topics.js';
import { mqttRoutes } from '../ingest/pipeline.js';

export interface VenueTopicRules {
  mayPublish(venueId: string, topic: string): boolean;
  maySubscribe(venueId: string, filter: string): boolean;
}

export function venueTopicRules(directory: DeviceDirectory): VenueTopicRules {
  const routes = mqttRoutes();
  return {
    mayPublish(venueId, topic) {
      let vendorTopic = false;
      for (const route of routes) {
        if (!topicMatches(route.filter, topic)) continue;
        vendorTopic = true;
        const key = topicKey(route.vendor, topic);
        if (key === undefined) continue;
        const entry = directory.find(route.vendor, key);
        if (entry) return entry.venueId === venueId;
      }
      return vendorTopic;
    },
    maySubscribe(venueId, filter) {
      for (const entry of directory.all()) {
        if (entry.venueId !== venueId || entry.disabled) continue;
        const own = deviceTopics(entry.device.vendor, entry.bindingKey).subscribe;
        if (own.some((f) => f === filter || topicMatches(f, filter))) return true;
      }
      return false;
    },
  };
}
