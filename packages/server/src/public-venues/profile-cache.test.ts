import { describe, expect, it } from 'vitest';
import { ProfileCache } from './profile-cache.js';

describe('ProfileCache', () => {
  it('loads once for concurrent requests and serves the cached JSON until the TTL', async () => {
    const cache = new ProfileCache(60_000);
    let loads = 0;
    const loader = async () => {
      loads += 1;
      return { venueId: 'ven_1', json: '{"n":1}' };
    };
    const answers = await Promise.all([cache.load('CODE123456', loader), cache.load('CODE123456', loader)]);
    expect(answers).toEqual(['{"n":1}', '{"n":1}']);
    expect(loads).toBe(1);
    expect(cache.get('CODE123456')).toBe('{"n":1}');
    expect(cache.get('CODE123456', Date.now() + 61_000)).toBeUndefined();
  });

  it('drops a venue’s entry on invalidation, and does not keep a load that raced a write', async () => {
    const cache = new ProfileCache(60_000);
    await cache.load('CODE123456', async () => ({ venueId: 'ven_1', json: 'old' }));
    cache.invalidateVenue('ven_1');
    expect(cache.get('CODE123456')).toBeUndefined();

    let release: () => void = () => {};
    const slow = cache.load(
      'CODE123456',
      () =>
        new Promise((resolve) => {
          release = () => resolve({ venueId: 'ven_1', json: 'stale' });
        }),
    );
    cache.invalidateVenue('ven_1');
    release();
    expect(await slow).toBe('stale');
    expect(cache.get('CODE123456')).toBeUndefined();
  });

  it('answers null for an unknown code without caching it', async () => {
    const cache = new ProfileCache();
    expect(await cache.load('NOPE000000', async () => null)).toBeNull();
    expect(cache.get('NOPE000000')).toBeUndefined();
  });
});
