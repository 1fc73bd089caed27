/**
 * The Taro calls the SDK uses and where the app talks to, without any client: what the venue page needs for its one
 * request (lib/public-profile.ts) stays out of the SDK client's code.
 */
import type { TaroLike } from '@brightkitchen/sdk/taro';
import Taro from '@tarojs/taro';
import { type Endpoints, endpointsFor } from './endpoints';

/**
 * The Taro calls the SDK uses, each spelled `Taro.x(...)`: the h5 build rewrites those member calls into imports of
 * just the APIs used (the default `Taro` object has no `request` there), so the object itself must not be passed on.
 * Casts: Taro's overloaded typings are wider than the structural subset the SDK asks for.
 */
export const taro: TaroLike = {
  request: (o) => Taro.request(o as unknown as Taro.request.Option),
  getStorage: (o) => Taro.getStorage(o) as Promise<{ data: unknown }>,
  setStorage: (o) => Taro.setStorage(o),
  removeStorage: (o) => Taro.removeStorage(o),
  connectSocket: (o) => Taro.connectSocket(o) as unknown as ReturnType<TaroLike['connectSocket']>,
  onNetworkStatusChange: (cb) => Taro.onNetworkStatusChange(cb),
  getNetworkType: () => Taro.getNetworkType(),
};

export function endpoints(): Endpoints {
  const origin = typeof window !== 'undefined' && window.location ? window.location.origin : undefined;
  return endpointsFor(process.env.TARO_ENV === 'h5' ? 'h5' : 'weapp', BK_API_BASE, origin, BK_REALTIME_URL);
}
