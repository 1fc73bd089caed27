import { describe, expect, it } from 'vitest';
import { createTaroStorage } from './storage.js';

function fakeTaroStorage() {
  const map = new Map<string, string>();
  return {
    map,
    async getStorage({ key }: { key: string }) {
      if (!map.has(key)) throw { errMsg: 'getStorage:fail data not found' };
      return { data: map.get(key) };
    },
    async setStorage({ key, data }: { key: string; data: string }) {
      map.set(key, data);
    },
    async removeStorage({ key }: { key: string }) {
      if (!map.delete(key)) throw { errMsg: 'removeStorage:fail' };
    },
  };
}

describe('createTaroStorage', () => {
  it('keeps values, reads a missing key as null and removes quietly', async () => {
    const taro = fakeTaroStorage();
    const storage = createTaroStorage(taro);
    expect(await storage.get('bk:outbox')).toBeNull();
    await storage.set('bk:outbox', '[1]');
    expect(await createTaroStorage(taro).get('bk:outbox')).toBe('[1]');
    await storage.remove('bk:outbox');
    await storage.remove('bk:outbox');
    expect(await storage.get('bk:outbox')).toBeNull();
  });
});
