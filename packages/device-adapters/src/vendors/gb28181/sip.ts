/**
 * The SIP request around a MANSCDP body (GB/T 28181 `MESSAGE`, or `NOTIFY` on an alarm subscription)
 * and the `200 OK` the platform answers with. Compact header names (`v`, `f`, `t`, `i`, `l`, `c`) read.
 */
import { type ConvertRejected, encodeUtf8, reject } from '@brightkitchen/sdk';
import { headerBlockEnd, latin1 } from '../../shared/bytes.js';

export interface SipRequest {
  readonly method: string;
  readonly requestUri: string;
  /** Every header line in order, names lower-cased and compact forms expanded. */
  readonly headers: readonly (readonly [string, string])[];
  readonly body: Uint8Array;
}

const COMPACT: Readonly<Record<string, string>> = {
  v: 'via',
  f: 'from',
  t: 'to',
  i: 'call-id',
  l: 'content-length',
  c: 'content-type',
  m: 'contact',
};

const REQUEST_LINE = /^([A-Z]+) (\S+) SIP\/2\.0$/;

/** True when the bytes start like a SIP request line. */
export function looksLikeSip(payload: Uint8Array | string): boolean {
  const head = typeof payload === 'string' ? payload.slice(0, 200) : latin1(payload, 0, Math.min(payload.length, 200));
  return /^[A-Z]+ \S+ SIP\/2\.0\r?\n/.test(head);
}

export function parseSipRequest(payload: Uint8Array | string): { ok: true; value: SipRequest } | ConvertRejected {
  // A string payload is text, as everywhere in the adapter contract: its UTF-8 bytes.
  const bytes = typeof payload === 'string' ? encodeUtf8(payload) : payload;
  const end = headerBlockEnd(bytes, 0, bytes.length);
  if (end === -1) return reject('ADAPTER_MALFORMED_SIP', { reason: 'no end of headers' });
  const lines = latin1(bytes, 0, end).split(/\r?\n/);
  const start = REQUEST_LINE.exec(lines[0] ?? '');
  if (!start) return reject('ADAPTER_MALFORMED_SIP', { reason: 'bad request line' });
  const headers: [string, string][] = [];
  for (const line of lines.slice(1)) {
    if (line === '') continue;
    if (/^[ \t]/.test(line) && headers.length > 0) {
      headers[headers.length - 1]![1] += ` ${line.trim()}`;
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) return reject('ADAPTER_MALFORMED_SIP', { reason: 'bad header line' });
    const name = line.slice(0, colon).trim().toLowerCase();
    headers.push([COMPACT[name] ?? name, line.slice(colon + 1).trim()]);
  }
  const declared = headers.find(([n]) => n === 'content-length')?.[1];
  let body = bytes.subarray(end);
  if (declared !== undefined) {
    if (!/^\d+$/.test(declared)) return reject('ADAPTER_MALFORMED_SIP', { reason: 'bad Content-Length' });
    const length = Number(declared);
    if (body.length < length) return reject('ADAPTER_MALFORMED_SIP', { reason: 'body shorter than Content-Length' });
    body = body.subarray(0, length);
  }
  return { ok: true, value: { method: start[1]!, requestUri: start[2]!, headers, body } };
}

export function sipHeader(request: SipRequest, name: string): string | undefined {
  return request.headers.find(([n]) => n === name)?.[1];
}

export interface SipAnswerOptions {
  /** The tag to add to `To` when the request has none (default: derived from Call-ID, so retransmissions match). */
  readonly toTag?: string;
  readonly userAgent?: string;
}

/** The `200 OK` for a request: Via (all), From, To (+tag), Call-ID and CSeq copied, no body. */
export function buildSipOk(request: SipRequest, options: SipAnswerOptions = {}): string {
  const lines = ['SIP/2.0 200 OK'];
  for (const [name, value] of request.headers) if (name === 'via') lines.push(`Via: ${value}`);
  const from = sipHeader(request, 'from');
  if (from !== undefined) lines.push(`From: ${from}`);
  const to = sipHeader(request, 'to');
  const callId = sipHeader(request, 'call-id') ?? '';
  if (to !== undefined) {
    lines.push(/;\s*tag=/i.test(to) ? `To: ${to}` : `To: ${to};tag=${options.toTag ?? tagFor(callId)}`);
  }
  if (callId !== '') lines.push(`Call-ID: ${callId}`);
  const cseq = sipHeader(request, 'cseq');
  if (cseq !== undefined) lines.push(`CSeq: ${cseq}`);
  lines.push(`User-Agent: ${options.userAgent ?? 'BrightKitchen'}`, 'Content-Length: 0');
  return `${lines.join('\r\n')}\r\n\r\n`;
}

/** FNV-1a of the Call-ID, hex: the same tag for a retransmitted request. */
function tagFor(callId: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < callId.length; i++) {
    hash ^= callId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}
