/**
 * One raw message → the registered device → its vendor adapter → normalized events → status,
 * batched readings and the alert engine. MQTT messages are routed by topic (vendor filters, then the
 * binding key in the topic); HTTP pushes arrive already tied to an authenticated device.
 * Unknown devices are counted and dropped; conversion failures are counted per device and reason.
 */
import { ADAPTERS, adapterFor } from '@brightkitchen/device-adapters';
import { type Adapter, type NormalizedEvent, type RawMessage, topicMatches } from '@brightkitchen/sdk';
import type { AlertEngine } from '../alerts-engine/alert-engine.js';
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

/** Every MQTT filter of the built-in adapters, with the vendor that reads it. */
export function mqttRoutes(): { vendor: string; filter: string }[] {
  const out: { vendor: string; filter: string }[] = [];
  for (const [vendor, adapter] of Object.entries(ADAPTERS)) {
    for (const input of adapter.inputs) {
      if (input.transport === 'mqtt') for (const filter of input.topics) out.push({ vendor, filter });
    }
  }
  return out;
}

export class IngestPipeline {
  private readonly routes = mqttRoutes();
  private readonly converterState = new Map<string, unknown>();

  constructor(private readonly d: PipelineDeps) {}

  get filters(): string[] {
    return [...new Set(this.routes.map((r) => r.filter))];
  }

  /** An MQTT message from the broker (fire and forget: errors are logged, never thrown). */
  mqtt(topic: string, payload: Buffer): void {
    this.d.stats.messages += 1;
    let keyFound = false;
    for (const route of this.routes) {
      if (!topicMatches(route.filter, topic)) continue;
      const key = topicKey(route.vendor, topic);
      if (key === undefined) continue;
      keyFound = true;
      const entry = this.d.directory.find(route.vendor, key);
      if (!entry) continue;
      void this.convert(entry, { topic, payload, receivedAt: new Date(this.d.now()).toISOString() }).catch((error) =>
        this.d.log('ingest', error),
      );
      return;
    }
    this.d.stats.drop(topic, keyFound ? 'unknown_device' : 'no_device_key');
  }

  /** A message already tied to a device (HTTP push, broker connection events). */
  async convert(entry: DeviceEntry, message: RawMessage): Promise<IngestOutcome> {
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
      await this.d.status.failure(deviceId, result.rejection, message.receivedAt);
      return { ok: false, code: result.rejection.code, details: result.rejection.details };
    }
    if (result.state !== undefined) this.converterState.set(deviceId, result.state);
    await this.d.status.seen(deviceId, message.receivedAt);
    for (const event of result.events) await this.event(entry, event, message);
    return { ok: true, events: result.events };
  }

  /** Events converted elsewhere (an edge gateway's `POST /v1/ingest/events`), applied like our own. */
  async accept(entry: DeviceEntry, events: readonly NormalizedEvent[], message: RawMessage): Promise<void> {
    await this.d.status.seen(entry.device.id, message.receivedAt);
    for (const event of events) await this.event(entry, event, message);
  }

  private async event(entry: DeviceEntry, event: NormalizedEvent, message: RawMessage): Promise<void> {
    const { status, engine } = this.d;
    const deviceId = entry.device.id;
    this.d.stats.events += 1;
    switch (event.type) {
      case 'reading': {
        const time = new Date(Date.parse(event.time)).toISOString();
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
        await status.reading(deviceId, k, { value: event.value, unit: event.unit, time: event.time });
        engine.reading(entry, event);
        return;
      }
      case 'switch':
        await status.reading(deviceId, event.channel ? `switch@${event.channel}` : 'switch', {
          value: event.on ? 1 : 0,
          unit: 'bool',
          time: event.time,
        });
        engine.switched(entry, event);
        return;
      case 'availability':
        await status.availability(deviceId, event.online);
        await engine.availability(entry, event.online, new Date(Date.parse(event.time)).toISOString());
        return;
      case 'violation':
        await engine.violation(entry, event, message.attachments);
        return;
      case 'alarm':
        engine.alarm(entry, event);
        return;
    }
  }
}
