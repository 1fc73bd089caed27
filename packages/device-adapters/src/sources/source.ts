/**
 * What every source (the I/O in front of the pure converters) has in common: it hands each converted
 * raw message to `onBatch` with its events, each refused one to `onRejection`, and counts both.
 */
import type {
  Adapter,
  AdapterRejection,
  ConvertContext,
  ConvertResult,
  NormalizedEvent,
  RawMessage,
} from '@brightkitchen/sdk';

/** Which kind of source produced a batch. */
export type SourceKind = 'mqtt' | 'isapi-push' | 'isapi-stream' | 'sip' | 'onvif';

/** One raw message and the events its adapter made of it (the message keeps its attachments: snapshots). */
export interface SourceBatch {
  readonly source: SourceKind;
  readonly vendor: string;
  readonly message: RawMessage;
  readonly events: readonly NormalizedEvent[];
}

export interface SourceRejection {
  readonly source: SourceKind;
  readonly vendor: string;
  readonly message: RawMessage;
  readonly rejection: AdapterRejection;
}

export interface SourceHandlers {
  readonly onBatch: (batch: SourceBatch) => void;
  readonly onRejection?: (rejected: SourceRejection) => void;
}

/** Counters of one source: messages read, events emitted, rejections per code. */
export interface SourceStats {
  readonly messages: number;
  readonly events: number;
  readonly rejections: Readonly<Record<string, number>>;
}

/** A running source: start it, stop it, read its counters. */
export interface Source {
  readonly kind: SourceKind;
  start(): Promise<void>;
  stop(): Promise<void>;
  stats(): SourceStats;
}

/** Converts one message and reports it; the counters live in the returned tally. */
export interface Tally {
  convert(adapter: Adapter<unknown>, message: RawMessage, context?: ConvertContext<unknown>): ConvertResult<unknown>;
  /** Counts a message refused before any adapter saw it (bad SIP, unreadable multipart). */
  refuse(vendor: string, message: RawMessage, rejection: AdapterRejection): void;
  stats(): SourceStats;
}

/** The shared bookkeeping of a source: converts, reports to the handlers, counts. */
export function createTally(kind: SourceKind, handlers: SourceHandlers): Tally {
  let messages = 0;
  let events = 0;
  const rejections: Record<string, number> = {};
  const refuse = (vendor: string, message: RawMessage, rejection: AdapterRejection) => {
    rejections[rejection.code] = (rejections[rejection.code] ?? 0) + 1;
    handlers.onRejection?.({ source: kind, vendor, message, rejection });
  };
  return {
    convert(adapter, message, context) {
      messages++;
      const result = adapter.convert(message, context);
      if (!result.ok) {
        refuse(adapter.vendor, message, result.rejection);
        return result;
      }
      events += result.events.length;
      handlers.onBatch({ source: kind, vendor: adapter.vendor, message, events: result.events });
      return result;
    },
    refuse(vendor, message, rejection) {
      messages++;
      refuse(vendor, message, rejection);
    },
    stats: () => ({ messages, events, rejections: { ...rejections } }),
  };
}

/** Now as ISO 8601 (UTC); converters render event times in the venue's zone themselves. */
export function receivedNow(): string {
  return new Date().toISOString();
}
