/**
 * UTF-8, once for the SDK and its hosts: the host's `TextEncoder`/`TextDecoder` when it has them (Node,
 * browsers, recent WeChat base libraries), a small codec otherwise (older base libraries have neither).
 * Both paths answer the same: lone surrogates encode as U+FFFD, and decoding is strict.
 */

interface Utf8Host {
  TextEncoder?: new () => { encode(input: string): Uint8Array };
  TextDecoder?: new (label: string, options: { fatal: boolean }) => { decode(input: Uint8Array): string };
}

const host = globalThis as unknown as Utf8Host;

/**
 * The UTF-8 bytes of a string (a lone surrogate becomes U+FFFD, as `TextEncoder` does).
 * @example encodeUtf8('厨') // Uint8Array [0xe5, 0x8e, 0xa8]
 */
export function encodeUtf8(text: string): Uint8Array {
  if (host.TextEncoder) return new host.TextEncoder().encode(text);
  return encodeByHand(text);
}

/**
 * The text of UTF-8 bytes, or `undefined` when they are not UTF-8 (overlong forms, surrogates, cut sequences).
 * @example decodeUtf8(Uint8Array.of(0xe5, 0x8e, 0xa8)) // '厨'
 */
export function decodeUtf8(bytes: Uint8Array): string | undefined {
  if (host.TextDecoder) {
    try {
      return new host.TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      return undefined;
    }
  }
  return decodeByHand(bytes);
}

/** The codec without the host's help (exported for the tests that pin both paths to one answer). */
export function encodeByHand(text: string): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
      if (next >= 0xdc00 && next <= 0xdfff) {
        code = 0x10000 + ((code - 0xd800) << 10) + (next - 0xdc00);
        i++;
      } else code = 0xfffd;
    } else if (code >= 0xdc00 && code <= 0xdfff) code = 0xfffd;
    if (code < 0x80) out.push(code);
    else if (code < 0x800) out.push(0xc0 | (code >> 6), 0x80 | (code & 63));
    else if (code < 0x10000) out.push(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63));
    else out.push(0xf0 | (code >> 18), 0x80 | ((code >> 12) & 63), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63));
  }
  return Uint8Array.from(out);
}

/** See {@link encodeByHand}. */
export function decodeByHand(bytes: Uint8Array): string | undefined {
  let out = '';
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    let cp: number;
    let extra: number;
    if (b < 0x80) [cp, extra] = [b, 0];
    else if (b >= 0xc2 && b < 0xe0) [cp, extra] = [b & 0x1f, 1];
    else if (b >= 0xe0 && b < 0xf0) [cp, extra] = [b & 0x0f, 2];
    else if (b >= 0xf0 && b < 0xf5) [cp, extra] = [b & 0x07, 3];
    else return undefined;
    if (i + extra >= bytes.length && extra > 0) return undefined;
    for (let k = 1; k <= extra; k++) {
      const c = bytes[i + k] as number;
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
