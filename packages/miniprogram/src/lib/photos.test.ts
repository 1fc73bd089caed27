import { COMPLAINT_PHOTO_MAX_BYTES, LEDGER_PHOTO_MAX_BYTES } from '@brightkitchen/sdk';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { shim } from '../testing/taro-shim';

vi.mock('@tarojs/taro', () => import('../testing/taro-shim'));
vi.mock('@brightkitchen/sdk', () => import('../../../sdk/src/index'));

const { LEDGER_PHOTO_LIMITS, pickPhotos } = await import('./photos');

/** A picked file of `bytes` bytes that every compression leaves as large. */
function photo(path: string, bytes: number) {
  shim.picked.push({ path, size: bytes });
  shim.files.set(path, 'A'.repeat(Math.ceil(bytes / 3) * 4));
}

beforeEach(() => shim.reset());

describe('complaint photos', () => {
  it('asks for no more than 3 in all', async () => {
    photo('a.jpg', 10_000);
    await pickPhotos(1);
    expect(shim.chooseCounts).toEqual([2]);
    expect(await pickPhotos(3)).toEqual({ photos: [], tooLarge: 0 });
    expect(shim.chooseCounts).toEqual([2]);
  });

  it('keeps a photo up to 2 MiB and leaves out, counted, one still larger after compression', async () => {
    photo('fits.jpg', COMPLAINT_PHOTO_MAX_BYTES - 3);
    photo('huge.jpg', COMPLAINT_PHOTO_MAX_BYTES + 3);
    const picked = await pickPhotos(0);
    expect(picked.photos.map((p) => p.preview)).toEqual(['fits.jpg']);
    expect(picked.tooLarge).toBe(1);
    expect(shim.compressions.map((c) => c.quality)).toEqual([50, 50, 30]);
  });
});

describe('ledger photos', () => {
  it('one photo, up to 512 KiB: a 1 MiB photo that compression cannot shrink is left out', async () => {
    photo('invoice.jpg', 1024 * 1024);
    photo('second.jpg', 1000);
    const picked = await pickPhotos(0, LEDGER_PHOTO_LIMITS);
    expect(shim.chooseCounts).toEqual([1]);
    expect(picked).toEqual({ photos: [], tooLarge: 1 });
  });

  it('compresses harder when the first compression is not enough, and keeps what then fits', async () => {
    photo('invoice.jpg', 2 * 1024 * 1024);
    shim.compress = (c) => (c.quality === 30 ? 'invoice-small.jpg' : c.src);
    shim.files.set('invoice-small.jpg', 'A'.repeat(400_000));
    const picked = await pickPhotos(0, LEDGER_PHOTO_LIMITS);
    expect(picked.tooLarge).toBe(0);
    expect(picked.photos).toEqual([
      { contentType: 'image/jpeg', dataBase64: 'A'.repeat(400_000), preview: 'invoice-small.jpg' },
    ]);
    expect(shim.compressions).toEqual([
      { src: 'invoice.jpg', quality: 50 },
      { src: 'invoice.jpg', quality: 30, compressedWidth: 1280 },
    ]);
    expect(LEDGER_PHOTO_LIMITS.maxBytes).toBe(LEDGER_PHOTO_MAX_BYTES);
  });
});
