/**
 * The consumer's SDK client over Taro (WeChat login, its own storage namespace). The operator's client lives in the
 * operator subpackage (`operator/client.ts`) with the realtime socket, so the main package does not carry MQTT.
 */
import type { BrightKitchenClient } from '@brightkitchen/sdk';
import { createTaroClient, type TaroLike } from '@brightkitchen/sdk/taro';
import Taro from '@tarojs/taro';
import { watchBrowserNetwork } from './browser-network';
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

let consumer: BrightKitchenClient | null = null;

export function consumerClient(): BrightKitchenClient {
  if (!consumer) {
    // `no-cache`: revalidate the public profile (max-age=30) so a consumer sees their own rating at once (h5 only).
    consumer = createTaroClient(taro, { baseURL: endpoints().baseURL, namespace: 'bk-consumer', cache: 'no-cache' });
    watchBrowserNetwork(consumer);
  }
  return consumer;
}
