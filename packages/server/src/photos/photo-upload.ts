/**
 * Photos uploaded as `{ contentType, dataBase64 }` (complaints, ledgers). Checked before anything is
 * stored: at most `maxBytes` decoded (PAYLOAD_TOO_LARGE), a real jpeg/png/webp by its magic bytes that
 * matches the declared type (UNSUPPORTED_MEDIA_TYPE). Served back with `sendImage`.
 */
import { base64ByteLength, COMPLAINT_PHOTO_TYPES, type ComplaintPhotoType } from '@brightkitchen/sdk';
import type { FastifyReply } from 'fastify';
import { AppError } from '../errors/index.js';
import { sniffImageType } from './photo-type.js';

export interface DecodedPhoto {
  readonly contentType: ComplaintPhotoType;
  readonly bytes: Buffer;
}

/**
 * The size and type limits on a raw photo object, before the schema (whose length and picklist checks
 * would answer a plain VALIDATION_FAILED for what is an oversized or unsupported upload).
 */
export function precheckPhoto(photo: unknown, maxBytes: number, path: string): void {
  const { contentType, dataBase64 } = (photo ?? {}) as { contentType?: unknown; dataBase64?: unknown };
  if (typeof dataBase64 === 'string' && base64ByteLength(dataBase64) > maxBytes) {
    throw new AppError('PAYLOAD_TOO_LARGE', { path, maxBytes });
  }
  if (typeof contentType === 'string' && !(COMPLAINT_PHOTO_TYPES as readonly string[]).includes(contentType)) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', { path: `${path}.contentType`, allowed: COMPLAINT_PHOTO_TYPES });
  }
}

/** Decodes a (schema-valid) photo and checks it is what it claims to be. */
export function decodePhoto(
  photo: { readonly contentType: ComplaintPhotoType; readonly dataBase64: string },
  maxBytes: number,
  path: string,
): DecodedPhoto {
  const bytes = Buffer.from(photo.dataBase64, 'base64');
  if (bytes.length > maxBytes) throw new AppError('PAYLOAD_TOO_LARGE', { path, maxBytes });
  const actual = sniffImageType(bytes);
  if (actual === null || actual !== photo.contentType) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', {
      path,
      declared: photo.contentType,
      detected: actual,
      allowed: COMPLAINT_PHOTO_TYPES,
    });
  }
  return { contentType: actual, bytes };
}

/** Answers a stored image: its type, never sniffed by the browser, cached privately. */
export function sendImage(
  reply: FastifyReply,
  image: { readonly content_type: string; readonly bytes: Uint8Array },
  cacheControl: string,
): FastifyReply {
  return reply
    .header('cache-control', cacheControl)
    .header('x-content-type-options', 'nosniff')
    .type(image.content_type)
    .send(Buffer.from(image.bytes));
}
