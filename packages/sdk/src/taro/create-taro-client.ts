import { type BrightKitchenClient, type ClientOptions, createClient } from '../client/create-client.js';
import type { Session } from '../client/session.js';
import { createMqttRealtime, type MqttRealtime, type RealtimeStatus } from './mqtt/realtime.js';
import { taroByteSocket } from './socket.js';
import { createTaroStorage } from './storage.js';
import type { TaroLike } from './taro-api.js';
import { createTaroTransport, type TaroTransportOptions } from './transport.js';

/** Options of {@link createTaroClient}: the client's own, plus the request timeout (default 15 s) and H5 cache mode. */
export interface TaroClientOptions extends ClientOptions {
  readonly timeoutMs?: number;
  /** See {@link TaroTransportOptions.cache}. */
  readonly cache?: TaroTransportOptions['cache'];
}

/**
 * `createClient` with Taro's seams: `Taro.request`, Taro storage (session and outbox survive closing the app), and
 * the outbox paused while the phone is offline. Pass `socket: createTaroRealtime(…)` for realtime. Any option given wins.
 *
 * @example
 * import Taro from '@tarojs/taro';
 * const client = createTaroClient(Taro, { baseURL: 'https://api.example.cn' });
 */
export function createTaroClient(taro: TaroLike, options: TaroClientOptions): BrightKitchenClient {
  const { timeoutMs, cache, ...rest } = options;
  const client = createClient({
    transport: createTaroTransport(taro, {
      ...(timeoutMs === undefined ? {} : { timeoutMs }),
      ...(cache === undefined ? {} : { cache }),
    }),
    storage: createTaroStorage(taro),
    ...rest,
  });
  taro.onNetworkStatusChange?.((status) => client.outbox.setOnline(status.isConnected));
  taro
    .getNetworkType?.()
    .then((res) => client.outbox.setOnline(res.networkType !== 'none'))
    .catch(() => {});
  return client;
}

/** Options of {@link createTaroRealtime}. */
export interface TaroRealtimeOptions {
  /** MQTT over WebSocket, e.g. `wss://api.example.cn/mqtt` (WeChat allows only `wss://`). */
  readonly url: string;
  /** The session whose access token logs in to the broker (asked before each connection). */
  readonly session?: () => Promise<Session | null | undefined>;
  readonly onStatus?: (status: RealtimeStatus) => void;
}

/**
 * The realtime seam over `Taro.connectSocket`: a small MQTT subscriber (kept out of `createTaroClient`, so an app whose
 * main package needs no realtime does not ship it there).
 *
 * @example
 * const socket = createTaroRealtime(Taro, { url: 'wss://api.example.cn/mqtt', session: () => client.auth.session() });
 */
export function createTaroRealtime(taro: Pick<TaroLike, 'connectSocket'>, options: TaroRealtimeOptions): MqttRealtime {
  return createMqttRealtime({
    open: taroByteSocket(taro, options.url),
    clientId: `bk-mp-${Math.random().toString(36).slice(2, 10)}`,
    credentials: async () => {
      const session = await options.session?.();
      return session ? { username: session.user.id, password: session.accessToken } : {};
    },
    ...(options.onStatus ? { onStatus: options.onStatus } : {}),
  });
}
