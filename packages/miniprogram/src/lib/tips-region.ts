/**
 * Which region's tips the tips page reads: the region of the venue the consumer last scanned (remembered on the
 * phone when its public profile loads). Before any scan there is none, and the page shows the standing advice only.
 */
import Taro from '@tarojs/taro';

const KEY = 'bk-consumer:tips-region';

export function rememberTipsRegion(regionId: string | undefined): void {
  if (!regionId) return;
  try {
    Taro.setStorageSync(KEY, regionId);
  } catch {
    // Storage full or unavailable: the tips page falls back to the standing advice.
  }
}

export function tipsRegion(): string | null {
  try {
    const value = Taro.getStorageSync(KEY) as unknown;
    return typeof value === 'string' && value !== '' ? value : null;
  } catch {
    return null;
  }
}
