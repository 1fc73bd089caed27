/**
 * Raw payload helpers that run on every platform: TextDecoder/TextEncoder when the host has them
 * (Node, browsers, recent WeChat base libraries), a small UTF-8 codec otherwise.
 */
import type { ConvertRejected } from './result.js';
import { reject } from './result.js';

interface TextDecoderLike {
  decode(input: Uint8Array): string;
}
type TextDecoderCtor = new (label?: string, options?: { fatal?: boolean }) => TextDecoderLike;
interface TextEncoderLike {
  encode(input: string): Uint8Array;
}

const host = globalThis as unknown as {
  TextDecoder?: TextDecoderCtor;
  TextEncoder?: new () => TextEncoderLike;
};

/** The host's decoder for a label (`utf-8`, `gbk`…), or undefined when the host lacks it. */
export function hostDecoder(label: string, fatal: boolean): TextDecoderLike | undefined {
  if (!host.TextDecoder) return undefined;
  try {
    return new host.TextDecoder(label, { fatal });
  } catch {
    return undefined;
  }
}

/** Strict UTF-8 decoding: undefined when the bytes are not UTF-8. */
export function decodeUtf8(bytes: Uint8Array): string | undefined {
  const decoder = hostDecoder('utf-8', true);
  if (decoder) {
    try {
      return decoder.decode(bytes);
    } catch {
      return undefined;
    }
  }
  return decodeUtf8Fallback(bytes);
}

function decodeUtf8Fallback(bytes: Uint8Array): string | undefined {
  let out = '';
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let cp: number;
    let extra: number;
    if (b < 0x80) [cp, extra] = [b, 0];
    else if (b >= 0xc2 && b < 0xe0) [cp, extra] = [b & 0x1f, 1];
    else if (b >= 0xe0 && b < 0xf0) [cp, extra] = [b & 0x0f, 2];
    else if (b >= 0xf0 && b < 0xf5) [cp, extra] = [b & 0x07, 3];
    else return undefined;
    if (i + extra >= bytes.length && extra > 0) return undefined;
    for (let k = 1; k <= extra; k++) {
      const c = bytes[i + k]!;
      if ((c & 0xc0) !== 0x80) return undefined;
      cp = (cp << 6) | (c & 0x3f);
    }
    if ((extra === 2 && cp < 0x800) || (extra === 3 && (cp < 0x10000 || cp > 0x10ffff))) return undefined;
    if (cp >= 0xd800 && cp <= 0xdfff) return undefined;
    out += String.fromCodePoint(cp);
    i += extra + 1;
  }
  return out;
}

/** UTF-8 bytes of a string. */
export function encodeUtf8(text: string): Uint8Array {
  if (host.TextEncoder) return new host.TextEncoder().encode(text);
  const out: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) out.push(cp);
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f));
    else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
    else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
  }
  return Uint8Array.from(out);
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
