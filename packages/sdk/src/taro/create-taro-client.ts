import { type BrightKitchenClient, type ClientOptions, createClient } from '../client/create-client.js';
import { createMqttRealtime, type MqttRealtime, type RealtimeStatus } from './mqtt/realtime.js';
import { taroByteSocket } from './socket.js';
import { createTaroStorage } from './storage.js';
import type { TaroLike } from './taro-api.js';
import { createTaroTransport } from './transport.js';

export interface TaroClientOptions extends ClientOptions {
  /** MQTT over WebSocket, e.g. `wss://api.example.cn/mqtt`; no realtime socket when absent. */
  readonly realtimeUrl?: string;
  readonly timeoutMs?: number;
  readonly onRealtimeStatus?: (status: RealtimeStatus) => void;
}

/** A client whose `socket` is the MQTT subscriber (or nothing, without `realtimeUrl`). */
export type TaroClient = BrightKitchenClient & { readonly socket: MqttRealtime | undefined };

/**
 * `createClient` with Taro's seams: `Taro.request`, Taro storage (session and outbox survive closing the app),
 * MQTT over `Taro.connectSocket` (logged in with the access token), and the outbox paused while the phone is offline.
 * Any option given wins.
 *
 * @example
 * import Taro from '@tarojs/taro';
 * const client = createTaroClient(Taro, { baseURL: 'https://api.example.cn', realtimeUrl: 'wss://api.example.cn/mqtt' });
 */
export function createTaroClient(taro: TaroLike, options: TaroClientOptions): TaroClient {
  const { realtimeUrl, timeoutMs, onRealtimeStatus, ...rest } = options;
  let client: BrightKitchenClient | null = null;
  const socket = realtimeUrl
    ? createMqttRealtime({
        open: taroByteSocket(taro, realtimeUrl),
        clientId: `bk-mp-${Math.random().toString(36).slice(2, 10)}`,
        credentials: async () => {
          const session = await client?.auth.session();
          return session ? { username: session.user.id, password: session.accessToken } : {};
        },
        ...(onRealtimeStatus ? { onStatus: onRealtimeStatus } : {}),
      })
    : undefined;
  client = createClient({
    transport: createTaroTransport(taro, timeoutMs === undefined ? {} : { timeoutMs }),
    storage: createTaroStorage(taro),
    ...(socket ? { socket } : {}),
    ...rest,
  });
  watchNetwork(taro, client);
  return client as TaroClient;
}

function watchNetwork(taro: TaroLike, client: BrightKitchenClient): void {
  taro.onNetworkStatusChange?.((status) => client.outbox.setOnline(status.isConnected));
  taro
    .getNetworkType?.()
    .then((res) => client.outbox.setOnline(res.networkType !== 'none'))
    .catch(() => {});
}
