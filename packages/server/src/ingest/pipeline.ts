/**
 * One raw message → the registered device → its vendor adapter → normalized events → status,
 * batched readings and the alert engine. MQTT messages are routed by topic (vendor filters, then the
 * binding key in the topic); HTTP pushes arrive already tied to an authenticated device.
 * Unknown devices are counted and dropped; conversion failures are counted per device and reason.
 */
import { adapterFor, allAdapters } from '@brightkitchen/device-adapters';
import { type Adapter, type NormalizedEvent, type RawMessage, topicMatches } from '@brightkitchen/sdk';
import type { AlertEngine } from '../alerts/engine/alert-engine.js';
import type { DeviceEntry } from '../devices/device.js';
import type { DeviceDirectory } from '../devices/directory.js';
import type { DeviceStatusBook } from '../devices/status.js';
import { topicKey } from '../devices/topics.js';
import type { IngestStats } from './ingest-stats.js';
import type { ReadingBuffer } from './reading-buffer.js';

export interface PipelineDeps {
  readonly directory: DeviceDirectory;
  readonly status: DeviceStatusBook;
  readonly buffer: ReadingBuffer;
  readonly engine: AlertEngine;
  readonly stats: IngestStats;
  readonly now: () => number;
  readonly timeZoneOf: (venueId: string) => string;
  readonly log: (message: string, error?: unknown) => void;
}

export type IngestOutcome =
  | { readonly ok: true; readonly events: readonly NormalizedEvent[] }
  | { readonly ok: false; readonly code: string; readonly details?: unknown };

/** Every MQTT filter of the adapters (built-in and registered), with the vendor that reads it. */
export function mqttRoutes(): { vendor: string; filter: string }[] {
  const out: { vendor: string; filter: string }[] = [];
  for (const adapter of allAdapters()) {
    for (const input of adapter.inputs) {
      if (input.transport === 'mqtt') for (const filter of input.topics) out.push({ vendor: adapter.vendor, filter });
    }
  }
  return out;
}

/** The vendor routes a topic matches, each with the binding key the topic carries for that vendor. */
interface TopicCandidate {
  readonly vendor: string;
  readonly key: string | undefined;
}

/** Topics remembered with their candidates (devices' topics are few; a flood of strangers is bounded). */
const MAX_CACHED_TOPICS = 10_000;

export class IngestPipeline {
  private readonly routes = mqttRoutes();
  private readonly converterState = new Map<string, unknown>();
  private readonly topics = new Map<string, readonly TopicCandidate[]>();
  // Date → ISO text costs microseconds; messages of one millisecond, and readings of one message, share it.
  private receivedMs = Number.NaN;
  private receivedIso = '';
  private eventTimeText = '';
  private eventTimeUtc = '';

  constructor(private readonly d: PipelineDeps) {}

  get filters(): string[] {
    return [...new Set(this.routes.map((r) => r.filter))];
  }

  /** An MQTT message from the broker (fire and forget: errors are logged, never thrown). */
  mqtt(topic: string, payload: Buffer): void {
    this.d.stats.messages += 1;
    let keyFound = false;
    for (const candidate of this.candidates(topic)) {
      if (candidate.key === undefined) continue;
      keyFound = true;
      const entry = this.d.directory.find(candidate.vendor, candidate.key);
      if (!entry) continue;
      try {
        const outcome = this.process(entry, { topic, payload, receivedAt: this.receivedAt() });
        if (outcome instanceof Promise) outcome.catch((error) => this.d.log('ingest', error));
      } catch (error) {
        this.d.log('ingest', error);
      }
      return;
    }
    this.d.stats.drop(topic, keyFound ? 'unknown_device' : 'no_device_key');
  }

  /** A message already tied to a device (HTTP push, broker connection events). */
  async convert(entry: DeviceEntry, message: RawMessage): Promise<IngestOutcome> {
    return this.process(entry, message);
  }

  /** Events converted elsewhere (an edge gateway's `POST /v1/ingest/events`), applied like our own. */
  async accept(entry: DeviceEntry, events: readonly NormalizedEvent[], message: RawMessage): Promise<void> {
    await this.d.status.seen(entry.device.id, message.receivedAt);
    await this.events(entry, events, message, 0);
  }

  private receivedAt(): string {
    const now = this.d.now();
    if (now !== this.receivedMs) {
      this.receivedMs = now;
      this.receivedIso = new Date(now).toISOString();
    }
    return this.receivedIso;
  }

  /** An event's time (ISO with offset) in UTC, as readings are stored. */
  private utc(time: string): string {
    if (time !== this.eventTimeText) {
      this.eventTimeUtc = new Date(Date.parse(time)).toISOString();
      this.eventTimeText = time;
    }
    return this.eventTimeUtc;
  }

  /** The routes matching a topic, in route order, looked up once per topic. */
  private candidates(topic: string): readonly TopicCandidate[] {
    const known = this.topics.get(topic);
    if (known) return known;
    const found: TopicCandidate[] = [];
    for (const route of this.routes) {
      if (topicMatches(route.filter, topic)) found.push({ vendor: route.vendor, key: topicKey(route.vendor, topic) });
    }
    if (this.topics.size >= MAX_CACHED_TOPICS) this.topics.clear();
    this.topics.set(topic, found);
    return found;
  }

  /**
   * Converts and applies a message. Synchronous when the device's status is in memory and its events
   * need no database round trip first (readings, switches); otherwise the rest waits, in order.
   */
  private process(entry: DeviceEntry, message: RawMessage): IngestOutcome | Promise<IngestOutcome> {
    const adapter: Adapter | undefined = adapterFor(entry.device.vendor);
    const deviceId = entry.device.id;
    if (!adapter) return { ok: false, code: 'DEVICE_UNKNOWN_VENDOR' };
    const result = adapter.convert(message, {
      timeZone: this.d.timeZoneOf(entry.venueId),
      deviceId: entry.bindingKey,
      ...(entry.device.violationMap ? { violationMap: entry.device.violationMap } : {}),
      ...(this.converterState.has(deviceId) ? { state: this.converterState.get(deviceId) } : {}),
    });
    if (!result.ok) {
      this.d.stats.conversionFailures += 1;
      const outcome: IngestOutcome = { ok: false, code: result.rejection.code, details: result.rejection.details };
      const counted = this.d.status.failure(deviceId, result.rejection, message.receivedAt);
      return counted ? counted.then(() => outcome) : outcome;
    }
    if (result.state !== undefined) this.converterState.set(deviceId, result.state);
    const outcome: IngestOutcome = { ok: true, events: result.events };
    const seen = this.d.status.seen(deviceId, message.receivedAt);
    const applied = seen
      ? seen.then(() => this.events(entry, result.events, message, 0))
      : this.events(entry, result.events, message, 0);
    return applied ? applied.then(() => outcome) : outcome;
  }

  /** Applies events from index `from` on, one after the other; a promise only if one of them waits. */
  private events(
    entry: DeviceEntry,
    events: readonly NormalizedEvent[],
    message: RawMessage,
    from: number,
  ): void | Promise<void> {
    for (let i = from; i < events.length; i++) {
      const pending = this.event(entry, events[i] as NormalizedEvent, message);
      if (pending) return pending.then(() => this.events(entry, events, message, i + 1));
    }
  }

  private event(entry: DeviceEntry, event: NormalizedEvent, message: RawMessage): void | Promise<void> {
    const { status, engine } = this.d;
    const deviceId = entry.device.id;
    this.d.stats.events += 1;
    switch (event.type) {
      case 'reading': {
        const time = this.utc(event.time);
        this.d.buffer.push({
          device_id: deviceId,
          venue_id: entry.venueId,
          metric: event.metric,
          channel: event.channel ?? null,
          value: event.value,
          unit: event.unit,
          time,
        });
        const k = event.channel ? `${event.metric}@${event.channel}` : event.metric;
        const stored = status.reading(deviceId, k, { value: event.value, unit: event.unit, time: event.time });
        // Thresholds are evaluated on receipt: an alert does not wait for the batch to be stored.
        if (stored) return stored.then(() => engine.reading(entry, event));
        engine.reading(entry, event);
        return;
      }
      case 'switch': {
        const stored = status.reading(deviceId, event.channel ? `switch@${event.channel}` : 'switch', {
          value: event.on ? 1 : 0,
          unit: 'bool',
          time: event.time,
        });
        if (stored) return stored.then(() => engine.switched(entry, event));
        engine.switched(entry, event);
        return;
      }
      case 'availability':
        return (async () => {
          await status.availability(deviceId, event.online);
          await engine.availability(entry, event.online, new Date(Date.parse(event.time)).toISOString());
        })();
      case 'violation':
        return engine.violation(entry, event, message.attachments).then(() => undefined);
      case 'alarm':
        engine.alarm(entry, event);
        return;
    }
  }
}
