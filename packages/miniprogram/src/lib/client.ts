/**
 * The consumer's SDK client over Taro (WeChat login, its own storage namespace). The operator's client lives in the
 * operator subpackage (`operator/client.ts`) with the realtime socket, so the main package does not carry MQTT.
 */
import type { BrightKitchenClient } from '@brightkitchen/sdk';
import { createTaroClient } from '@brightkitchen/sdk/taro';
import { watchBrowserNetwork } from './browser-network';
import { endpoints, taro } from './taro-api';

export { endpoints, taro } from './taro-api';

let consumer: BrightKitchenClient | null = null;

export function consumerClient(): BrightKitchenClient {
  if (!consumer) {
    // `no-cache`: revalidate the public profile (max-age=30) so a consumer sees their own rating at once (h5 only).
    consumer = createTaroClient(taro, { baseURL: endpoints().baseURL, namespace: 'bk-consumer', cache: 'no-cache' });
    watchBrowserNetwork(consumer);
  }
  return consumer;
}
