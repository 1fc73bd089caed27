/**
 * Complaint photos: picked compressed (`chooseMedia`), re-compressed when still large, read as base64 and held to the
 * server's limits (≤ 3 photos, each ≤ 2 MiB, jpeg/png/webp). A photo over the limit is left out and counted.
 */
import {
  base64ByteLength,
  COMPLAINT_PHOTO_MAX_BYTES,
  COMPLAINT_PHOTOS_MAX,
  type ComplaintPhotoUpload,
} from '@brightkitchen/sdk';
import Taro from '@tarojs/taro';

export interface PickedPhotos {
  readonly photos: readonly (ComplaintPhotoUpload & { readonly preview: string })[];
  /** Photos left out for being too large even after compression. */
  readonly tooLarge: number;
}

type PhotoType = ComplaintPhotoUpload['contentType'];

export function photoTypeOf(path: string, mime?: string): PhotoType {
  const m = (mime ?? '').toLowerCase();
  if (m === 'image/png' || /\.png$/i.test(path)) return 'image/png';
  if (m === 'image/webp' || /\.webp$/i.test(path)) return 'image/webp';
  return 'image/jpeg';
}

export async function pickPhotos(already: number): Promise<PickedPhotos> {
  const count = COMPLAINT_PHOTOS_MAX - already;
  if (count <= 0) return { photos: [], tooLarge: 0 };
  const picked = process.env.TARO_ENV === 'h5' ? await pickH5(count) : await pickWeapp(count);
  const photos = picked.filter((p) => base64ByteLength(p.dataBase64) <= COMPLAINT_PHOTO_MAX_BYTES);
  return { photos, tooLarge: picked.length - photos.length };
}

async function pickWeapp(count: number) {
  const res = await Taro.chooseMedia({
    count,
    mediaType: ['image'],
    sizeType: ['compressed'],
    sourceType: ['album', 'camera'],
  });
  const fs = Taro.getFileSystemManager();
  const out: (ComplaintPhotoUpload & { preview: string })[] = [];
  for (const file of res.tempFiles) {
    let path = file.tempFilePath;
    if (file.size > COMPLAINT_PHOTO_MAX_BYTES / 2)
      path = (await Taro.compressImage({ src: path, quality: 50 })).tempFilePath;
    const dataBase64 = fs.readFileSync(path, 'base64') as string;
    out.push({ contentType: photoTypeOf(path), dataBase64, preview: path });
  }
  return out;
}

async function pickH5(count: number) {
  const res = await Taro.chooseImage({ count, sizeType: ['compressed'], sourceType: ['album', 'camera'] });
  const out: (ComplaintPhotoUpload & { preview: string })[] = [];
  for (const path of res.tempFilePaths) {
    const blob = await (await fetch(path)).blob();
    const small = blob.size > COMPLAINT_PHOTO_MAX_BYTES / 2 ? await shrinkH5(blob) : blob;
    out.push({ contentType: photoTypeOf(path, small.type), dataBase64: await base64H5(small), preview: path });
  }
  return out;
}

async function shrinkH5(blob: Blob): Promise<Blob> {
  const bitmap = await createImageBitmap(blob);
  const scale = Math.min(1, 1600 / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(bitmap.width * scale);
  canvas.height = Math.round(bitmap.height * scale);
  canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve) => canvas.toBlob((b) => resolve(b ?? blob), 'image/jpeg', 0.7));
}

function base64H5(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(blob);
  });
}
