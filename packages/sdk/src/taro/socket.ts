import type { ByteSocket, OpenByteSocket } from './mqtt/realtime.js';
import type { TaroLike, TaroSocketTask } from './taro-api.js';

/**
 * A binary WebSocket over `Taro.connectSocket` (`wx.connectSocket` in WeChat, `WebSocket` in H5), speaking the
 * `mqtt` subprotocol. WeChat accepts only `wss://` outside DevTools.
 */
export function taroByteSocket(taro: Pick<TaroLike, 'connectSocket'>, url: string): OpenByteSocket {
  return (handlers): ByteSocket => {
    let task: TaroSocketTask | null = null;
    let closing = false;
    const pending: Uint8Array[] = [];
    const attach = (t: TaroSocketTask) => {
      task = t;
      t.onOpen(() => {
        handlers.onOpen();
        for (const bytes of pending.splice(0)) send(bytes);
      });
      t.onMessage((res) => {
        if (typeof res.data !== 'string') handlers.onMessage(new Uint8Array(res.data));
      });
      t.onClose(() => handlers.onClose());
      t.onError(() => handlers.onClose());
      if (closing) t.close({});
    };
    const send = (bytes: Uint8Array) => {
      if (!task) {
        pending.push(bytes);
        return;
      }
      const data = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
      task.send({ data, fail: () => handlers.onClose() });
    };
    const opened = taro.connectSocket({ url, protocols: ['mqtt'], multiple: true });
    if (opened && typeof (opened as Promise<TaroSocketTask>).then === 'function') {
      (opened as Promise<TaroSocketTask>).then(attach, () => handlers.onClose());
    } else {
      attach(opened as TaroSocketTask);
    }
    return {
      send,
      close() {
        closing = true;
        task?.close({});
      },
    };
  };
}
