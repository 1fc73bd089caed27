/**
 * What the CLIs print for one converted message: a JSON line per event, then one per binary part that
 * travelled with it (a snapshot), noted by id, content type and size — the bytes themselves stay out.
 */
import type { Attachment, NormalizedEvent } from '@brightkitchen/sdk';

export function batchLines(events: readonly NormalizedEvent[], attachments: readonly Attachment[] = []): string[] {
  return [
    ...events.map((event) => JSON.stringify(event)),
    ...attachments.map((a) =>
      JSON.stringify({ attachment: { id: a.id, contentType: a.contentType, bytes: a.bytes.byteLength } }),
    ),
  ];
}
