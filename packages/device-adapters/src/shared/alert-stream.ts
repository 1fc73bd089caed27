/**
 * Multipart parts → raw messages: each event part (XML or JSON) becomes one message, and the image
 * parts that follow it become its attachments (Hikvision sends the JPEG after its event). An event is
 * held until the next event arrives or `flush()` is called, since only then are its images known.
 */
import type { AdapterRejection, Attachment, RawMessage } from '@brightkitchen/sdk';
import { type MultipartOptions, type MultipartPart, MultipartStreamParser } from './multipart.js';

export interface AlertStreamFeed {
  readonly messages: RawMessage[];
  readonly error?: AdapterRejection;
}

export class AlertStreamReader {
  private readonly parser: MultipartStreamParser;
  private held: { part: MultipartPart; receivedAt: string; attachments: Attachment[] } | undefined;
  private count = 0;

  constructor(options: MultipartOptions = {}) {
    this.parser = new MultipartStreamParser(options);
  }

  /** Feeds one chunk as read from the socket; returns the events completed by it. */
  feed(chunk: Uint8Array, receivedAt: string): AlertStreamFeed {
    const fed = this.parser.feed(chunk);
    const messages = this.take(fed.parts, receivedAt);
    if (fed.closed) messages.push(...this.flush());
    return fed.error ? { messages, error: fed.error } : { messages };
  }

  /** Releases the held event (call after a quiet moment, or at the end of the stream). */
  flush(): RawMessage[] {
    const held = this.held;
    this.held = undefined;
    if (!held) return [];
    const { part, receivedAt, attachments } = held;
    const message: RawMessage = { payload: part.body, contentType: part.contentType, receivedAt };
    return [attachments.length > 0 ? { ...message, attachments } : message];
  }

  /** The stream ended: a final part without Content-Length completes, the held event is released. */
  end(receivedAt: string): AlertStreamFeed {
    const fed = this.parser.end();
    const messages = [...this.take(fed.parts, receivedAt), ...this.flush()];
    return fed.error ? { messages, error: fed.error } : { messages };
  }

  private take(parts: readonly MultipartPart[], receivedAt: string): RawMessage[] {
    const out: RawMessage[] = [];
    for (const part of parts) {
      this.count++;
      if (/^image\//i.test(part.contentType)) {
        // An image with no event before it has nothing to belong to.
        this.held?.attachments.push({
          id: part.contentId ?? part.name ?? `part-${this.count}`,
          contentType: part.contentType,
          bytes: part.body,
        });
        continue;
      }
      out.push(...this.flush());
      this.held = { part, receivedAt, attachments: [] };
    }
    return out;
  }
}
