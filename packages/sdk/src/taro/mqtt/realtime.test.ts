import { describe, expect, it } from 'vitest';
import { createPacketReader, encodePublish } from './codec.js';
import { type ByteSocketHandlers, createMqttRealtime } from './realtime.js';

function fakeBroker() {
  const sockets: { handlers: ByteSocketHandlers; sent: Uint8Array[]; closed: boolean }[] = [];
  return {
    sockets,
    open(handlers: ByteSocketHandlers) {
      const s = { handlers, sent: [] as Uint8Array[], closed: false };
      sockets.push(s);
      return {
        send: (b: Uint8Array) => s.sent.push(b),
        close: () => {
          s.closed = true;
        },
      };
    },
  };
}

const manualClock = () => {
  const timers: { at: number; cb: () => void }[] = [];
  return {
    timers,
    now: () => 0,
    setTimeout: (cb: () => void, at: number) => timers.push({ at, cb }),
    clearTimeout: () => {},
  };
};

describe('createMqttRealtime', () => {
  it('connects with the token, subscribes after CONNACK and delivers matching messages', async () => {
    const broker = fakeBroker();
    const statuses: string[] = [];
    const rt = createMqttRealtime({
      open: broker.open,
      clientId: 'c',
      credentials: async () => ({ username: 'u1', password: 'token' }),
      clock: manualClock(),
      onStatus: (s) => statuses.push(s),
    });
    const got: string[] = [];
    await rt.subscribe('bk/venues/v1/alerts', (p) => got.push(p));
    const socket = broker.sockets[0]!;
    socket.handlers.onOpen();
    expect(socket.sent[0]?.[0]).toBe(0x10);
    socket.handlers.onMessage(Uint8Array.from([0x20, 2, 0, 0]));
    expect(rt.status).toBe('online');
    expect(socket.sent[1]?.[0]).toBe(0x82);
    socket.handlers.onMessage(encodePublish('bk/venues/v1/alerts', '{"id":"a1"}'));
    socket.handlers.onMessage(encodePublish('bk/venues/v2/alerts', '{"id":"a2"}'));
    expect(got).toEqual(['{"id":"a1"}']);
    expect(statuses).toEqual(['connecting', 'online']);
  });

  it('reconnects after the socket drops and subscribes again', async () => {
    const broker = fakeBroker();
    const clock = manualClock();
    const rt = createMqttRealtime({ open: broker.open, clientId: 'c', clock, reconnectMs: 1000 });
    await rt.subscribe('t', () => {});
    broker.sockets[0]!.handlers.onOpen();
    broker.sockets[0]!.handlers.onMessage(Uint8Array.from([0x20, 2, 0, 0]));
    broker.sockets[0]!.handlers.onClose();
    expect(rt.status).toBe('offline');
    clock.timers.find((t) => t.at === 1000)!.cb();
    await Promise.resolve();
    const second = broker.sockets[1]!;
    second.handlers.onOpen();
    second.handlers.onMessage(Uint8Array.from([0x20, 2, 0, 0]));
    const read = createPacketReader();
    expect(second.sent.map((b) => b[0])).toEqual([0x10, 0x82]);
    expect(read(second.sent[0]!)).toHaveLength(1);
  });
});
