/** Byte helpers for stream parsing (multipart, SIP). */

export function indexOfBytes(haystack: Uint8Array, needle: Uint8Array, from = 0, end = haystack.length): number {
  if (needle.length === 0) return from;
  const first = needle[0]!;
  let i = haystack.indexOf(first, from);
  while (i !== -1 && i + needle.length <= end) {
    let k = 1;
    while (k < needle.length && haystack[i + k] === needle[k]) k++;
    if (k === needle.length) return i;
    i = haystack.indexOf(first, i + 1);
  }
  return -1;
}

/** Latin-1 view of bytes: header lines are ASCII, and this never fails. */
export function latin1(bytes: Uint8Array, start = 0, end = bytes.length): string {
  let out = '';
  for (let i = start; i < end; i += 8192) {
    out += String.fromCharCode(...bytes.subarray(i, Math.min(end, i + 8192)));
  }
  return out;
}

export function asciiBytes(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i) & 0xff;
  return out;
}

/** Where a header block ends (after the blank line), accepting CRLF or bare LF; -1 when not yet complete. */
export function headerBlockEnd(bytes: Uint8Array, from: number, end: number): number {
  for (let i = from; i < end; i++) {
    if (bytes[i] !== 0x0a) continue;
    if (bytes[i + 1] === 0x0a && i + 1 < end) return i + 2;
    if (bytes[i + 1] === 0x0d && bytes[i + 2] === 0x0a && i + 2 < end) return i + 3;
  }
  return -1;
}

/** Header lines (`Name: value`, folded lines joined) into lower-case keys; the first occurrence wins. */
export function parseHeaderLines(text: string): Record<string, string> {
  const headers: Record<string, string> = {};
  let last: string | undefined;
  for (const line of text.split(/\r?\n/)) {
    if (line === '') continue;
    if (/^[ \t]/.test(line) && last) {
      headers[last] += ` ${line.trim()}`;
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    if (!(name in headers)) headers[name] = line.slice(colon + 1).trim();
    last = name;
  }
  return headers;
}

/** A parameter of a header value, e.g. `boundary` of a Content-Type; quotes removed, anything else as written. */
export function headerParam(value: string | undefined, name: string): string | undefined {
  if (!value) return undefined;
  const match = new RegExp(`(?:^|;)\\s*${name}\\s*=\\s*("([^"]*)"|[^;]*)`, 'i').exec(value);
  if (!match) return undefined;
  const raw = match[2] ?? match[1]!.trim();
  return raw === '' ? undefined : raw;
}
