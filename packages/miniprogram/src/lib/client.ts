/**
 * The consumer's SDK client over Taro (WeChat login, its own storage namespace). The operator's client lives in the
 * operator subpackage (`operator/client.ts`) with the realtime socket, so the main package does not carry MQTT.
 */
import type { BrightKitchenClient } from '@brightkitchen/sdk';
import { createTaroClient, type TaroLike } from '@brightkitchen/sdk/taro';
import Taro from '@tarojs/taro';
import { watchBrowserNetwork } from './browser-network';
import { type Endpoints, endpointsFor } from './endpoints';

// Taro's overloaded typings are wider than the structural subset the SDK asks for.
export const taro = Taro as unknown as TaroLike;

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
