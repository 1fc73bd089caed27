/** What a converter receives: one raw message as the transport delivered it, plus per-device context. */
import type { ViolationType } from '../domain/enums.js';

/** A binary part that travelled with the message, e.g. the JPEG snapshot after an ISAPI event. */
export interface Attachment {
  /** Content-ID, form field name or position; events refer to it as `cid:<id>`. */
  readonly id: string;
  readonly contentType: string;
  readonly bytes: Uint8Array;
}

/** One raw message as its transport delivered it (MQTT, HTTP push, SIP): the input of `convert`. */
export interface RawMessage {
  /** MQTT topic, HTTP path or SIP request URI, when the transport has one. */
  readonly topic?: string;
  readonly payload: Uint8Array | string;
  readonly contentType?: string;
  /** ISO 8601 with offset: when the platform received it (the fallback event time). */
  readonly receivedAt: string;
  readonly attachments?: readonly Attachment[];
}

/**
 * Per-device configuration and carried state. Everything optional: a converter must work without it.
 * `state` is the converter's own memory (e.g. Shelly's last full status): pass back what the previous
 * result returned, so converters stay pure.
 */
export interface ConvertContext<S = unknown> {
  /** IANA zone for vendor times without an offset (Tasmota, GB/T 28181). Default Asia/Shanghai. */
  readonly timeZone?: string;
  /** The identity the source already knows (e.g. the ONVIF camera it polls), for formats that do not carry one. */
  readonly deviceId?: string;
  /**
   * Vendor code → violation type, configured per device or site: Hikvision AIOP rule ids or names,
   * Frigate labels or `model:attribute`, GB/T 28181 `video:6`, ONVIF topics or rule names.
   */
  readonly violationMap?: Readonly<Record<string, ViolationType | 'unknown' | 'ignore'>>;
  /** Largest payload accepted, in bytes. Default `DEFAULT_MAX_PAYLOAD_BYTES`. */
  readonly maxPayloadBytes?: number;
  readonly state?: S;
}

/** 4 MiB: room for an event with its JPEG snapshot, far below what would hurt. */
export const DEFAULT_MAX_PAYLOAD_BYTES = 4 * 1024 * 1024;
