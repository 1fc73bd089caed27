/** What a converter returns: events (maybe none) or a typed rejection. Never thrown. */
import type { NormalizedEvent } from './events.js';
import type { AdapterRejection, AdapterRejectionCode, RejectionDetails } from './rejection.js';
import { rejection } from './rejection.js';

export interface ConvertAccepted<S = unknown> {
  readonly ok: true;
  /** Empty when the message is understood but says nothing to act on (e.g. a Frigate `person`). */
  readonly events: readonly NormalizedEvent[];
  /** The converter's next state, to pass as `context.state` with the next message. */
  readonly state?: S;
}

export interface ConvertRejected {
  readonly ok: false;
  readonly rejection: AdapterRejection;
}

export type ConvertResult<S = unknown> = ConvertAccepted<S> | ConvertRejected;

export function accept<S = unknown>(events: readonly NormalizedEvent[], state?: S): ConvertAccepted<S> {
  return state === undefined ? { ok: true, events } : { ok: true, events, state };
}

export function reject(code: AdapterRejectionCode, details?: RejectionDetails): ConvertRejected {
  return { ok: false, rejection: rejection(code, details) };
}
