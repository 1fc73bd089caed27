/**
 * Complaints with location and photos. Photos are checked before anything is stored: at most three,
 * each at most 2 MiB decoded (PAYLOAD_TOO_LARGE), each a real jpeg/png/webp by its magic bytes, matching
 * the declared type (UNSUPPORTED_MEDIA_TYPE). The complaint and its photos are written in one transaction.
 */
import {
  base64ByteLength,
  COMPLAINT_PHOTO_MAX_BYTES,
  COMPLAINT_PHOTO_TYPES,
  COMPLAINT_PHOTOS_MAX,
  type Complaint,
  type ComplaintInput,
  type ComplaintPhotoType,
} from '@brightkitchen/sdk';
import { type ComplaintsTable, type Database, newId, parseJson, toJson } from '../../db/index.js';
import { AppError } from '../../errors/index.js';
import { sniffImageType } from './photo-type.js';

export interface DecodedPhoto {
  readonly contentType: ComplaintPhotoType;
  readonly bytes: Buffer;
}

export function toComplaint(row: Pick<ComplaintsTable, 'data'>): Complaint {
  return parseJson<Complaint>(row.data, {} as Complaint);
}

/**
 * The size and type limits, checked on the raw body before the schema (whose length and picklist
 * checks would answer a plain VALIDATION_FAILED for what is an oversized or unsupported upload).
 */
export function checkPhotoLimits(body: unknown): void {
  const photos = (body as { photos?: unknown } | null)?.photos;
  if (!Array.isArray(photos)) return;
  if (photos.length > COMPLAINT_PHOTOS_MAX) {
    throw new AppError('PAYLOAD_TOO_LARGE', { path: 'photos', maxPhotos: COMPLAINT_PHOTOS_MAX });
  }
  photos.forEach((photo: unknown, n) => {
    const { contentType, dataBase64 } = (photo ?? {}) as { contentType?: unknown; dataBase64?: unknown };
    if (typeof dataBase64 === 'string' && base64ByteLength(dataBase64) > COMPLAINT_PHOTO_MAX_BYTES) {
      throw new AppError('PAYLOAD_TOO_LARGE', { path: `photos.${n}`, maxBytes: COMPLAINT_PHOTO_MAX_BYTES });
    }
    if (typeof contentType === 'string' && !(COMPLAINT_PHOTO_TYPES as readonly string[]).includes(contentType)) {
      throw new AppError('UNSUPPORTED_MEDIA_TYPE', { path: `photos.${n}.contentType`, allowed: COMPLAINT_PHOTO_TYPES });
    }
  });
}

/** Decodes the (schema-valid) photos and checks each is what it claims to be. */
export function decodePhotos(input: ComplaintInput): DecodedPhoto[] {
  return (input.photos ?? []).map((photo, n) => {
    const bytes = Buffer.from(photo.dataBase64, 'base64');
    if (bytes.length > COMPLAINT_PHOTO_MAX_BYTES) {
      throw new AppError('PAYLOAD_TOO_LARGE', { path: `photos.${n}`, maxBytes: COMPLAINT_PHOTO_MAX_BYTES });
    }
    const actual = sniffImageType(bytes);
    if (actual === null || actual !== photo.contentType) {
      throw new AppError('UNSUPPORTED_MEDIA_TYPE', {
        path: `photos.${n}`,
        declared: photo.contentType,
        detected: actual,
        allowed: COMPLAINT_PHOTO_TYPES,
      });
    }
    return { contentType: actual, bytes };
  });
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
