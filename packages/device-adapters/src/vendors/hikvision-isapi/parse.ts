/** An ISAPI payload (XML, JSON, or a multipart body of them) → alert records, before interpretation. */
import { type ConvertRejected, encodeUtf8, payloadText, type RawMessage, reject } from '@brightkitchen/sdk';
import { AlertStreamReader } from '../../shared/alert-stream.js';
import { isRecord, type JsonRecord } from '../../shared/coerce.js';
import { multipartBoundary } from '../../shared/multipart.js';
import { parseXml } from '../../xml/reader.js';
import { xmlToObject } from '../../xml/tree.js';

export type Parsed<T> = { ok: true; value: T } | ConvertRejected;

/** True for a payload that is a multipart body (by Content-Type, or starting with an HTTP head or `--`). */
export function isMultipart(message: RawMessage): boolean {
  if (multipartBoundary(message.contentType)) return true;
  const head = typeof message.payload === 'string' ? message.payload.slice(0, 5) : latinHead(message.payload);
  return head.startsWith('HTTP/') || head.startsWith('--');
}

function latinHead(bytes: Uint8Array): string {
  return String.fromCharCode(...bytes.subarray(0, 5));
}

/** Splits a whole multipart body into one message per event part, images attached. */
export function splitMultipart(message: RawMessage): Parsed<RawMessage[]> {
  const boundary = multipartBoundary(message.contentType);
  const reader = new AlertStreamReader(boundary === undefined ? {} : { boundary });
  const bytes = typeof message.payload === 'string' ? encodeUtf8(message.payload) : message.payload;
  const fed = reader.feed(bytes, message.receivedAt);
  const ended = reader.end(message.receivedAt);
  const error = fed.error ?? ended.error;
  if (error) return { ok: false, rejection: error };
  const messages = [...fed.messages, ...ended.messages];
  if (messages.length === 0) return reject('ADAPTER_MALFORMED_MULTIPART', { reason: 'no event part' });
  return { ok: true, value: messages };
}

/** One event part → the `EventNotificationAlert` record, from XML or JSON. */
export function parseAlert(message: RawMessage): Parsed<JsonRecord> {
  const text = payloadText(message.payload);
  if (!text.ok) return text;
  const body = text.text.trim();
  if (body.startsWith('<')) {
    const xml = parseXml(body);
    if (!xml.ok) return reject('ADAPTER_MALFORMED_XML', { reason: xml.reason, offset: xml.offset });
    if (xml.root.name !== 'EventNotificationAlert') {
      return reject('ADAPTER_UNSUPPORTED_EVENT', { root: xml.root.name });
    }
    const record = xmlToObject(xml.root);
    return isRecord(record) ? { ok: true, value: record } : reject('ADAPTER_MISSING_FIELD', { field: 'eventType' });
  }
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    const looksJson = body.startsWith('{') || /json/i.test(message.contentType ?? '');
    return reject(looksJson ? 'ADAPTER_MALFORMED_JSON' : 'ADAPTER_MALFORMED_XML', {
      reason: error instanceof Error ? error.message.slice(0, 200) : 'parse',
    });
  }
  if (isRecord(value) && isRecord(value.EventNotificationAlert))
    return { ok: true, value: value.EventNotificationAlert };
  if (isRecord(value)) return { ok: true, value };
  return reject('ADAPTER_UNSUPPORTED_EVENT', { reason: 'not an object' });
}
