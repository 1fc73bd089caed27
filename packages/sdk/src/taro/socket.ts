import type { ByteSocket, OpenByteSocket } from './mqtt/realtime.js';
import type { TaroLike, TaroSocketTask } from './taro-api.js';

/** A `Blob` as H5 hands binary messages over unless told otherwise (declared here: the core has no DOM types). */
interface BlobLike {
  arrayBuffer(): Promise<ArrayBuffer>;
}

const isBlob = (data: unknown): data is BlobLike =>
  typeof data === 'object' && data !== null && typeof (data as Partial<BlobLike>).arrayBuffer === 'function';

/**
 * Taro's H5 socket task wraps a browser `WebSocket` (`task.ws`) whose binary messages arrive as `Blob`s by default:
 * ask for `ArrayBuffer`s, as WeChat gives them.
 */
function preferArrayBuffers(task: TaroSocketTask): void {
  const ws = (task as { ws?: { binaryType?: string } }).ws;
  if (ws && typeof ws.binaryType === 'string') ws.binaryType = 'arraybuffer';
}

/**
 * A binary WebSocket over `Taro.connectSocket` (`wx.connectSocket` in WeChat, `WebSocket` in H5), speaking the
 * `mqtt` subprotocol. WeChat accepts only `wss://` outside DevTools.
 */
export function taroByteSocket(taro: Pick<TaroLike, 'connectSocket'>, url: string): OpenByteSocket {
  return (handlers): ByteSocket => {
    let task: TaroSocketTask | null = null;
    let closing = false;
    const pending: Uint8Array[] = [];
    // Blobs are read asynchronously; while one is, later messages wait behind it, so bytes keep their order.
    let reading: Promise<void> | null = null;
    const later = (next: () => Promise<void> | void) => {
      const mine = (reading ?? Promise.resolve()).then(next).catch(() => handlers.onClose());
      reading = mine;
      void mine.then(() => {
        if (reading === mine) reading = null;
      });
    };
    const attach = (t: TaroSocketTask) => {
      task = t;
      preferArrayBuffers(t);
      t.onOpen(() => {
        handlers.onOpen();
        for (const bytes of pending.splice(0)) send(bytes);
      });
      t.onMessage((res) => {
        const data: unknown = res.data;
        if (typeof data === 'string') return;
        if (isBlob(data)) later(async () => handlers.onMessage(new Uint8Array(await data.arrayBuffer())));
        else if (reading) later(() => handlers.onMessage(new Uint8Array(data as ArrayBuffer)));
        else handlers.onMessage(new Uint8Array(data as ArrayBuffer));
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
