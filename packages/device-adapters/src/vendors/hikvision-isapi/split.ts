/**
 * An ISAPI body → the raw messages to convert, one per event. A multipart body (an HTTP push, an access
 * terminal's form-data, a recorded `alertStream` with or without its HTTP head) is split on its boundary
 * as bytes, each image part attached to the event before it; any other body is one message as it is.
 * The ISAPI receiver, `bk-convert`, the adapter itself and the platform's push route all split this way.
 */
import { type AdapterRejection, encodeUtf8, type RawMessage, rejection } from '@brightkitchen/sdk';
import { AlertStreamReader } from '../../shared/alert-stream.js';
import { latin1 } from '../../shared/bytes.js';
import { multipartBoundary } from '../../shared/multipart.js';

/** The event messages, or the rejection with the messages completed before the body became unreadable. */
export type IsapiSplit =
  | { readonly ok: true; readonly messages: readonly RawMessage[] }
  | { readonly ok: false; readonly rejection: AdapterRejection; readonly messages: readonly RawMessage[] };

/**
 * Splits an ISAPI body into its events (each keeping the topic, and its snapshots as attachments).
 *
 * @example
 * const split = splitIsapiBody({ payload: bytes, contentType: 'multipart/mixed; boundary=MIME_boundary', receivedAt });
 * if (split.ok) for (const message of split.messages) hikvisionIsapi.convert(message);
 */
export function splitIsapiBody(message: RawMessage): IsapiSplit {
  if (!isMultipartBody(message)) return { ok: true, messages: [message] };
  const boundary = multipartBoundary(message.contentType);
  const reader = new AlertStreamReader(boundary === undefined ? {} : { boundary });
  const bytes = typeof message.payload === 'string' ? encodeUtf8(message.payload) : message.payload;
  const fed = reader.feed(bytes, message.receivedAt);
  const ended = reader.end(message.receivedAt);
  const messages = [...fed.messages, ...ended.messages].map((part) => {
    const attachments = [...(message.attachments ?? []), ...(part.attachments ?? [])];
    return {
      ...part,
      ...(message.topic === undefined ? {} : { topic: message.topic }),
      ...(attachments.length > 0 ? { attachments } : {}),
    };
  });
  const error =
    fed.error ??
    ended.error ??
    (messages.length === 0 ? rejection('ADAPTER_MALFORMED_MULTIPART', { reason: 'no event part' }) : undefined);
  return error ? { ok: false, rejection: error, messages } : { ok: true, messages };
}

/** Multipart by its Content-Type, or by how it starts (after blank lines): an HTTP head or a `--` delimiter. */
function isMultipartBody(message: RawMessage): boolean {
  if (multipartBoundary(message.contentType)) return true;
  const { payload } = message;
  const head = (typeof payload === 'string' ? payload.slice(0, 64) : latin1(payload, 0, Math.min(64, payload.length)))
    .replace(/^[\r\n\t ]+/, '')
    .slice(0, 5);
  return head === 'HTTP/' || head.startsWith('--');
}
