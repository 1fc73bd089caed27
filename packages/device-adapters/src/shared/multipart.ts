/**
 * An incremental multipart reader for endless streams (Hikvision `alertStream`) and one-shot bodies
 * (HTTP pushes, `multipart/form-data`). Feed it chunks as they arrive; it returns the parts completed
 * so far. The boundary is taken exactly as written (it may contain `<` or `>`); an optional HTTP response
 * head before the first part is read for it. `Content-Length` is trusted when the delimiter follows it,
 * otherwise the part ends at the next delimiter.
 */
import { type AdapterRejection, rejection } from '@brightkitchen/sdk';
import { asciiBytes, headerBlockEnd, headerParam, indexOfBytes, latin1, parseHeaderLines } from './bytes.js';

export interface MultipartPart {
  /** Lower-case header names. */
  readonly headers: Readonly<Record<string, string>>;
  readonly contentType: string;
  /** The form field name (`multipart/form-data`). */
  readonly name?: string;
  readonly contentId?: string;
  readonly body: Uint8Array;
}

export interface MultipartOptions {
  /** The boundary from the Content-Type; without it, read from an HTTP head or the first `--` line. */
  readonly boundary?: string;
  /** Largest part accepted (default 8 MiB); larger ends the stream with `ADAPTER_PAYLOAD_TOO_LARGE`. */
  readonly maxPartBytes?: number;
}

export interface MultipartFeed {
  readonly parts: MultipartPart[];
  /** Set once the stream is unreadable; later feeds return it again. */
  readonly error?: AdapterRejection;
  /** True after the closing delimiter `--boundary--`. */
  readonly closed: boolean;
}

type Phase = 'start' | 'preamble' | 'headers' | 'body' | 'after-body' | 'closed' | 'failed';

const MAX_HEADER_BYTES = 16 * 1024;

export class MultipartStreamParser {
  private buffer = new Uint8Array(64 * 1024);
  private length = 0;
  private pos = 0;
  private phase: Phase = 'start';
  private delimiter: Uint8Array | undefined;
  private boundary: string | undefined;
  private headers: Record<string, string> = {};
  private bodyStart = 0;
  private scanFrom = 0;
  private error: AdapterRejection | undefined;
  private readonly maxPartBytes: number;

  constructor(options: MultipartOptions = {}) {
    this.boundary = options.boundary;
    this.maxPartBytes = options.maxPartBytes ?? 8 * 1024 * 1024;
  }

  feed(chunk: Uint8Array): MultipartFeed {
    if (this.phase === 'failed') return this.result([]);
    if (this.phase === 'closed') return this.result([]);
    this.append(chunk);
    const parts: MultipartPart[] = [];
    while (this.step(parts)) {
      // each step consumes input or completes a part
    }
    this.compact();
    return this.result(parts);
  }

  /** The stream ended: a part still open without Content-Length ends here. */
  end(): MultipartFeed {
    const parts: MultipartPart[] = [];
    if (this.phase === 'body' && this.headers['content-length'] === undefined) {
      let end = this.length;
      while (end > this.bodyStart && (this.buffer[end - 1] === 0x0a || this.buffer[end - 1] === 0x0d)) end--;
      parts.push(this.part(this.buffer.slice(this.bodyStart, end)));
      this.phase = 'closed';
    } else if (this.phase === 'body' || (this.phase === 'headers' && !this.restIsBlank())) {
      this.fail('ADAPTER_MALFORMED_MULTIPART', 'the stream ended inside a part');
    } else {
      // An endless stream cut after a delimiter (or in its preamble) ends cleanly.
      this.phase = 'closed';
    }
    return this.result(parts);
  }

  private restIsBlank(): boolean {
    for (let i = this.pos; i < this.length; i++) if (!isBlank(this.buffer[i]!)) return false;
    return true;
  }

  private result(parts: MultipartPart[]): MultipartFeed {
    return this.error ? { parts, error: this.error, closed: false } : { parts, closed: this.phase === 'closed' };
  }

  private fail(code: 'ADAPTER_MALFORMED_MULTIPART' | 'ADAPTER_PAYLOAD_TOO_LARGE', reason: string): false {
    this.phase = 'failed';
    this.error = rejection(code, { reason });
    return false;
  }

  private append(chunk: Uint8Array) {
    if (this.length + chunk.length > this.buffer.length) {
      const live = this.length - this.pos;
      let size = this.buffer.length;
      while (size < live + chunk.length) size *= 2;
      const next = new Uint8Array(size);
      next.set(this.buffer.subarray(this.pos, this.length));
      this.shift(this.pos);
      this.buffer = next;
      this.length = live;
    }
    this.buffer.set(chunk, this.length);
    this.length += chunk.length;
  }

  private compact() {
    if (this.pos === 0 || this.pos < this.buffer.length / 2) return;
    this.buffer.copyWithin(0, this.pos, this.length);
    this.length -= this.pos;
    this.shift(this.pos);
  }

  private shift(by: number) {
    this.bodyStart -= by;
    this.scanFrom -= by;
    this.pos -= by;
  }

  /** One state transition; false when more input is needed (or the stream failed/closed). */
  private step(parts: MultipartPart[]): boolean {
    switch (this.phase) {
      case 'start':
        return this.readStart();
      case 'preamble':
        return this.readPreamble();
      case 'headers':
        return this.readHeaders();
      case 'body':
        return this.readBody(parts);
      case 'after-body':
        return this.readDelimiterLine();
      default:
        return false;
    }
  }

  private readStart(): boolean {
    // A recording may start with blank lines before the head or the first delimiter.
    while (this.pos < this.length && isBlank(this.buffer[this.pos]!)) this.pos++;
    if (this.length - this.pos < 5) return false;
    if (latin1(this.buffer, this.pos, this.pos + 5) === 'HTTP/') return this.readHttpHead();
    if (this.boundary !== undefined) this.delimiter = asciiBytes(`--${this.boundary}`);
    this.phase = 'preamble';
    this.scanFrom = this.pos;
    return true;
  }

  /**
   * An HTTP response head before the parts: its boundary is the stream's. A head without one (the `401`
   * before the digest answer in a `curl -i` recording, a `100 Continue`) is skipped with its body.
   */
  private readHttpHead(): boolean {
    const end = headerBlockEnd(this.buffer, this.pos, this.length);
    if (end === -1)
      return this.length - this.pos > MAX_HEADER_BYTES
        ? this.fail('ADAPTER_MALFORMED_MULTIPART', 'HTTP head too long')
        : false;
    const head = parseHeaderLines(latin1(this.buffer, this.pos, end).replace(/^[^\n]*\n/, ''));
    const boundary = headerParam(head['content-type'], 'boundary');
    if (boundary !== undefined) {
      this.boundary ??= boundary;
      this.pos = end;
      return true;
    }
    const declared = head['content-length']?.trim() ?? '0';
    const skip = /^\d+$/.test(declared) ? Number(declared) : 0;
    if (skip > MAX_HEADER_BYTES) return this.fail('ADAPTER_MALFORMED_MULTIPART', 'HTTP answer without parts');
    if (this.length < end + skip) return false;
    this.pos = end + skip;
    return true;
  }

  private readPreamble(): boolean {
    if (!this.delimiter) {
      // No boundary given: the first line starting with `--` is the delimiter as written.
      const lf = this.buffer.indexOf(0x0a, this.pos);
      if (lf === -1 || lf >= this.length) {
        return this.length - this.pos > MAX_HEADER_BYTES
          ? this.fail('ADAPTER_MALFORMED_MULTIPART', 'no boundary')
          : false;
      }
      const line = latin1(this.buffer, this.pos, lf).replace(/\r$/, '');
      if (line.startsWith('--') && line.length > 2) {
        this.delimiter = asciiBytes(line);
        this.boundary = line.slice(2);
      } else if (line.trim() === '') {
        this.pos = lf + 1;
        return true;
      } else {
        return this.fail('ADAPTER_MALFORMED_MULTIPART', 'no boundary');
      }
    }
    const at = this.findDelimiter(this.pos);
    if (at === -1) {
      this.pos = Math.max(this.pos, this.length - this.delimiter.length - 2);
      return false;
    }
    this.pos = at;
    this.phase = 'after-body';
    return true;
  }

  /** At a delimiter: `--` after it closes the stream, otherwise the rest of its line is skipped. */
  private readDelimiterLine(): boolean {
    const delimiter = this.delimiter!;
    const after = this.pos + delimiter.length;
    if (this.length < after + 2) return false;
    if (this.buffer[after] === 0x2d && this.buffer[after + 1] === 0x2d) {
      this.phase = 'closed';
      return false;
    }
    const lf = this.buffer.indexOf(0x0a, after);
    if (lf === -1 || lf >= this.length)
      return this.length - after > 1024 ? this.fail('ADAPTER_MALFORMED_MULTIPART', 'bad delimiter line') : false;
    this.pos = lf + 1;
    this.phase = 'headers';
    return true;
  }

  private readHeaders(): boolean {
    // A blank line right after the delimiter means a part without headers.
    const end =
      this.buffer[this.pos] === 0x0a
        ? this.pos + 1
        : this.buffer[this.pos] === 0x0d && this.buffer[this.pos + 1] === 0x0a && this.pos + 1 < this.length
          ? this.pos + 2
          : headerBlockEnd(this.buffer, this.pos, this.length);
    if (end === -1 || end > this.length) {
      return this.length - this.pos > MAX_HEADER_BYTES
        ? this.fail('ADAPTER_MALFORMED_MULTIPART', 'part headers too long')
        : false;
    }
    this.headers = parseHeaderLines(latin1(this.buffer, this.pos, end));
    const declared = this.headers['content-length'];
    if (declared !== undefined && (!/^\s*\d+\s*$/.test(declared) || Number(declared) > this.maxPartBytes)) {
      if (/^\s*\d+\s*$/.test(declared)) return this.fail('ADAPTER_PAYLOAD_TOO_LARGE', `part of ${declared} bytes`);
      delete this.headers['content-length'];
    }
    this.pos = end;
    this.bodyStart = end;
    this.scanFrom = end;
    this.phase = 'body';
    return true;
  }

  private readBody(parts: MultipartPart[]): boolean {
    const declared = this.headers['content-length'];
    if (declared !== undefined) {
      const bodyEnd = this.bodyStart + Number(declared);
      if (this.length < bodyEnd) return false;
      // Trust the length when only line breaks separate it from the next delimiter.
      // Trust the length unless what follows it is visibly not the next delimiter; emit at once, so an
      // image at the end of a read is not held back until the next event arrives.
      let next = bodyEnd;
      while (next < this.length && (this.buffer[next] === 0x0d || this.buffer[next] === 0x0a)) next++;
      const seen = Math.min(this.length - next, this.delimiter!.length);
      if (indexOfBytes(this.buffer, this.delimiter!.subarray(0, seen), next, next + seen) === next) {
        parts.push(this.part(this.buffer.slice(this.bodyStart, bodyEnd)));
        this.pos = bodyEnd;
        this.scanFrom = bodyEnd;
        this.phase = 'preamble';
        return true;
      }
      delete this.headers['content-length'];
    }
    const at = this.findDelimiter(this.scanFrom);
    if (at === -1) {
      if (this.length - this.bodyStart > this.maxPartBytes)
        return this.fail('ADAPTER_PAYLOAD_TOO_LARGE', 'part too large');
      this.scanFrom = Math.max(this.bodyStart, this.length - this.delimiter!.length - 2);
      return false;
    }
    let end = at;
    if (end > this.bodyStart && this.buffer[end - 1] === 0x0a) end--;
    if (end > this.bodyStart && this.buffer[end - 1] === 0x0d) end--;
    parts.push(this.part(this.buffer.slice(this.bodyStart, end)));
    this.pos = at;
    this.phase = 'after-body';
    return true;
  }

  /** The next delimiter at the start of a line (or at the very start of the data). */
  private findDelimiter(from: number): number {
    const delimiter = this.delimiter!;
    let at = indexOfBytes(this.buffer, delimiter, from, this.length);
    while (at !== -1) {
      if (at === 0 || at === this.pos || this.buffer[at - 1] === 0x0a) return at;
      at = indexOfBytes(this.buffer, delimiter, at + 1, this.length);
    }
    return -1;
  }

  private part(body: Uint8Array): MultipartPart {
    const h = this.headers;
    const contentType = (h['content-type'] ?? 'application/octet-stream').trim();
    const name = headerParam(h['content-disposition'], 'name');
    const contentId = h['content-id']?.replace(/^<|>$/g, '').trim();
    return {
      headers: h,
      contentType,
      ...(name === undefined ? {} : { name }),
      ...(contentId ? { contentId } : {}),
      body,
    };
  }
}

function isBlank(byte: number): boolean {
  return byte === 0x0d || byte === 0x0a || byte === 0x20 || byte === 0x09;
}

/** The boundary of a multipart Content-Type, exactly as written (quotes removed). */
export function multipartBoundary(contentType: string | undefined): string | undefined {
  if (!contentType || !/^\s*multipart\//i.test(contentType)) return undefined;
  return headerParam(contentType, 'boundary');
}
