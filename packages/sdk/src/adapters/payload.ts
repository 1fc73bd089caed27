/**
 * Raw payload helpers that run on every platform: text (UTF-8 from `../utf8.ts`, other labels through the
 * host's TextDecoder), JSON, sizes.
 */
import { decodeUtf8 } from '../utf8.js';
import type { ConvertRejected } from './result.js';
import { reject } from './result.js';

/** The part of a `TextDecoder` {@link hostDecoder} needs (declared here: the core compiles without DOM types). */
export interface TextDecoderLike {
  decode(input: Uint8Array): string;
}
type TextDecoderCtor = new (label?: string, options?: { fatal?: boolean }) => TextDecoderLike;

const host = globalThis as unknown as { TextDecoder?: TextDecoderCtor };

/** The host's decoder for a label (`utf-8`, `gbk`…), or undefined when the host lacks it. */
export function hostDecoder(label: string, fatal: boolean): TextDecoderLike | undefined {
  if (!host.TextDecoder) return undefined;
  try {
    return new host.TextDecoder(label, { fatal });
  } catch {
    return undefined;
  }
}

/** Size in bytes (UTF-8 length for strings). */
export function payloadSize(payload: Uint8Array | string): number {
  return typeof payload === 'string' ? encodedLength(payload) : payload.byteLength;
}

function encodedLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** The payload as UTF-8 text, or `ADAPTER_BAD_ENCODING`. A leading BOM is dropped. */
export function payloadText(payload: Uint8Array | string): { ok: true; text: string } | ConvertRejected {
  const text = typeof payload === 'string' ? payload : decodeUtf8(payload);
  if (text === undefined) return reject('ADAPTER_BAD_ENCODING', { expected: 'utf-8' });
  return { ok: true, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
}

/** The payload parsed as JSON, or `ADAPTER_BAD_ENCODING` / `ADAPTER_MALFORMED_JSON`. */
export function payloadJson(payload: Uint8Array | string): { ok: true; value: unknown } | ConvertRejected {
  const text = payloadText(payload);
  if (!text.ok) return text;
  try {
    return { ok: true, value: JSON.parse(text.text) as unknown };
  } catch (error) {
    return reject('ADAPTER_MALFORMED_JSON', { reason: error instanceof Error ? error.message.slice(0, 200) : 'parse' });
  }
}
