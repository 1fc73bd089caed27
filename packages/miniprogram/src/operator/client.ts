/** The operator's SDK client: its own session and outbox (namespace `bk-operator`) and the MQTT realtime socket. */
import type { BrightKitchenClient } from '@brightkitchen/sdk';
import { createTaroClient, createTaroRealtime, type MqttRealtime, type RealtimeStatus } from '@brightkitchen/sdk/taro';
import { watchBrowserNetwork } from '../lib/browser-network';
import { endpoints, taro } from '../lib/client';

export type OperatorClient = BrightKitchenClient & {
  readonly socket: MqttRealtime;
  /** Follows the realtime connection; answers the unsubscribe. */
  onRealtimeStatus(listener: (status: RealtimeStatus) => void): () => void;
};

let operator: OperatorClient | null = null;

export function operatorClient(): OperatorClient {
  if (!operator) {
    const { baseURL, realtimeUrl } = endpoints();
    const listeners = new Set<(status: RealtimeStatus) => void>();
    let client: BrightKitchenClient | null = null;
    const socket = createTaroRealtime(taro, {
      url: realtimeUrl,
      session: async () => client?.auth.session(),
      onStatus: (status) => {
        for (const listener of listeners) listener(status);
      },
    });
    client = createTaroClient(taro, { baseURL, socket, namespace: 'bk-operator' });
    // A damaged stored write is set aside by the outbox (kept in storage); say so where support can see it.
    client.outbox.events.on('quarantined', ({ key, reason }) =>
      console.warn(`outbox: set aside a value of ${key}: ${reason}`),
    );
    watchBrowserNetwork(client);
    operator = Object.assign(client, {
      socket,
      onRealtimeStatus(listener: (status: RealtimeStatus) => void) {
        listeners.add(listener);
        return () => void listeners.delete(listener);
      },
    });
  }
  return operator;
}
