/**
 * The app's two SDK clients over Taro: one for consumers (WeChat login), one for operator staff (account login), each
 * with its own storage namespace so a shop assistant who also rates a restaurant keeps both sessions and outboxes.
 */
import { createTaroClient, type TaroClient, type TaroLike } from '@brightkitchen/sdk/taro';
import Taro from '@tarojs/taro';
import { endpointsFor } from './endpoints';

// Taro's overloaded typings are wider than the structural subset the SDK asks for.
const taro = Taro as unknown as TaroLike;

function endpoints() {
  const origin = typeof window !== 'undefined' && window.location ? window.location.origin : undefined;
  return endpointsFor(process.env.TARO_ENV === 'h5' ? 'h5' : 'weapp', BK_API_BASE, origin);
}

let consumer: TaroClient | null = null;
let operator: TaroClient | null = null;

export function consumerClient(): TaroClient {
  consumer ??= createTaroClient(taro, { baseURL: endpoints().baseURL, namespace: 'bk-consumer' });
  return consumer;
}

export function operatorClient(): TaroClient {
  if (!operator) {
    const { baseURL, realtimeUrl } = endpoints();
    operator = createTaroClient(taro, { baseURL, realtimeUrl, namespace: 'bk-operator' });
  }
  return operator;
}
