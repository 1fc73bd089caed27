/**
 * UTF-8 by hand: WeChat's older base libraries have no `TextEncoder`/`TextDecoder`, and MQTT strings are UTF-8.
 */
export function encodeUtf8(text: string): Uint8Array {
  const out: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x80) out.push(code);
    else if (code < 0x800) out.push(0xc0 | (code >> 6), 0x80 | (code & 0x3f));
    else if (code < 0x10000) out.push(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f));
    else out.push(0xf0 | (code >> 18), 0x80 | ((code >> 12) & 0x3f), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f));
  }
  return Uint8Array.from(out);
}

export function decodeUtf8(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i++] ?? 0;
    let code: number;
    if (b < 0x80) code = b;
    else if (b >= 0xf0)
      code = ((b & 0x07) << 18) | (cont(bytes, i++) << 12) | (cont(bytes, i++) << 6) | cont(bytes, i++);
    else if (b >= 0xe0) code = ((b & 0x0f) << 12) | (cont(bytes, i++) << 6) | cont(bytes, i++);
    else if (b >= 0xc0) code = ((b & 0x1f) << 6) | cont(bytes, i++);
    else code = 0xfffd;
    out += String.fromCodePoint(code);
  }
  return out;
}

function cont(bytes: Uint8Array, i: number): number {
  return (bytes[i] ?? 0) & 0x3f;
}
