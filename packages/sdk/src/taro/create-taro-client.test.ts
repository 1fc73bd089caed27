import { describe, expect, it } from 'vitest';
import { createTaroClient, createTaroRealtime } from './create-taro-client.js';
import type { TaroConnectSocketOptions, TaroLike, TaroRequestOptions, TaroSocketTask } from './taro-api.js';

function fakeTaro() {
  const requests: TaroRequestOptions[] = [];
  const sockets: TaroConnectSocketOptions[] = [];
  const store = new Map<string, string>();
  let onNetwork: ((s: { isConnected: boolean }) => void) | undefined;
  const task: TaroSocketTask = { send() {}, close() {}, onOpen() {}, onClose() {}, onError() {}, onMessage() {} };
  const taro: TaroLike = {
    request(o) {
      requests.push(o);
      o.success?.({ statusCode: 201, header: {}, data: '{"record":{"id":"r1"},"issues":[]}' });
      return Promise.resolve();
    },
    getStorage: async ({ key }) => {
      if (!store.has(key)) throw new Error('not found');
      return { data: store.get(key) };
    },
    setStorage: async ({ key, data }) => void store.set(key, data),
    removeStorage: async ({ key }) => void store.delete(key),
    connectSocket(o) {
      sockets.push(o);
      return Promise.resolve(task);
    },
    onNetworkStatusChange: (cb) => {
      onNetwork = cb;
    },
    getNetworkType: async () => ({ networkType: 'wifi' }),
  };
  return {
    taro,
    requests,
    sockets,
    store,
    goOffline: () => onNetwork?.({ isConnected: false }),
    goOnline: () => onNetwork?.({ isConnected: true }),
  };
}

const record = {
  kind: 'tableware_disinfection',
  time: '2024-05-01T08:00:00+08:00',
  items: ['碗'],
  count: 20,
  method: 'heat_steam',
  temperatureC: 100,
  durationSeconds: 900,
  operator: '李四',
} as const;

describe('createTaroClient', () => {
  it('keeps a ledger in Taro storage while the phone is offline and sends it once when back online', async () => {
    const f = fakeTaro();
    const client = createTaroClient(f.taro, { baseURL: 'https://api.example.cn', namespace: 'op' });
    f.goOffline();
    const queued = await client.ledgers.submit('v1', record);
    expect(f.requests).toHaveLength(0);
    expect(f.store.get('op:outbox')).toContain('tableware_disinfection');
    f.goOnline();
    const outcome = await queued.settled;
    expect(outcome.state).toBe('sent');
    expect(f.requests).toHaveLength(1);
    expect(f.requests[0]?.url).toBe('https://api.example.cn/v1/venues/v1/ledgers');
    expect(f.requests[0]?.header['Idempotency-Key']).toBe(queued.idempotencyKey);
    client.close();
  });

  it('opens the realtime socket with wss:// and the mqtt subprotocol on the first subscription', async () => {
    const f = fakeTaro();
    const socket = createTaroRealtime(f.taro, { url: 'wss://api.example.cn/mqtt' });
    await socket.subscribe('bk/venues/v1/alerts', () => {});
    expect(f.sockets[0]).toMatchObject({ url: 'wss://api.example.cn/mqtt', protocols: ['mqtt'] });
    await socket.close();
  });
});
