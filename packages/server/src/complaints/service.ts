/**
 * Complaints with location and photos. Photos are checked before anything is stored: at most three,
 * each at most 2 MiB decoded (PAYLOAD_TOO_LARGE), each a real jpeg/png/webp by its magic bytes, matching
 * the declared type (UNSUPPORTED_MEDIA_TYPE). The complaint and its photos are written in one transaction.
 */
import {
  COMPLAINT_PHOTO_MAX_BYTES,
  COMPLAINT_PHOTOS_MAX,
  type Complaint,
  type ComplaintInput,
  ComplaintSchema,
} from '@brightkitchen/sdk';
import { type ComplaintsTable, type Database, newId, readJson, storedValue, toJson } from '../db/index.js';
import { AppError } from '../errors/index.js';
import { type DecodedPhoto, decodePhoto, precheckPhoto } from '../photos/photo-upload.js';

/** The stored complaint; throws `CorruptStoredValue` when its `data` is not one. */
export function toComplaint(row: Pick<ComplaintsTable, 'id' | 'data'>): Complaint {
  return storedValue(readJson(ComplaintSchema, row.data, { table: 'complaints', column: 'data', id: row.id }));
}

/** The complaint's photo limits, on the raw body before the schema (see photos/photo-upload.ts). */
export function checkPhotoLimits(body: unknown): void {
  const photos = (body as { photos?: unknown } | null)?.photos;
  if (!Array.isArray(photos)) return;
  if (photos.length > COMPLAINT_PHOTOS_MAX) {
    throw new AppError('PAYLOAD_TOO_LARGE', { path: 'photos', maxPhotos: COMPLAINT_PHOTOS_MAX });
  }
  for (const [n, photo] of photos.entries()) precheckPhoto(photo, COMPLAINT_PHOTO_MAX_BYTES, `photos.${n}`);
}

/** Decodes the (schema-valid) photos and checks each is what it claims to be. */
export function decodePhotos(input: ComplaintInput): DecodedPhoto[] {
  return (input.photos ?? []).map((photo, n) => decodePhoto(photo, COMPLAINT_PHOTO_MAX_BYTES, `photos.${n}`));
}

export async function submitComplaint(
  { db }: Database,
  venueId: string,
  senderId: string,
  input: ComplaintInput,
  photos: readonly DecodedPhoto[],
  now: Date = new Date(),
): Promise<Complaint> {
  const submittedAt = now.toISOString();
  const complaint: Complaint = {
    id: newId('cmp'),
    venueId,
    text: input.text,
    ...(input.location ? { location: input.location } : {}),
    photos: photos.map((p) => ({ contentType: p.contentType, size: p.bytes.length })),
    state: 'submitted',
    submittedAt,
  };
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('complaints')
      .values({
        id: complaint.id,
        venue_id: venueId,
        sender_id: senderId,
        state: complaint.state,
        data: toJson(complaint),
        photo_count: photos.length,
        created_at: submittedAt,
      })
      .execute();
    if (photos.length > 0) {
      await trx
        .insertInto('complaint_photos')
        .values(photos.map((p, n) => ({ complaint_id: complaint.id, n, content_type: p.contentType, bytes: p.bytes })))
        .execute();
    }
  });
  return complaint;
}
