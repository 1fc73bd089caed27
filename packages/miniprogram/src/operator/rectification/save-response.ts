/**
 * Saving a rectification answer with its photos to the outbox, as the ledger pages do: each photo first
 * (`attachPhoto`; the outbox keeps the order, so the server has it before the answer that names it), then the
 * answer carrying the refs. Offline it waits on the phone and is sent once.
 */
import type { LedgersClient, QueuedWrite, RectificationsClient } from '@brightkitchen/sdk';
import type { PickedPhoto } from '../../lib/photos';

export interface SavedResponse {
  readonly photos: readonly QueuedWrite[];
  readonly answer: QueuedWrite;
}

export async function saveResponse(
  client: { ledgers: Pick<LedgersClient, 'attachPhoto'>; rectifications: Pick<RectificationsClient, 'respond'> },
  venueId: string,
  rectificationId: string,
  text: string,
  photos: readonly PickedPhoto[],
): Promise<SavedResponse> {
  const refs: string[] = [];
  const queued: QueuedWrite[] = [];
  for (const photo of photos) {
    const { ref, queued: q } = await client.ledgers.attachPhoto(venueId, {
      contentType: photo.contentType,
      dataBase64: photo.dataBase64,
    });
    refs.push(ref);
    queued.push(q);
  }
  const answer = await client.rectifications.respond(rectificationId, { text, photos: refs });
  return { photos: queued, answer };
}
