/**
 * Photos picked on the phone: compressed when picked (`chooseMedia`), re-compressed when still large, compressed
 * harder when still over the limit, read as base64 and held to the limit. A photo still over it is left out and
 * counted. Complaints: ≤ 3 photos, each ≤ 2 MiB (the defaults); a ledger field: 1 photo ≤ 512 KiB.
 */
import {
  base64ByteLength,
  COMPLAINT_PHOTO_MAX_BYTES,
  COMPLAINT_PHOTOS_MAX,
  type ComplaintPhotoUpload,
  LEDGER_PHOTO_MAX_BYTES,
} from '@brightkitchen/sdk';
import Taro from '@tarojs/taro';

export type PickedPhoto = ComplaintPhotoUpload & { readonly preview: string };

export interface PickedPhotos {
  readonly photos: readonly PickedPhoto[];
  /** Photos left out for being too large even after compression. */
  readonly tooLarge: number;
}

export interface PhotoLimits {
  /** How many photos in all. */
  readonly count: number;
  /** Largest photo, in decoded bytes. */
  readonly maxBytes: number;
}

export const COMPLAINT_PHOTO_LIMITS: PhotoLimits = { count: COMPLAINT_PHOTOS_MAX, maxBytes: COMPLAINT_PHOTO_MAX_BYTES };
/** One photo per ledger field, ≤ 512 KiB: the outbox keeps it in the phone's storage (WeChat: 1 MB per key). */
export const LEDGER_PHOTO_LIMITS: PhotoLimits = { count: 1, maxBytes: LEDGER_PHOTO_MAX_BYTES };

type PhotoType = ComplaintPhotoUpload['contentType'];

export function photoTypeOf(path: string, mime?: string): PhotoType {
  const m = (mime ?? '').toLowerCase();
  if (m === 'image/png' || /\.png$/i.test(path)) return 'image/png';
  if (m === 'image/webp' || /\.webp$/i.test(path)) return 'image/webp';
  return 'image/jpeg';
}

/** Lets the person pick up to `limits.count - already` photos; rejects when they cancel. */
export async function pickPhotos(already: number, limits: PhotoLimits = COMPLAINT_PHOTO_LIMITS): Promise<PickedPhotos> {
  const count = limits.count - already;
  if (count <= 0) return { photos: [], tooLarge: 0 };
  const picked =
    process.env.TARO_ENV === 'h5' ? await pickH5(count, limits.maxBytes) : await pickWeapp(count, limits.maxBytes);
  const photos = picked.filter((p) => base64ByteLength(p.dataBase64) <= limits.maxBytes);
  return { photos, tooLarge: picked.length - photos.length };
}

async function pickWeapp(count: number, maxBytes: number): Promise<PickedPhoto[]> {
  const res = await Taro.chooseMedia({
    count,
    mediaType: ['image'],
    sizeType: ['compressed'],
    sourceType: ['album', 'camera'],
  });
  const fs = Taro.getFileSystemManager();
  const read = (path: string) => fs.readFileSync(path, 'base64') as string;
  const out: PickedPhoto[] = [];
  for (const file of res.tempFiles) {
    let path = file.tempFilePath;
    if (file.size > maxBytes / 2) path = (await Taro.compressImage({ src: path, quality: 50 })).tempFilePath;
    let dataBase64 = read(path);
    if (base64ByteLength(dataBase64) > maxBytes) {
      // Still too large: smaller and lower quality (a document or a dish stays readable at 1280 px).
      path = (await Taro.compressImage({ src: file.tempFilePath, quality: 30, compressedWidth: 1280 })).tempFilePath;
      dataBase64 = read(path);
    }
    out.push({ contentType: photoTypeOf(path), dataBase64, preview: path });
  }
  return out;
}

async function pickH5(count: number, maxBytes: number): Promise<PickedPhoto[]> {
  const res = await Taro.chooseImage({ count, sizeType: ['compressed'], sourceType: ['album', 'camera'] });
  const out: PickedPhoto[] = [];
  for (const path of res.tempFilePaths) {
    const blob = await (await fetch(path)).blob();
    let small = blob.size > maxBytes / 2 ? await shrinkH5(blob, 1600, 0.7) : blob;
    if (small.size > maxBytes) small = await shrinkH5(blob, 1280, 0.5);
    out.push({ contentType: photoTypeOf(path, small.type), dataBase64: await base64H5(small), preview: path });
  }
  return out;
}

async function shrinkH5(blob: Blob, maxSide: number, quality: number): Promise<Blob> {
  const bitmap = await createImageBitmap(blob);
  const scale = Math.min(1, maxSide / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(bitmap.width * scale);
  canvas.height = Math.round(bitmap.height * scale);
  canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve) => canvas.toBlob((b) => resolve(b ?? blob), 'image/jpeg', quality));
}

function base64H5(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(blob);
  });
}
