/** The MQTT topic filters adapters declare as data, and which adapter reads a given topic. */
import { type Adapter, topicMatches } from '@brightkitchen/sdk';

/** Every MQTT filter of these adapters (deduplicated, in declaration order). */
export function mqttFilters(adapters: readonly Adapter<unknown>[]): string[] {
  const filters: string[] = [];
  for (const adapter of adapters) {
    for (const input of adapter.inputs) {
      if (input.transport !== 'mqtt') continue;
      for (const filter of input.topics) if (!filters.includes(filter)) filters.push(filter);
    }
  }
  return filters;
}

/** The first adapter declaring a filter that matches `topic`. */
export function adapterForTopic(adapters: readonly Adapter<unknown>[], topic: string): Adapter<unknown> | undefined {
  return adapters.find((adapter) =>
    adapter.inputs.some((input) => input.transport === 'mqtt' && input.topics.some((f) => topicMatches(f, topic))),
  );
}
