/**
 * Photos kept with a venue's ledgers (an invoice for a purchase, the retained sample). A photo is stored
 * once per venue under the SHA-256 of its bytes, and a record refers to it as `sha256:<hex>`: the phone
 * knows the reference before anything is sent, so record and photo can wait in the outbox together
 * (the photo first) and a record can never point at a different image than the one taken.
 */
import * as v from 'valibot';
import { COMPLAINT_PHOTO_TYPES } from './complaint.js';

/** Largest ledger photo: 512 KiB, so a phone's outbox (WeChat storage: 1 MB per key) can hold it until sent. */
export const LEDGER_PHOTO_MAX_BYTES = 512 * 1024;
const MAX_BASE64 = Math.ceil(LEDGER_PHOTO_MAX_BYTES / 3) * 4;

/** How a record refers to a stored photo. Older records may hold free text (a file name): it is kept as is. */
export const LEDGER_PHOTO_REF = /^sha256:[0-9a-f]{64}$/;

/** A reference to a stored ledger photo: `sha256:` and 64 hex digits. */
export const LedgerPhotoRefSchema = v.pipe(v.string(), v.regex(LEDGER_PHOTO_REF));

/** Body of `POST /v1/venues/{venueId}/ledger-photos`: the image type and its bytes in base64. */
export const LedgerPhotoUploadSchema = v.object({
  contentType: v.picklist(COMPLAINT_PHOTO_TYPES),
  dataBase64: v.pipe(v.string(), v.minLength(4), v.maxLength(MAX_BASE64), v.regex(/^[A-Za-z0-9+/]*={0,2}$/)),
});
/**
 * Body of `POST /v1/venues/{venueId}/ledger-photos`: the image type and its bytes in base64. Type of {@link
 * LedgerPhotoUploadSchema}.
 */
export type LedgerPhotoUpload = v.InferOutput<typeof LedgerPhotoUploadSchema>;

/** A stored photo (the image is served at `/v1/venues/{venueId}/ledger-photos/{ref}`). */
export const LedgerPhotoSchema = v.object({
  ref: LedgerPhotoRefSchema,
  contentType: v.picklist(COMPLAINT_PHOTO_TYPES),
  size: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(LEDGER_PHOTO_MAX_BYTES)),
});
/**
 * A stored photo (the image is served at `/v1/venues/{venueId}/ledger-photos/{ref}`). Type of {@link
 * LedgerPhotoSchema}.
 */
export type LedgerPhoto = v.InferOutput<typeof LedgerPhotoSchema>;

export { base64ToBytes } from './base64.js';
