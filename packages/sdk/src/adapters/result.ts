/** What a converter returns: events (maybe none) or a typed rejection. Never thrown. */
import type { NormalizedEvent } from './events.js';
import type { AdapterRejection, AdapterRejectionCode, RejectionDetails } from './rejection.js';
import { rejection } from './rejection.js';

/** A message understood: its events (maybe none) and the converter's next state. */
export interface ConvertAccepted<S = unknown> {
  readonly ok: true;
  /** Empty when the message is understood but says nothing to act on (e.g. a Frigate `person`). */
  readonly events: readonly NormalizedEvent[];
  /** The converter's next state, to pass as `context.state` with the next message. */
  readonly state?: S;
}

/** A message refused, with the reason. */
export interface ConvertRejected {
  readonly ok: false;
  readonly rejection: AdapterRejection;
}

/** What `convert` returns: accepted events or a rejection, never a throw. */
export type ConvertResult<S = unknown> = ConvertAccepted<S> | ConvertRejected;

/**
 * Accepts a message with its events (and the next state, if the converter keeps one).
 * @example return accept([reading(origin, 'temperature', 3.4)]);
 */
export function accept<S = unknown>(events: readonly NormalizedEvent[], state?: S): ConvertAccepted<S> {
  return state === undefined ? { ok: true, events } : { ok: true, events, state };
}

/**
 * Refuses a message with a code and details.
 * @example return reject('ADAPTER_UNKNOWN_TOPIC', { topic });
 */
export function reject(code: AdapterRejectionCode, details?: RejectionDetails): ConvertRejected {
  return { ok: false, rejection: rejection(code, details) };
}
