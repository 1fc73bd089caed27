/** The operator's SDK client: its own session and outbox (namespace `bk-operator`) and the MQTT realtime socket. */
import type { BrightKitchenClient } from '@brightkitchen/sdk';
import { createTaroClient, createTaroRealtime, type MqttRealtime } from '@brightkitchen/sdk/taro';
import { watchBrowserNetwork } from '../lib/browser-network';
import { endpoints, taro } from '../lib/client';

export type OperatorClient = BrightKitchenClient & { readonly socket: MqttRealtime };

let operator: OperatorClient | null = null;

export function operatorClient(): OperatorClient {
  if (!operator) {
    const { baseURL, realtimeUrl } = endpoints();
    let client: BrightKitchenClient | null = null;
    const socket = createTaroRealtime(taro, { url: realtimeUrl, session: async () => client?.auth.session() });
    client = createTaroClient(taro, { baseURL, socket, namespace: 'bk-operator' });
    watchBrowserNetwork(client);
    operator = client as OperatorClient;
  }
  return operator;
}
