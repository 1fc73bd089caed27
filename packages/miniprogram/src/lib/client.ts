/**
 * The consumer's SDK client over Taro (WeChat login, its own storage namespace). The operator's client lives in the
 * operator subpackage (`operator/client.ts`) with the realtime socket, so the main package does not carry MQTT.
 */
import type { BrightKitchenClient } from '@brightkitchen/sdk';
import { createTaroClient, type TaroLike } from '@brightkitchen/sdk/taro';
import Taro from '@tarojs/taro';
import { type Endpoints, endpointsFor } from './endpoints';

// Taro's overloaded typings are wider than the structural subset the SDK asks for.
export const taro = Taro as unknown as TaroLike;

export function endpoints(): Endpoints {
  const origin = typeof window !== 'undefined' && window.location ? window.location.origin : undefined;
  return endpointsFor(process.env.TARO_ENV === 'h5' ? 'h5' : 'weapp', BK_API_BASE, origin);
}

let consumer: BrightKitchenClient | null = null;

export function consumerClient(): BrightKitchenClient {
  consumer ??= createTaroClient(taro, { baseURL: endpoints().baseURL, namespace: 'bk-consumer' });
  return consumer;
}
