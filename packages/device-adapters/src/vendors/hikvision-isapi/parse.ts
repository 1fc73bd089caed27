/** One ISAPI event payload (XML or JSON) → its alert record, before interpretation. */
import { type ConvertRejected, payloadText, type RawMessage, reject } from '@brightkitchen/sdk';
import { isRecord, type JsonRecord } from '../../shared/coerce.js';
import { parseXml } from '../../xml/reader.js';
import { xmlToObject } from '../../xml/tree.js';

export type Parsed<T> = { ok: true; value: T } | ConvertRejected;

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
