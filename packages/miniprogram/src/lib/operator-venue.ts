/** The operator's current venue (for people with several), kept on the device. */
import Taro from '@tarojs/taro';

const KEY = 'bk-operator:venue';

export interface CurrentVenue {
  readonly id: string;
  readonly name: string;
  readonly kind?: string;
  readonly timeZone?: string;
}

export function currentVenue(): CurrentVenue | null {
  const raw = Taro.getStorageSync(KEY) as string;
  if (!raw) return null;
  try {
    return JSON.parse(raw) as CurrentVenue;
  } catch {
    return null;
  }
}

export function setCurrentVenue(venue: CurrentVenue | null): void {
  if (venue) Taro.setStorageSync(KEY, JSON.stringify(venue));
  else Taro.removeStorageSync(KEY);
}
