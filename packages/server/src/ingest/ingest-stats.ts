/**
 * Counters of what ingestion did: messages accepted, events, readings stored, and the traffic it
 * dropped — unknown devices per topic and reason (bounded: past 1000 topics, counted under `*`).
 */
import type { IngestDropReason } from '@brightkitchen/sdk';

export type DropReason = IngestDropReason;

const MAX_TOPICS = 1000;

export interface IngestStatsSnapshot {
  readonly messages: number;
  readonly events: number;
  readonly readingsStored: number;
  readonly conversionFailures: number;
  readonly dropped: {
    readonly total: number;
    readonly byTopic: readonly { topic: string; reason: DropReason; count: number }[];
  };
}

export class IngestStats {
  messages = 0;
  events = 0;
  readingsStored = 0;
  conversionFailures = 0;
  private droppedTotal = 0;
  private readonly dropped = new Map<string, { topic: string; reason: DropReason; count: number }>();

  drop(topic: string, reason: DropReason): void {
    this.droppedTotal += 1;
    const k = `${reason}\u0000${topic}`;
    const existing = this.dropped.get(k);
    if (existing) {
      existing.count += 1;
      return;
    }
    if (this.dropped.size >= MAX_TOPICS) {
      this.drop('*', reason);
      this.droppedTotal -= 1;
      return;
    }
    this.dropped.set(k, { topic, reason, count: 1 });
  }

  snapshot(): IngestStatsSnapshot {
    return {
      messages: this.messages,
      events: this.events,
      readingsStored: this.readingsStored,
      conversionFailures: this.conversionFailures,
      dropped: {
        total: this.droppedTotal,
        byTopic: [...this.dropped.values()].sort((a, b) => b.count - a.count).map((d) => ({ ...d })),
      },
    };
  }
}
