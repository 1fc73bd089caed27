import { describe, expect, it } from 'vitest';
import { taroByteSocket } from './socket.js';
import type { TaroSocketTask } from './taro-api.js';

/** Taro's H5 task: a browser WebSocket inside (`ws`), handing binary messages over as the socket's `binaryType` says. */
function h5Task() {
  const ws = { binaryType: 'blob' };
  let onMessage: (res: { data: unknown }) => void = () => {};
  let onOpen: () => void = () => {};
  const task = {
    ws,
    send() {},
    close() {},
    onOpen: (cb: () => void) => {
      onOpen = cb;
    },
    onClose() {},
    onError() {},
    onMessage: (cb: (res: { data: unknown }) => void) => {
      onMessage = cb;
    },
  };
  return { ws, task, open: () => onOpen(), message: (data: unknown) => onMessage({ data }) };
}

const blob = (bytes: number[], delayMs: number) => ({
  arrayBuffer: () => new Promise<ArrayBuffer>((r) => setTimeout(() => r(Uint8Array.from(bytes).buffer), delayMs)),
});

describe('taroByteSocket', () => {
  it('asks an H5 socket for ArrayBuffers, and reads Blobs in arrival order when it gets them anyway', async () => {
    const h5 = h5Task();
    const received: number[][] = [];
    const open = taroByteSocket(
      { connectSocket: async () => h5.task as unknown as TaroSocketTask },
      'ws://127.0.0.1:8080/mqtt',
    );
    open({ onOpen() {}, onMessage: (bytes) => received.push([...bytes]), onClose() {} });
    await new Promise((r) => setTimeout(r, 0));
    expect(h5.ws.binaryType).toBe('arraybuffer');

    h5.open();
    h5.message(Uint8Array.from([1]).buffer);
    expect(received).toEqual([[1]]);
    h5.message(blob([2], 30));
    h5.message(blob([3], 0));
    h5.message(Uint8Array.from([4]).buffer);
    h5.message('text frames are not MQTT');
    await new Promise((r) => setTimeout(r, 60));
    expect(received).toEqual([[1], [2], [3], [4]]);
  });
});
