/**
 * A small stand-in for `@tarojs/taro` in component tests: storage in a Map, navigation recorded, `request` answered
 * by a handler each test sets (a network failure by default, i.e. the phone is offline).
 */
import { useEffect, useRef } from 'react';

// The build defines this constant; tests talk to a made-up API host.
(globalThis as { BK_API_BASE?: string }).BK_API_BASE = 'https://api.test';
(globalThis as { BK_REALTIME_URL?: string }).BK_REALTIME_URL = '';

export interface ShimRequest {
  url: string;
  method: string;
  header: Record<string, string>;
  data?: string;
}
export type ShimAnswer = { statusCode: number; data: unknown } | 'offline';

/** What `chooseMedia` answers next (none: the person cancels). */
export interface ShimPickedFile {
  readonly path: string;
  readonly size: number;
}
export interface ShimCompress {
  readonly src: string;
  readonly quality?: number;
  readonly compressedWidth?: number;
}

export const shim = {
  storage: new Map<string, string>(),
  params: {} as Record<string, string>,
  navigations: [] as string[],
  requests: [] as ShimRequest[],
  answer: (_req: ShimRequest): ShimAnswer => 'offline',
  toasts: [] as string[],
  /** Largest value `setStorage` keeps, in characters (WeChat: 1 MB per key); larger fails like WeChat does. */
  storageMaxChars: Number.POSITIVE_INFINITY,
  /** The photo library: `chooseMedia` answers `picked`, files are read as base64 from `files`. */
  picked: [] as ShimPickedFile[],
  files: new Map<string, string>(),
  chooseCounts: [] as number[],
  compressions: [] as ShimCompress[],
  /** Where `compressImage` puts its result (its own path by default: the file does not shrink). */
  compress: (c: ShimCompress): string => c.src,
  reset() {
    this.storage.clear();
    this.params = {};
    this.navigations = [];
    this.requests = [];
    this.toasts = [];
    this.answer = () => 'offline';
    this.storageMaxChars = Number.POSITIVE_INFINITY;
    this.picked = [];
    this.files.clear();
    this.chooseCounts = [];
    this.compressions = [];
    this.compress = (c) => c.src;
  },
};

type Callbacks = {
  success?: (res: { statusCode: number; header: Record<string, string>; data: unknown }) => void;
  fail?: (err: { errMsg: string }) => void;
};

const Taro = {
  request(options: ShimRequest & Callbacks) {
    shim.requests.push({ url: options.url, method: options.method, header: options.header, data: options.data });
    const answer = shim.answer(options);
    queueMicrotask(() => {
      if (answer === 'offline') options.fail?.({ errMsg: 'request:fail' });
      else
        options.success?.({
          statusCode: answer.statusCode,
          header: { 'content-type': 'application/json' },
          // Bytes (an image asked with responseType 'arraybuffer') as they are; anything else as JSON text.
          data:
            typeof answer.data === 'string' || answer.data instanceof ArrayBuffer
              ? answer.data
              : JSON.stringify(answer.data),
        });
    });
    return Promise.resolve();
  },
  async getStorage({ key }: { key: string }) {
    if (!shim.storage.has(key)) throw { errMsg: 'getStorage:fail data not found' };
    return { data: shim.storage.get(key) };
  },
  async setStorage({ key, data }: { key: string; data: string }) {
    if (data.length > shim.storageMaxChars) throw { errMsg: 'setStorage:fail entry size limit reached' };
    shim.storage.set(key, data);
  },
  async removeStorage({ key }: { key: string }) {
    shim.storage.delete(key);
  },
  getStorageSync: (key: string) => shim.storage.get(key) ?? '',
  setStorageSync: (key: string, data: string) => void shim.storage.set(key, data),
  removeStorageSync: (key: string) => void shim.storage.delete(key),
  connectSocket: () => new Promise(() => {}),
  onNetworkStatusChange: () => {},
  getNetworkType: async () => ({ networkType: 'wifi' }),
  async login() {
    return { code: 'wx-code-1' };
  },
  async navigateTo({ url }: { url: string }) {
    shim.navigations.push(url);
  },
  async redirectTo({ url }: { url: string }) {
    shim.navigations.push(url);
  },
  async switchTab({ url }: { url: string }) {
    shim.navigations.push(url);
  },
  async navigateBack() {
    shim.navigations.push('back');
  },
  async chooseMedia({ count }: { count: number }) {
    shim.chooseCounts.push(count);
    if (shim.picked.length === 0) throw { errMsg: 'chooseMedia:fail cancel' };
    const tempFiles = shim.picked.slice(0, count).map((f) => ({ tempFilePath: f.path, size: f.size }));
    return { tempFiles, type: 'image' };
  },
  async compressImage(c: ShimCompress) {
    shim.compressions.push(c);
    return { tempFilePath: shim.compress(c) };
  },
  getFileSystemManager: () => ({
    readFileSync(path: string, encoding: string) {
      const data = shim.files.get(path);
      if (data === undefined || encoding !== 'base64') throw { errMsg: `readFileSync:fail ${path}` };
      return data;
    },
  }),
  async showToast({ title }: { title: string }) {
    shim.toasts.push(title);
  },
};

export default Taro;

export const useRouter = () => ({ params: shim.params });
// Taro calls these once per page show; the shim runs them once on mount (a ref keeps the first callback).
export function useLoad(cb: (q: Record<string, string>) => void): void {
  const first = useRef(cb);
  useEffect(() => first.current(shim.params), []);
}
export function useDidShow(cb: () => void): void {
  const first = useRef(cb);
  useEffect(() => first.current(), []);
}
export const useDidHide = (_cb: () => void) => {};
