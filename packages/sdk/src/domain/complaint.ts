/** A consumer complaint with optional location and up to three photos. */
import * as v from 'valibot';
import { COMPLAINT_STATES } from './enums.js';
import { CoordinatesSchema, IdSchema, InstantSchema, TimeZoneSchema, text } from './primitives.js';

/** Image types a complaint or ledger photo may have. */
export const COMPLAINT_PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
/** One of {@link COMPLAINT_PHOTO_TYPES}. */
export type ComplaintPhotoType = (typeof COMPLAINT_PHOTO_TYPES)[number];

/** Largest photo accepted: 2 MiB. */
export const COMPLAINT_PHOTO_MAX_BYTES = 2 * 1024 * 1024;
/** Most photos per complaint. */
export const COMPLAINT_PHOTOS_MAX = 3;
/** Base64 length of a 2 MiB file (4 characters per 3 bytes, padded). */
export const COMPLAINT_PHOTO_MAX_BASE64 = Math.ceil(COMPLAINT_PHOTO_MAX_BYTES / 3) * 4;

/** Where the consumer was when complaining: coordinates and an optional address. */
export const ComplaintLocationSchema = v.object({
  ...CoordinatesSchema.entries,
  address: v.optional(text(200)),
});
/** Type of {@link ComplaintLocationSchema}. */
export type ComplaintLocation = v.InferOutput<typeof ComplaintLocationSchema>;

/** A stored photo's metadata (the image itself is served at `/v1/complaints/{id}/photos/{n}`). */
export const ComplaintPhotoSchema = v.object({
  contentType: v.picklist(COMPLAINT_PHOTO_TYPES),
  size: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(COMPLAINT_PHOTO_MAX_BYTES)),
});
/**
 * A stored photo's metadata (the image itself is served at `/v1/complaints/{id}/photos/{n}`). Type of {@link
 * ComplaintPhotoSchema}.
 */
export type ComplaintPhoto = v.InferOutput<typeof ComplaintPhotoSchema>;

/** A consumer complaint about a venue, as stored: text, optional location, photo metadata, state. */
export const ComplaintSchema = v.object({
  id: IdSchema,
  venueId: IdSchema,
  text: text(2000),
  location: v.optional(ComplaintLocationSchema),
  photos: v.pipe(v.array(ComplaintPhotoSchema), v.maxLength(COMPLAINT_PHOTOS_MAX)),
  state: v.picklist(COMPLAINT_STATES),
  submittedAt: InstantSchema,
  /** In lists: the venue's name and time zone (its times are read on the venue's clock). */
  venueName: v.optional(text(100)),
  timeZone: v.optional(TimeZoneSchema),
});
/** A consumer complaint. Type of {@link ComplaintSchema}. */
export type Complaint = v.InferOutput<typeof ComplaintSchema>;

/** A photo as uploaded: its type and its bytes in base64 (at most 2 MiB decoded). */
export const ComplaintPhotoUploadSchema = v.object({
  contentType: v.picklist(COMPLAINT_PHOTO_TYPES),
  dataBase64: v.pipe(
    v.string(),
    v.minLength(4),
    v.maxLength(COMPLAINT_PHOTO_MAX_BASE64),
    v.regex(/^[A-Za-z0-9+/]*={0,2}$/),
  ),
});
/**
 * A photo as uploaded: its type and its bytes in base64 (at most 2 MiB decoded). Type of {@link
 * ComplaintPhotoUploadSchema}.
 */
export type ComplaintPhotoUpload = v.InferOutput<typeof ComplaintPhotoUploadSchema>;

/** Body of `POST /v1/venues/{venueId}/complaints`. */
export const ComplaintInputSchema = v.object({
  text: text(2000),
  location: v.optional(ComplaintLocationSchema),
  photos: v.optional(v.pipe(v.array(ComplaintPhotoUploadSchema), v.maxLength(COMPLAINT_PHOTOS_MAX))),
});
/** Body of `POST /v1/venues/{venueId}/complaints`. Type of {@link ComplaintInputSchema}. */
export type ComplaintInput = v.InferOutput<typeof ComplaintInputSchema>;

/** Decoded size in bytes of a base64 string (what the 2 MiB limit is checked against). */
export function base64ByteLength(dataBase64: string): number {
  const padding = dataBase64.endsWith('==') ? 2 : dataBase64.endsWith('=') ? 1 : 0;
  return Math.floor((dataBase64.length * 3) / 4) - padding;
}
