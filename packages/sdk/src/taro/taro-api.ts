/**
 * The part of Taro's API (`@tarojs/taro`'s default export) the `./taro` entry uses, typed structurally:
 * the SDK neither imports nor depends on Taro, the app passes its `Taro` object in.
 * The same calls exist as `wx.*` in a WeChat mini-program, so a bare `wx` fits as well.
 */

/** Options of `Taro.request` the transport sets. */
export interface TaroRequestOptions {
  url: string;
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  header: Record<string, string>;
  data?: string;
  /** Anything but `'json'` hands the body back as it came (text), so the client parses it once. */
  dataType: string;
  responseType: 'text' | 'arraybuffer';
  timeout?: number;
  /** H5: the `fetch` cache mode. */
  cache?: string;
  success?: (res: TaroRequestSuccess) => void;
  fail?: (err: { errMsg?: string; message?: string }) => void;
}

/** What `Taro.request` answers on success. */
export interface TaroRequestSuccess {
  statusCode: number;
  header?: Record<string, unknown>;
  data: unknown;
}

/** `Taro.request` answers a promise that may carry `abort()`; `wx.request` answers a task with `abort()`. */
export interface TaroRequestTask {
  abort?: () => void;
}

/** The socket task `Taro.connectSocket` answers. */
export interface TaroSocketTask {
  send(option: { data: string | ArrayBuffer; fail?: (err: unknown) => void }): void;
  close(option?: { code?: number; reason?: string }): void;
  onOpen(callback: (res?: unknown) => void): void;
  onClose(callback: (res?: { code?: number; reason?: string }) => void): void;
  onError(callback: (err?: unknown) => void): void;
  onMessage(callback: (res: { data: string | ArrayBuffer }) => void): void;
}

/** Options of `Taro.connectSocket` the realtime sets. */
export interface TaroConnectSocketOptions {
  url: string;
  protocols?: string[];
  header?: Record<string, string>;
  /** WeChat: ask for a fresh connection rather than a shared one. */
  multiple?: boolean;
}

/** The network state callbacks (`onNetworkStatusChange`, `getNetworkType`). */
export interface TaroNetworkStatus {
  isConnected: boolean;
  networkType?: string;
}

/**
 * The part of `Taro` (or WeChat's `wx`) the SDK uses: pass `Taro` itself.
 * @example createTaroClient(Taro, { baseURL })
 */
export interface TaroLike {
  request(options: TaroRequestOptions): unknown;
  getStorage(options: { key: string }): Promise<{ data: unknown }>;
  setStorage(options: { key: string; data: string }): Promise<unknown>;
  removeStorage(options: { key: string }): Promise<unknown>;
  /** Taro answers a promise of the task; `wx.connectSocket` answers the task itself. */
  connectSocket(options: TaroConnectSocketOptions): TaroSocketTask | Promise<TaroSocketTask>;
  onNetworkStatusChange?(callback: (status: TaroNetworkStatus) => void): void;
  getNetworkType?(options?: object): Promise<{ networkType: string }>;
}
