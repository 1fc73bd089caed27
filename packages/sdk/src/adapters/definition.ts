/**
 * The adapter contract: a vendor definition is data (vendor, models, what it reads) plus a pure
 * `convert` and, for controllable devices, `encodeCommand`. `defineAdapter` adds the shared guards:
 * payload size limit, no throw ever escaping, no non-finite number leaving.
 */
import type { LocalizedText } from '../domain/text.js';
import type { CommandTarget, DeviceCommand, EncodeResult } from './command.js';
import type { NormalizedEvent } from './events.js';
import type { ConvertContext, RawMessage } from './message.js';
import { DEFAULT_MAX_PAYLOAD_BYTES } from './message.js';
import { payloadSize } from './payload.js';
import type { ConvertResult } from './result.js';
import { accept, reject } from './result.js';

/** What an adapter reads, as data: the ingestion side subscribes or listens accordingly. */
export type AdapterInput =
  | { readonly transport: 'mqtt'; readonly topics: readonly string[] }
  | { readonly transport: 'http'; readonly mode: 'push' | 'pull'; readonly paths: readonly string[] }
  | { readonly transport: 'sip'; readonly methods: readonly string[] }
  | { readonly transport: 'onvif'; readonly service: 'pullpoint' };

/** What a vendor adapter declares: who it is for, what it reads, and its pure `convert` (and `encodeCommand`). */
export interface AdapterDefinition<S = unknown> {
  /** Lower-case kebab name, e.g. `tasmota`, `hikvision-isapi`. */
  readonly vendor: string;
  readonly models: readonly string[];
  readonly description: LocalizedText;
  readonly inputs: readonly AdapterInput[];
  // Method syntax on purpose: an adapter with its own state type still fits a registry of `Adapter<unknown>`.
  convert(message: RawMessage, context: ConvertContext<S>): ConvertResult<S>;
  encodeCommand?(command: DeviceCommand, target: CommandTarget): EncodeResult;
}

/**
 * An adapter as {@link defineAdapter} returns it: the definition with a guarded `convert`.
 * @example
 * const result = tasmota.convert({ topic: 'tele/plug1/SENSOR', payload, receivedAt });
 * if (result.ok) for (const event of result.events) store(event);
 */
export type Adapter<S = unknown> = AdapterDefinition<S> & {
  /** Guarded conversion: the context is optional, oversize payloads and converter bugs become rejections. */
  convert(message: RawMessage, context?: ConvertContext<S>): ConvertResult<S>;
};

const VENDOR_NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** Declares an adapter. Throws (at load time) only for a definition that is itself wrong. */
export function defineAdapter<S = unknown>(definition: AdapterDefinition<S>): Adapter<S> {
  if (!VENDOR_NAME.test(definition.vendor)) {
    throw new TypeError(`defineAdapter: vendor must be lower-case kebab, got "${definition.vendor}"`);
  }
  if (definition.inputs.length === 0) throw new TypeError(`defineAdapter(${definition.vendor}): no inputs`);
  const convert = (message: RawMessage, context: ConvertContext<S> = {}): ConvertResult<S> => {
    const limit = context.maxPayloadBytes ?? DEFAULT_MAX_PAYLOAD_BYTES;
    const size = payloadSize(message.payload);
    if (size > limit) return reject('ADAPTER_PAYLOAD_TOO_LARGE', { bytes: size, limit });
    let result: ConvertResult<S>;
    try {
      result = definition.convert(message, context);
    } catch (error) {
      return reject('ADAPTER_INTERNAL_ERROR', {
        reason: error instanceof Error ? error.message.slice(0, 200) : 'converter failed',
      });
    }
    if (!result.ok || result.events.every(isFiniteEvent)) return result;
    return accept(result.events.filter(isFiniteEvent), result.state);
  };
  return Object.freeze({ ...definition, convert });
}

function isFiniteEvent(event: NormalizedEvent): boolean {
  if (event.type === 'reading') return Number.isFinite(event.value);
  if (event.type === 'switch') return event.powerW === undefined || Number.isFinite(event.powerW);
  if (event.type === 'violation') return event.confidence === undefined || Number.isFinite(event.confidence);
  return true;
}
