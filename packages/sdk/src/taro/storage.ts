import type { KeyValueStorage } from '../client/storage.js';
import type { TaroLike } from './taro-api.js';

/**
 * The client's storage seam over Taro's storage API (`wx.setStorage`, `localStorage` in H5): the session and the
 * outbox survive closing the mini-program. A missing key reads as `null` (Taro rejects `getStorage` for it).
 *
 * @example
 * const client = createClient({ baseURL, transport, storage: createTaroStorage(Taro) });
 */
export function createTaroStorage(
  taro: Pick<TaroLike, 'getStorage' | 'setStorage' | 'removeStorage'>,
): KeyValueStorage {
  return {
    async get(key) {
      try {
        const { data } = await taro.getStorage({ key });
        return typeof data === 'string' ? data : null;
      } catch {
        return null;
      }
    },
    async set(key, value) {
      await taro.setStorage({ key, data: value });
    },
    async remove(key) {
      try {
        await taro.removeStorage({ key });
      } catch {
        // Removing a key that is not there is not an error for the client.
      }
    },
  };
}
